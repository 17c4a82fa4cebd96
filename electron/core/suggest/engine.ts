/**
 * The suggestion engine of an open project: one worker thread holding a model per dimension,
 * trained on the analyst's own coded sentences, told of every label saved after the save is
 * durable, and asked for the focused sentence's suggestions, the queues and the quality figures.
 * It never sits on the path of a label save: the project service hands it the saved changes
 * once they are on disk, and its work runs in its own order, off the write queue.
 */
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { compileSuggester } from '../../common/suggestions'
import {
  isAnnotatable,
  type Dimension,
  type SentenceAnnotation,
  type StoredDocument,
} from '../../contract/model'
import type {
  DimensionSuggestion,
  QueueHit,
  SentenceSuggestions,
  SuggestionOrder,
  SuggestionQuality,
  SuggestionSwitches,
} from '../../contract/suggest'
import { UserError } from '../errors'
import { writeAtomically } from '../storage/durableFile'
import type { ProjectRepository } from '../storage/repository'
import type { SentenceInput } from './features'
import type { Prediction } from './model'
import { modelPath } from './modelFile'
import { coldStart, dimensionData, findDimension, MIN_CODED } from './projectData'
import { margin } from './queues'
import { SuggestionWorker, trainDimension, trainingKey } from './workerClient'

export interface EngineDeps {
  repo: ProjectRepository
  /** The built worker (the app's out/main/suggestWorker.js); absent, the source through tsx. */
  workerScript?: string
  /** The sentences of a document this coder codes blind: never shown a suggestion. */
  blindUnits(documentId: string): Promise<string[]>
}

interface Trained {
  key: string
  codebookVersion: number
  size: number
  /** Labels learned online since the model was trained or loaded. */
  updates: number
}

const switchesSchema = z.object({
  enabled: z.boolean(),
  off: z.array(z.string().max(200)).max(500),
})

const DEFAULT_SWITCHES: SuggestionSwitches = { enabled: true, off: [] }

export class SuggestionEngine {
  private worker: Promise<SuggestionWorker> | null = null
  private readonly trained = new Map<string, Trained>()
  private queue: Promise<unknown> = Promise.resolve()
  private switches: SuggestionSwitches | null = null
  private closed = false

  constructor(private readonly deps: EngineDeps) {}

  private get repo(): ProjectRepository {
    return this.deps.repo
  }

