/**
 * The main thread's side of the suggestion worker (./worker.ts): one request at a time per
 * worker, answered in order. The app passes the built worker script; the CLI, the tests and
 * the benchmark run the TypeScript source through tsx, as the export's workers do.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ProjectRepository } from '../storage/repository'
import type { SentenceInput } from './features'
import type { LabeledSentence, Prediction } from './model'
import { modelPath } from './modelFile'
import { coldStart, dimensionData, type DimensionData } from './projectData'
import type { DimensionQuality } from './quality'
import type { TrainResult, WorkerReply, WorkerRequest } from './worker'

export class SuggestionWorker {
  private next = 1
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >()

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: WorkerReply) => {
      const p = this.pending.get(reply.id)
      if (!p) return
      this.pending.delete(reply.id)
      if (reply.ok) p.resolve(reply.value)
      else p.reject(new Error(reply.error))
    })
    worker.on('error', (e) => this.failAll(e))
    worker.on('exit', (code) => this.failAll(new Error(`the suggestion worker exited (${code})`)))
  }

  /** Starts a worker and waits until it is ready. */
  static async start(script?: string): Promise<SuggestionWorker> {
    const worker = script ? new Worker(script) : tsxWorker()
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        worker.off('message', onReady).off('error', done).off('exit', onExit)
        if (error) reject(error)
        else resolve()
      }
      const onReady = () => done()
      const onExit = (code: number) => done(new Error(`the suggestion worker exited (${code})`))
      worker.on('message', onReady).on('error', done).on('exit', onExit)
    })
    return new SuggestionWorker(worker)
  }

  private request<T>(request: WorkerRequest): Promise<T> {
    const id = this.next++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      this.worker.postMessage({ id, request })
    })
  }

  train(r: Omit<Extract<WorkerRequest, { op: 'train' }>, 'op'>): Promise<TrainResult> {
    return this.request({ op: 'train', ...r })
  }

  update(dimension: string, sentence: LabeledSentence): Promise<{ size: number }> {
    return this.request({ op: 'update', dimension, sentence })
  }

  predict(dimension: string, inputs: SentenceInput[]): Promise<Prediction[][]> {
    return this.request({ op: 'predict', dimension, inputs })
  }

  save(dimension: string, key: string, path: string): Promise<void> {
    return this.request({ op: 'save', dimension, key, path })
  }

  quality(r: Omit<Extract<WorkerRequest, { op: 'quality' }>, 'op'>): Promise<DimensionQuality> {
    return this.request({ op: 'quality', ...r })
  }

  forget(dimension: string): Promise<void> {
    return this.request({ op: 'forget', dimension })
  }

  async close(): Promise<void> {
    await this.worker.terminate()
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e)
    this.pending.clear()
  }
}

function tsxWorker(): Worker {
  // As in ../export/workerPool.ts: loader hooks are per thread, so the worker registers tsx
  // through its ESM API before it imports the source.
  const require = createRequire(import.meta.url)
  const manifest = require.resolve('tsx/package.json')
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8'))
  const api = pathToFileURL(join(dirname(manifest), exports['./esm/api'].import.default)).href
  const source = new URL('./worker.ts', import.meta.url).href
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}) })`
  return new Worker(boot, { eval: true })
}

/** Names the labels a model is trained on: equal data, equal key; any change, a new key. */
export function trainingKey(data: DimensionData): string {
  const hash = createHash('sha256')
  hash.update(
    JSON.stringify([
      data.dimension.id,
      data.dimension.multi,
      data.dimension.labels.map((l) => l.id),
    ]),
  )
  for (const s of data.coded)
    hash.update(JSON.stringify([s.documentId, s.unitId, s.input, s.labels]))
  return hash.digest('hex')
}

/**
 * Trains (or loads, when the saved one is current) the model of a dimension in the worker from
 * the project's coded sentences. Refuses with a message below the cold-start threshold.
 */
export async function trainDimension(
  worker: SuggestionWorker,
  repo: ProjectRepository,
  dimensionId: string,
): Promise<TrainResult & { data: DimensionData }> {
  const data = await dimensionData(repo, dimensionId)
  const refusal = coldStart(data)
  if (refusal) throw refusal
  const result = await worker.train({
    dimension: data.dimension.id,
    labels: data.dimension.labels.map((l) => l.id),
    multi: data.dimension.multi,
    coded: data.coded.map((s) => ({ input: s.input, labels: s.labels })),
    key: trainingKey(data),
    path: modelPath(repo.path, data.dimension.id),
  })
  return { ...result, data }
}
