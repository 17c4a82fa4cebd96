import { readdir, readFile, rename, rm, rmdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Codebook } from '../contract/model'
import { codebookSchema } from '../contract/schemas'
import { importPaths } from './corpus/importer'
import { noDialogs, type Dialogs } from './dialogs'
import { createHandlers, type Handlers } from './handlers'
import { JobRunner } from './jobs'
import { ProjectService } from './project'
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
}

export interface Workbench {
  service: ProjectService
  handlers: Handlers
  close(): Promise<void>
}

export async function loadDefaultCodebook(sampleCorpusDir: string): Promise<Codebook> {
  const raw = JSON.parse(await readFile(join(sampleCorpusDir, 'codebook.json'), 'utf8'))
  return codebookSchema.parse(raw)
}

/**
 * Opens the project the app works on. On first start the folder holds nothing, and the project
 * is created from the sample corpus, so an analyst sees real articles from the first minute.
 */
export async function openWorkbench(paths: WorkbenchPaths): Promise<Workbench> {
  const settings = await openSettings(paths.settingsFile)
  let repo
  try {
    repo = await openLowdbRepository(paths.projectDir, { lock: 'the app' })
  } catch (e) {
    if (!(e instanceof NotAProjectError)) throw e
    await createSampleProject(paths.projectDir, paths.sampleCorpusDir)
    repo = await openLowdbRepository(paths.projectDir, { lock: 'the app' })
  }
  const service = new ProjectService(repo, settings)
  const jobs = new JobRunner()
  return {
    service,
    handlers: createHandlers(service, {
      dialogs: paths.dialogs ?? noDialogs,
      jobs,
      exportWorkerScript: paths.exportWorkerScript,
    }),
    async close() {
      // Running imports and exports stop between documents; then the index is written.
      jobs.cancelAll()
      await jobs.idle()
      await repo.close()
    },
  }
}

/**
 * Builds the sample project beside its final place and renames it in, so a crash during the
 * first start never leaves a half-imported project behind.
 */
export async function createSampleProject(
  projectDir: string,
  sampleCorpusDir: string,
): Promise<void> {
  const staging = `${projectDir}.creating`
  await rm(staging, { recursive: true, force: true })
  const codebook = await loadDefaultCodebook(sampleCorpusDir)
  const repo = await openLowdbRepository(staging, { create: { name: 'Sample corpus', codebook } })
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