  /** The engine's own order: a label learned is never overtaken by a prediction asked later. */
  private inOrder<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work)
    this.queue = run.catch(() => undefined)
    return run
  }

  private startWorker(): Promise<SuggestionWorker> {
    this.worker ??= SuggestionWorker.start(this.deps.workerScript)
    return this.worker
  }

  /** The model's suggestions for one sentence, per dimension, or why there are none. */
  suggestionsFor(documentId: string, unitId: string): Promise<SentenceSuggestions> {
    return this.inOrder(async () => {
      const codebook = this.repo.getCodebook()
      const switches = await this.getSwitches()
      const blind = (await this.deps.blindUnits(documentId)).includes(unitId)
      const document = await this.repo.getDocument(documentId)
      const input = sentenceInput(document, unitId, this.repo)
      const dimensions: DimensionSuggestion[] = []
      for (const dimension of codebook.dimensions) {
        const empty = { dimensionId: dimension.id, labels: [], version: null, count: 0, needed: 0 }
        if (!switches.enabled || switches.off.includes(dimension.id)) {
          dimensions.push({ ...empty, state: 'off' })
          continue
        }
        if (blind) {
          dimensions.push({ ...empty, state: 'blind' })
          continue
        }
        const ready = await this.ensure(dimension)
        if (ready.state === 'cold') {
          dimensions.push({ ...empty, state: 'cold', count: ready.count, needed: ready.needed })
          continue
        }
        const worker = await this.startWorker()
        const [predictions] = input ? await worker.predict(dimension.id, [input]) : [[]]
        dimensions.push({
          ...empty,
          state: 'ready',
          labels: choose(predictions, dimension.multi).map((p) => ({
            labelId: p.label,
            confidence: p.probability,
          })),
          version: versionOf(ready.trained),
          count: ready.trained.size,
        })
      }
      return { documentId, unitId, dimensions }
    })
  }

  /**
   * Learns the labels just saved (called once they are durable). Only dimensions with a model
   * learn; a cold one is counted again from the index on the next question.
   */
  learn(
    changes: Array<{ documentId: string; unitId: string }>,
    saved: Array<SentenceAnnotation | null>,
  ): void {
    if (this.closed || this.trained.size === 0) return
    void this.inOrder(async () => {
      const codebook = this.repo.getCodebook()
      const worker = await this.startWorker()
      for (let i = 0; i < changes.length; i++) {
        const annotation = saved[i]
        if (!annotation) continue
        const { documentId, unitId } = changes[i]
        const input = sentenceInput(await this.repo.getDocument(documentId), unitId, this.repo)
        if (!input) continue
        for (const dimension of codebook.dimensions) {
          const trained = this.trained.get(dimension.id)
          if (!trained || trained.codebookVersion !== codebook.version) continue
          const labels = labelsOf(annotation, dimension)
          if (labels.length === 0 && !dimension.multi) continue
          await worker.update(dimension.id, { input, labels })
          trained.updates++
          trained.size++
        }
      }
    }).catch(() => undefined)
  }

  /**
   * The next uncoded sentence by the model of `dimensionId` (else the first required dimension
   * with a model, else the first with one): the one it is least sure of, or most sure of.
   * Sentences coded blind and `skip` are left out; null when no model is ready or none is left.
   */
  next(
    order: SuggestionOrder,
    dimensionId: string | null,
    skip: { documentId: string; unitId: string } | null,
  ): Promise<QueueHit | null> {
    return this.inOrder(async () => {
      const codebook = this.repo.getCodebook()
      const switches = await this.getSwitches()
      if (!switches.enabled) return null
      const candidates = dimensionId
        ? [findDimension(codebook, dimensionId)]
        : [...codebook.dimensions].sort((a, b) => Number(!!b.required) - Number(!!a.required))
      for (const dimension of candidates) {
        if (switches.off.includes(dimension.id)) continue
        if ((await this.ensure(dimension)).state !== 'ready') continue
        const data = await dimensionData(this.repo, dimension.id)
        const blind = new Map<string, Set<string>>()
        const open = []
        for (const s of data.uncoded) {
          if (skip && s.documentId === skip.documentId && s.unitId === skip.unitId) continue
          if (!blind.has(s.documentId))
            blind.set(s.documentId, new Set(await this.deps.blindUnits(s.documentId)))
          if (!blind.get(s.documentId)?.has(s.unitId)) open.push(s)
        }
        if (open.length === 0) return null
        const worker = await this.startWorker()
        const predictions = await worker.predict(
          dimension.id,
          open.map((s) => s.input),
        )
        let best = -1
        let bestMargin = 0
        predictions.forEach((p, i) => {
          const m = margin(p, dimension.multi)
          if (best < 0 || (order === 'uncertain' ? m < bestMargin : m > bestMargin)) {
            best = i
            bestMargin = m
          }
        })
        const hit = open[best]
        return {
          documentId: hit.documentId,
          unitId: hit.unitId,
          dimensionId: dimension.id,
          margin: bestMargin,
        }
      }
      return null
    })
  }

  /** Cross-validated quality and the learning curve of a dimension's model (in the worker). */
  quality(dimensionId: string): Promise<SuggestionQuality> {
    return this.inOrder(async () => {
      const data = await dimensionData(this.repo, dimensionId)
      const refusal = coldStart(data)
      if (refusal) throw refusal
      const worker = await this.startWorker()
      const q = await worker.quality({
        labels: data.dimension.labels.map((l) => l.id),
        multi: data.dimension.multi,
        coded: data.coded.map((s) => ({ input: s.input, labels: s.labels })),
      })
      return {
        dimensionId: data.dimension.id,
        macroF1: q.macro_f1,
        accuracy: q.accuracy,
        folds: q.folds,
        coded: data.coded.length,
        perLabel: data.dimension.labels
          .filter((l) => q.per_label[l.id])
          .map((l) => ({ labelId: l.id, ...q.per_label[l.id] })),
        learningCurve: q.learning_curve.map((p) => ({ coded: p.coded, macroF1: p.macro_f1 })),
      }
    })
  }

  async getSwitches(): Promise<SuggestionSwitches> {
    if (this.switches) return this.switches
    try {
      const raw = JSON.parse(await readFile(this.switchesFile(), 'utf8'))
      this.switches = switchesSchema.parse(raw)
    } catch {
      // Absent or unreadable: suggestions are on, as for a new project.
      this.switches = { ...DEFAULT_SWITCHES }
    }
    return this.switches
  }

  /** Turns suggestions on or off, entirely or per dimension; kept in the machine-local folder. */
  async setSwitches(switches: SuggestionSwitches): Promise<SuggestionSwitches> {
    const codebook = this.repo.getCodebook()
    for (const id of switches.off) findDimension(codebook, id)
    const next = { enabled: switches.enabled, off: [...new Set(switches.off)] }
    await writeAtomically(this.switchesFile(), `${JSON.stringify(next, null, 2)}\n`)
    this.switches = next
    return next
  }

  async close(): Promise<void> {
    this.closed = true
    await this.queue
    if (this.worker) await (await this.worker).close()
  }

  private switchesFile(): string {
    return join(dirname(modelPath(this.repo.path, 'x')), 'switches.json')
  }

  /**
   * A dimension's model, trained (or loaded from local/suggest/ when it was saved from the same
   * labels) on first need, or the cold-start count. Below the threshold only the index is read,
   * so a cold dimension costs nothing per sentence.
   */
  private async ensure(
    dimension: Dimension,
  ): Promise<
    { state: 'ready'; trained: Trained } | { state: 'cold'; count: number; needed: number }
  > {
    const version = this.repo.getCodebook().version
    const current = this.trained.get(dimension.id)
    if (current && current.codebookVersion === version) return { state: 'ready', trained: current }
    const ids = new Set(dimension.labels.map((l) => l.id))
    let count = 0
    const present = new Set<string>()
    for (const summary of this.repo.listDocuments())
      for (const [id, n] of Object.entries(summary.labelCounts))
        if (ids.has(id) && n > 0) {
          count += n
          present.add(id)
        }
    const enough = count >= MIN_CODED && (dimension.multi ? present.size > 0 : present.size >= 2)
    if (!enough) return { state: 'cold', count, needed: Math.max(0, MIN_CODED - count) }
    try {
      const result = await trainDimension(await this.startWorker(), this.repo, dimension.id)
      const trained: Trained = {
        key: trainingKey(result.data),
        codebookVersion: version,
        size: result.size,
        updates: 0,
      }
      this.trained.set(dimension.id, trained)
      return { state: 'ready', trained }
    } catch (e) {
      if (e instanceof UserError && e.code === 'suggest.tooFewLabels') {
        const c = Number(e.params.count ?? 0)
        return { state: 'cold', count: c, needed: Math.max(0, MIN_CODED - c) }
      }
      throw e
    }
  }
}

