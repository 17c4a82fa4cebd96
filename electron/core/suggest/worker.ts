/**
 * The suggestion worker: a worker thread that holds the models of a project's dimensions and
 * trains, updates and predicts off the main thread, so neither the main process's IPC nor the
 * renderer waits on a retrain. Requests and replies are plain messages (./workerClient.ts).
 * A trained model is kept in the machine-local folder and loaded from there when it was
 * trained on the same labels (./modelFile.ts).
 */
import { parentPort } from 'node:worker_threads'
import type { SentenceInput } from './features'
import { SuggestionModel, type LabeledSentence } from './model'
import { readModel, writeModel } from './modelFile'
import { dimensionQuality } from './quality'

export type WorkerRequest =
  | {
      op: 'train'
      dimension: string
      labels: string[]
      multi: boolean
      coded: LabeledSentence[]
      /** Names the labels trained on: a saved model with another key is stale. */
      key: string
      /** Where the model is saved; none, it lives in memory only. */
      path?: string
    }
  | { op: 'update'; dimension: string; sentence: LabeledSentence }
  | { op: 'predict'; dimension: string; inputs: SentenceInput[] }
  | { op: 'save'; dimension: string; key: string; path: string }
  | { op: 'forget'; dimension: string }
  | {
      op: 'quality'
      labels: string[]
      multi: boolean
      coded: LabeledSentence[]
    }

export interface TrainResult {
  size: number
  fromCache: boolean
  ms: number
}

export type WorkerReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string }

const models = new Map<string, SuggestionModel>()

function modelOf(dimension: string): SuggestionModel {
  const m = models.get(dimension)
  if (!m) throw new Error(`no model for dimension "${dimension}": train it first`)
  return m
}

export async function handle(r: WorkerRequest): Promise<unknown> {
  switch (r.op) {
    case 'train': {
      const start = performance.now()
      const cached = r.path ? await readModel(r.path, r.key) : null
      const model = cached ?? new SuggestionModel(r.labels, r.multi)
      if (!cached) {
        model.fit(r.coded)
        if (r.path) await writeModel(r.path, model, r.key)
      }
      models.set(r.dimension, model)
      return { size: model.size, fromCache: cached !== null, ms: performance.now() - start }
    }
    case 'update': {
      const model = modelOf(r.dimension)
      model.update(r.sentence)
      return { size: model.size }
    }
    case 'predict': {
      const model = modelOf(r.dimension)
      return model.predictMany(r.inputs)
    }
    case 'save':
      await writeModel(r.path, modelOf(r.dimension), r.key)
      return null
    case 'forget':
      models.delete(r.dimension)
      return null
    case 'quality':
      // Cross-validation trains a model per fold and per point of the curve: here, not on the
      // main thread, so the app keeps answering while the analyst waits for the figures.
      return dimensionQuality(r.coded, r.labels, r.multi)
  }
}

// Requests are handled one at a time, in order: an update is never overtaken by a prediction.
let queue: Promise<void> = Promise.resolve()
parentPort?.on('message', (message: { id: number; request: WorkerRequest }) => {
  queue = queue.then(async () => {
    let reply: WorkerReply
    try {
      reply = { id: message.id, ok: true, value: await handle(message.request) }
    } catch (e) {
      reply = { id: message.id, ok: false, error: (e as Error).message }
    }
    parentPort?.postMessage(reply)
  })
})
parentPort?.postMessage({ ready: true })
