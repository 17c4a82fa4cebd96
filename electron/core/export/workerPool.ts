/**
 * The pass over the documents with worker threads: two workers read, check and serialise
 * alternate batches of documents (./workerBatch.ts) while this thread only writes their bytes,
 * in order. Reading and serialising is most of an export's time, and on two cores this about
 * doubles its speed. A few batches are in flight at once, so memory stays flat.
 *
 * The app passes the built worker (out/main/exportWorker.js); the CLI, the tests and the
 * benchmark run the TypeScript source through tsx. Should no worker start, the export runs on
 * this thread alone (./pass.ts), as fast as it was before workers.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { debuglog } from 'node:util'
import { Worker } from 'node:worker_threads'
import type { Message } from '../../contract/messages'
import type { ProjectRepository } from '../storage/repository'
import { checkCancelled } from './errors'
import type { ExportOptions, SplitName } from './options'
import { PassNotes } from './pass'
import type { ExportControl, ExportDocument } from './rows'
import type { TallyCounts } from './tally'
import type { BatchRequest, BatchResult, WorkerSetup } from './workerBatch'

const debug = debuglog('export')

/** How an export may use worker threads. */
export interface ExportThreads {
  /** The built worker script; absent, the TypeScript source is run through tsx. */
  workerScript?: string
  /** How many workers: 0 for none; absent, up to two when the export is big enough for them. */
  workers?: number
}

/** Documents per batch: enough to make a message cheap, few enough to keep memory flat. */
const BATCH = 32
/** Batches sent and not yet written, over all workers. */
const IN_FLIGHT = 4
/** Below this, starting workers costs more than they save. */
const MIN_DOCUMENTS = 2 * BATCH

/** How many workers an export of `documents` documents uses. */
export function workerCount(threads: ExportThreads, documents: number): number {
  if (threads.workers !== undefined) return Math.max(0, Math.floor(threads.workers))
  return documents < MIN_DOCUMENTS ? 0 : Math.min(2, availableParallelism())
}

/** Starts `count` workers and waits until each is ready; null (and a debug line) if any fails. */
export async function startWorkers(
  count: number,
  setup: WorkerSetup,
  script?: string,
): Promise<Worker[] | null> {
  const workers: Worker[] = []
  try {
    for (let i = 0; i < count; i++) workers.push(newWorker(setup, script))
    await Promise.all(workers.map(ready))
    return workers
  } catch (e) {
    debug('export workers could not start, exporting on one thread: %s', (e as Error).message)
    await stopWorkers(workers)
    return null
  }
}

export async function stopWorkers(workers: readonly Worker[]): Promise<void> {
  await Promise.all(workers.map((w) => w.terminate().catch(() => undefined)))
}

function newWorker(setup: WorkerSetup, script?: string): Worker {
  if (script) return new Worker(script, { workerData: setup })
  // Loader hooks are per thread, and a worker's execArgv cannot load them: the worker first
  // registers tsx through its ESM API (the entry its package exports for `import`), then
  // imports the source.
  const source = new URL('./worker.ts', import.meta.url).href
  const boot =
    `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); ` +
    `return import(${JSON.stringify(source)}) })`
  return new Worker(boot, { eval: true, workerData: setup })
}

function tsxApi(): string {
  const require = createRequire(import.meta.url)
  const manifest = require.resolve('tsx/package.json')
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8'))
  return pathToFileURL(join(dirname(manifest), exports['./esm/api'].import.default)).href
}

function ready(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      worker.off('message', onMessage).off('error', done).off('exit', onExit)
      if (error) reject(error)
      else resolve()
    }
    const onMessage = () => done()
    const onExit = (code: number) => done(new Error(`the worker exited with code ${code}`))
    worker.on('message', onMessage).on('error', done).on('exit', onExit)
  })
}

/** Where the pass hands each document, in order. */
export interface WorkerSink {
  /** A document read on this thread (refused by a worker's quick check, or held in memory). */
  document(doc: ExportDocument): Promise<void>
  /** A document a worker serialised: its bytes per streamed format, and its figures. */
  bytes(
    id: string,
    rows: number,
    pieces: Buffer[],
    counts: TallyCounts | null,
    layoutChanged: string | null,
  ): Promise<void>
}

/**
 * Hands the documents `ids` to `sink` in order, as ./pass.ts eachDocument does, with the
 * reading and serialising done by `workers`. Reports progress per document and stops when the
 * signal aborts. Returns the warnings about what was left out.
 */
export async function eachDocumentInWorkers(
  workers: readonly Worker[],
  repo: ProjectRepository,
  ids: readonly string[],
  splitOf: (id: string) => SplitName | null,
  options: ExportOptions,
  control: ExportControl,
  sink: WorkerSink,
): Promise<Message[]> {
  const notes = new PassNotes()
  const batches: string[][] = []
  for (let i = 0; i < ids.length; i += BATCH) batches.push(ids.slice(i, i + BATCH))
  const results = new Map<number, BatchResult>()
  let failure: Error | null = null
  let wake: (() => void) | null = null
  const onMessage = (result: BatchResult) => {
    results.set(result.batch, result)
    wake?.()
  }
  const onError = (e: Error) => {
    failure ??= e
    wake?.()
  }
  const onExit = (code: number) => onError(new Error(`An export worker stopped (code ${code}).`))
  const onAbort = () => wake?.()
  for (const w of workers) w.on('message', onMessage).on('error', onError).on('exit', onExit)
  control.signal?.addEventListener('abort', onAbort)
  let sent = 0
  let next = 0
  const send = () => {
    for (; sent < batches.length && sent - next < IN_FLIGHT; sent++) {
      const request: BatchRequest = { batch: sent, ids: batches[sent], splits: [] }
      request.splits = request.ids.map(splitOf)
      workers[sent % workers.length].postMessage(request)
    }
  }
  let done = 0
  control.onProgress?.({ done: 0, total: ids.length })
  try {
    for (; next < batches.length; next++) {
      send()
      let result: BatchResult | undefined
      while (!(result = results.get(next))) {
        checkCancelled(control.signal)
        if (failure) throw failure
        await new Promise<void>((resolve) => (wake = resolve))
        wake = null
      }
      results.delete(next)
      const bytes = result.bytes.map((b) => Buffer.from(b))
      const at = bytes.map(() => 0)
      for (const [i, id] of batches[next].entries()) {
        checkCancelled(control.signal)
        const d = result.documents[i]
        if (!d.fallback) for (const [f, length] of d.lengths.entries()) at[f] += length
        if (d.fallback || repo.heldInMemory?.(id)) {
          // What the main thread reads is current and, if damaged, recovered or named.
          const doc = notes.flatten(await repo.readInBulk(id), options)
          if (doc.rows.length > 0) await sink.document(doc)
        } else {
          notes.note(id, d.units, d.orphans)
          if (d.rows > 0) {
            const pieces = d.lengths.map((n, f) => bytes[f].subarray(at[f] - n, at[f]))
            await sink.bytes(id, d.rows, pieces, d.counts, d.layoutChanged)
          }
        }
        control.onProgress?.({ done: ++done, total: ids.length })
      }
    }
    checkCancelled(control.signal)
    return notes.warnings()
  } finally {
    control.signal?.removeEventListener('abort', onAbort)
    for (const w of workers) w.off('message', onMessage).off('error', onError).off('exit', onExit)
  }
}
