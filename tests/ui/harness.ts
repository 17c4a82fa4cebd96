import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test as base, expect, type Page } from '@playwright/test'
import { API_METHODS, BRIDGE_GLOBAL, type ApiMethod } from '../../electron/contract/api'
import type { Codebook, DocumentMeta, SentenceAnnotation } from '../../electron/contract/model'
import { openSettings } from '../../electron/core/settings'
import { openWorkbench, type Workbench, type WorkbenchPaths } from '../../electron/core/workbench'
import { ScriptedDialogs } from '../support/scriptedDialogs'
import { serveFolder } from '../support/staticServer'
import { WorkbenchPage } from '../support/workbenchPage'

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)))

/**
 * The app without Electron: the built renderer in Chromium, and the real core in this process
 * behind the same handler table main registers, bound into the page where the preload would
 * put it. "Restarting" closes the core and opens the same folders again.
 */
export class Harness {
  workbench: Workbench | null = null
  readonly paths: WorkbenchPaths
  /** Answers for the file dialogs the app shows; queue them before the click that opens one. */
  readonly dialogs = new ScriptedDialogs()

  constructor(
    readonly page: Page,
    readonly url: string,
    readonly dataDir: string,
    /** The system language the core sees, as main reads it from the OS: the browser's here. */
    readonly systemLocale: 'en' | 'de' = 'en',
  ) {
    this.paths = {
      projectDir: join(dataDir, 'projects', 'default'),
      settingsFile: join(dataDir, 'settings.json'),
      sampleCorpusDir: join(REPO, 'corpus'),
      dialogs: this.dialogs,
      systemLocale,
    }
  }

  get projectDir(): string {
    return this.paths.projectDir
  }

  async start(options: { annotator?: string } = {}): Promise<WorkbenchPage> {
    if (options.annotator)
      await (await openSettings(this.paths.settingsFile)).update({ annotator: options.annotator })
    this.workbench = await openWorkbench(this.paths)
    await this.page.exposeBinding(
      '__workbenchCall',
      async (_source, method: ApiMethod, args: unknown[]) => {
        if (!this.workbench)
          return { ok: false, error: 'The app is restarting.', code: 'api.restarting', params: {} }
        return this.workbench.handlers[method](...args)
      },
    )
    await this.page.addInitScript(
      ({ methods, name }) => {
        const call = (
          window as unknown as { __workbenchCall: (m: string, a: unknown[]) => Promise<unknown> }
        ).__workbenchCall
        const bridge: Record<string, (...args: unknown[]) => Promise<unknown>> = {}
        for (const m of methods) bridge[m] = (...args: unknown[]) => call(m, args)
        Object.defineProperty(window, name, { value: Object.freeze(bridge) })
      },
      { methods: [...API_METHODS], name: BRIDGE_GLOBAL },
    )
    await this.page.goto(this.url)
    return new WorkbenchPage(this.page)
  }

  /** Closes the core as the app does on quit, opens the project again, and reloads the page. */
  async restart(): Promise<WorkbenchPage> {
    await this.workbench?.close()
    this.workbench = null
    this.workbench = await openWorkbench(this.paths)
    await this.page.reload()
    return new WorkbenchPage(this.page)
  }

  async stop(): Promise<void> {
    await this.workbench?.close()
    this.workbench = null
  }
}

export const test = base.extend<{ harness: Harness }, { rendererUrl: string }>({
  rendererUrl: [
    async ({}, use) => {
      const server = await serveFolder(join(REPO, 'out', 'renderer'))
      await use(server.url)
      await server.close()
    },
    { scope: 'worker' },
  ],
  harness: async ({ page, rendererUrl, locale }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'workbench-ui-'))
    const system = locale?.toLowerCase().startsWith('de') ? 'de' : 'en'
    const harness = new Harness(page, rendererUrl, dir, system)
    // An uncaught error in the page is a bug the analyst would hit: every test fails on one.
    const pageErrors: string[] = []
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await use(harness)
    await harness.stop()
    await rm(dir, { recursive: true, force: true })
    expect(pageErrors, 'uncaught errors in the page').toEqual([])
  },
})

/**
 * The test's only coder's layer of a document as the disk holds it
 * (annotations/<coder>/<document>.json: labels, and corrections such as edited metadata).
 * Throws ENOENT while nothing of it was saved.
 */
export async function layerOnDisk(
  harness: Harness,
  documentId: string,
): Promise<{ annotations: Record<string, SentenceAnnotation>; meta?: DocumentMeta }> {
  const dir = join(harness.projectDir, 'annotations')
  const coders = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory())
  for (const coder of coders) {
    const file = join(dir, coder.name, `${documentId}.json`)
    const text = await readFile(file, 'utf8').catch(() => null)
    if (text !== null) return JSON.parse(text)
  }
  throw Object.assign(new Error(`ENOENT: no layer of ${documentId} on disk`), { code: 'ENOENT' })
}

/** A document's annotations as the disk holds them (see layerOnDisk). */
export async function annotationsOnDisk(
  harness: Harness,
  documentId: string,
): Promise<Record<string, SentenceAnnotation>> {
  return (await layerOnDisk(harness, documentId)).annotations
}

/** The codebook in use as the disk holds it: the newest of its versions (codebook/*.json). */
export async function codebookOnDisk(harness: Harness): Promise<Codebook> {
  const dir = join(harness.projectDir, 'codebook')
  const files = (await readdir(dir)).filter((f) => /^\d+-.+\.json$/.test(f)).sort()
  const newest = files.at(-1)
  if (!newest) throw new Error('no codebook version on disk')
  return JSON.parse(await readFile(join(dir, newest), 'utf8')).codebook
}

/**
 * The annotations of a document as the core holds them once a save has returned, which is after
 * the write is durable on disk (read through the core, whatever the folder layout).
 */
export async function storedAnnotations(
  harness: Harness,
  documentId: string,
): Promise<Record<string, SentenceAnnotation>> {
  if (!harness.workbench) throw new Error('The app is not running.')
  return (await harness.workbench.service.getDocument(documentId)).annotations
}

export { expect } from '@playwright/test'
