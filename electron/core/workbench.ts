import { readdir, readFile, rename, rm, rmdir } from 'node:fs/promises'
import { join } from 'node:path'
import { formatMessage, type MessageLocale } from '../contract/messages'
import type { Codebook } from '../contract/model'
import { codebookSchema } from '../contract/schemas'
import { importPaths } from './corpus/importer'
import { noDialogs, type Dialogs } from './dialogs'
import { createHandlers, type Handlers } from './handlers'
import { JobRunner } from './jobs'
import { ProjectService } from './project'
import { Team } from './team/team'
import type { WatchOptions } from './team/watcher'
import { openSettings } from './settings'
import { NotAProjectError, openLowdbRepository } from './storage/lowdbRepository'

/** Where the app keeps its data; main passes Electron's user-data folder, tests a temp folder. */
export interface WorkbenchPaths {
  /** The project folder to open (created with the sample corpus when absent). */
  projectDir: string
  /** The per-user settings file. */
  settingsFile: string
  /** The shipped sample corpus: *.txt articles and codebook.json. */
  sampleCorpusDir: string
  /** The file dialogs (Electron's in the app, scripted answers in tests). */
  dialogs?: Dialogs
  /** The built export worker (the app's out/main/exportWorker.js); absent, run from source. */
  exportWorkerScript?: string
  /** The built suggestion worker (the app's out/main/suggestWorker.js); absent, run from source. */
  suggestWorkerScript?: string
  /** The system's language, used until the analyst chooses one (English when absent). */
  systemLocale?: MessageLocale
  /** Watch the folder for files arriving from sync (on unless false). */
  watch?: boolean | WatchOptions
}

export interface Workbench {
  service: ProjectService
  handlers: Handlers
  /** The analyst's language: the one chosen in the app, else the system's. */
  locale(): MessageLocale
  close(): Promise<void>
}

/**
 * The codebook a new project starts with, in the analyst's language: `codebook.de.json` for
 * German (the same dimensions, label ids, colours and keys, with German names and definitions),
 * `codebook.json` otherwise.
 */
export async function loadDefaultCodebook(
  sampleCorpusDir: string,
  locale: MessageLocale = 'en',
): Promise<Codebook> {
  const file = locale === 'de' ? 'codebook.de.json' : 'codebook.json'
  const raw = JSON.parse(await readFile(join(sampleCorpusDir, file), 'utf8'))
  return codebookSchema.parse(raw)
}

/**
 * Opens the project the app works on. On first start the folder holds nothing, and the project
 * is created from the sample corpus, so an analyst sees real articles from the first minute.
 */
export async function openWorkbench(paths: WorkbenchPaths): Promise<Workbench> {
  const settings = await openSettings(paths.settingsFile)
  const locale = (): MessageLocale => settings.get().locale ?? paths.systemLocale ?? 'en'
  // The project is opened as this user's coder: their layer is the one written.
  const { coderId: coder, annotator: coderName } = settings.get()
  const open = () => openLowdbRepository(paths.projectDir, { lock: 'the app', coder, coderName })
  let repo
  try {
    repo = await open()
  } catch (e) {
    if (!(e instanceof NotAProjectError)) throw e
    await createSampleProject(paths.projectDir, paths.sampleCorpusDir, { coder, locale: locale() })
    repo = await open()
  }
  const service = new ProjectService(repo, settings)
  service.useSuggestWorker(paths.suggestWorkerScript)
  // Files arriving from other coders' machines are noticed while the project is open.
  const team = new Team(repo, settings)
  // The first look at the other coders' files runs beside the opening: in a large team project it
  // reads thousands of files, and the analyst can code meanwhile; the views update when it ends.
  await team.writeOwnProfile()
  void team.scan().catch(() => undefined)
  if (paths.watch !== false) team.watch(paths.watch === true ? undefined : paths.watch)
  service.attachTeam(team)
  const jobs = new JobRunner()
  return {
    service,
    handlers: createHandlers(service, {
      dialogs: paths.dialogs ?? noDialogs,
      jobs,
      exportWorkerScript: paths.exportWorkerScript,
    }),
    locale,
    async close() {
      // Running imports and exports stop between documents; then the index is written.
      team.close()
      jobs.cancelAll()
      await jobs.idle()
      await service.closeSuggestions()
      await repo.close()
    },
  }
}

/**
 * Builds the sample project beside its final place and renames it in, so a crash during the
 * first start never leaves a half-imported project behind. Its name and codebook are in the
 * analyst's language.
 */
export async function createSampleProject(
  projectDir: string,
  sampleCorpusDir: string,
  { coder, locale = 'en' }: { coder?: string; locale?: MessageLocale } = {},
): Promise<void> {
  const staging = `${projectDir}.creating`
  await rm(staging, { recursive: true, force: true })
  const codebook = await loadDefaultCodebook(sampleCorpusDir, locale)
  const repo = await openLowdbRepository(staging, {
    create: { name: formatMessage({ code: 'project.sampleName' }, locale), codebook },
    coder,
  })
  const articles = (await readdir(sampleCorpusDir)).filter((f) => f.endsWith('.txt')).sort()
  await importPaths(
    repo,
    articles.map((f) => join(sampleCorpusDir, f)),
  )
  await repo.close()
  // Only an absent or empty folder is replaced: a folder of the analyst's own is never touched.
  await rmdir(projectDir).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e
  })
  await rename(staging, projectDir)
}