/** A model's version: the first digits of the key of the labels it was trained on, and the labels learned since. */
function versionOf(t: Trained): string {
  return `${t.key.slice(0, 8)}+${t.updates}`
}

function choose(predictions: readonly Prediction[], multi: boolean): Prediction[] {
  if (!multi) return predictions.slice(0, 1)
  return predictions.filter((p) => p.probability >= 0.5)
}

/** A sentence's labels in a dimension, as ./projectData.ts reads them for training. */
function labelsOf(a: SentenceAnnotation, dimension: Dimension): string[] {
  const known = new Set(dimension.labels.map((l) => l.id))
  const labels = new Set<string>()
  for (const s of a.statements)
    for (const id of s.values[dimension.id] ?? []) if (known.has(id)) labels.add(id)
  return dimension.multi ? [...labels] : [...labels].slice(0, 1)
}

/** The model's input for a sentence: its text, its place among the article's coded units, its actors. */
function sentenceInput(
  document: StoredDocument,
  unitId: string,
  repo: ProjectRepository,
): SentenceInput | null {
  const units = document.units.filter(isAnnotatable)
  const index = units.findIndex((u) => u.id === unitId)
  if (index < 0) return null
  const text = document.text.slice(units[index].start, units[index].end)
  const suggest = compileSuggester(repo.getCodebook())
  const actors = [...new Set(suggest(text).map((m) => m.labelId))]
  return { text, index, count: units.length, actors }
}
