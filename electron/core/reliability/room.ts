/**
 * The reliability work of an open project: samples drawn and stored (./sampleStore.ts), blind
 * coding, the report per sample round, its history, and the disagreements to discuss with the
 * team's notes. Every coder's labels come through the repository and the team, never their
 * files. Writes go through one queue: the coder's file is rewritten whole.
 */
import {
  isAnnotatable,
  isAnnotated,
  type DocumentMeta,
  type SentenceAnnotation,
} from '../../contract/model'
import type {
  DisagreementsView,
  DisagreementView,
  DrawSampleRequest,
  HistoryPoint,
  ReliabilityView,
  SampleView,
  SamplesView,
} from '../../contract/reliability'
import type { CoderLayer, TeamStatus } from '../../contract/team'
import { UserError } from '../errors'
import type { ProjectRepository } from '../storage/repository'
import { projectReliability, type LayerSource } from './projectReport'
import { drawSample, type SampleCandidate } from './sample'
import { blindUnits, isBlindFor, SampleStore, type SampleState } from './sampleStore'

const STANDARD_FIELDS = ['source', 'author', 'date', 'genre'] as const
const CONTEXT_CHARS = 300

/** The stratum of a document: a metadata field's value (a date by its month). */
export function metaValue(meta: DocumentMeta, field: string): string | undefined {
  const value =
    (STANDARD_FIELDS as readonly string[]).includes(field) || field === 'title'
      ? (meta as Record<string, string | undefined>)[field]
      : meta.extra?.[field]
  if (value === undefined || value === '') return undefined
  return field === 'date' ? value.slice(0, 7) : value
}

export class Reliability {
  readonly store: SampleStore
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly repo: ProjectRepository,
    private readonly team: LayerSource | null | undefined,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.store = new SampleStore(repo.path, repo.coder)
  }

  private inOrder<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work)
    this.queue = run.catch(() => undefined)
    return run
  }

  private sampleView(s: SampleState): SampleView {
    return {
      id: s.id,
      name: s.name,
      round: s.round,
      drawnBy: s.drawnBy,
      drawnAt: s.drawnAt,
      unit: s.unit,
      seed: s.seed,
      stratifyBy: s.stratifyBy,
      coders: s.coders,
      codebookVersion: s.codebookVersion,
      items: s.items,
      sentenceCount: s.items.reduce((n, i) => n + i.unitIds.length, 0),
      done: s.doneBy,
      liftedBy: s.liftedBy,
      blindForMe: isBlindFor(s, this.repo.coder),
    }
  }

  /** Metadata fields some document has a value for. */
  private fields(): string[] {
    const fields = new Set<string>()
    for (const d of this.repo.listDocuments()) {
      for (const f of STANDARD_FIELDS) if (d.meta[f]) fields.add(f)
      for (const [k, v] of Object.entries(d.meta.extra ?? {})) if (v) fields.add(k)
    }
    return [...fields].sort()
  }

  async samples(status: TeamStatus): Promise<SamplesView> {
    await this.store.load()
    const coders = new Map<string, string>([[status.me.id, status.me.name]])
    for (const c of status.coders) coders.set(c.id, c.name)
    return {
      samples: this.store.samples().map((s) => this.sampleView(s)),
      fields: this.fields(),
      coders: [...coders].map(([id, name]) => ({ id, name })),
      problems: this.store.problems.map((p) => p.message),
    }
  }

  /** A sample found by its id or its name (the CLI's --sample). */
  async find(idOrName: string): Promise<SampleState> {
    await this.store.load()
    const all = this.store.samples()
    const found = all.find((s) => s.id === idOrName) ?? all.find((s) => s.name === idOrName) ?? null
    if (!found) throw new UserError('reliability.sample.unknown', { sample: idOrName })
    return found
  }

  /** Draws a sample, seeded, and stores it in this coder's file. */
  draw(request: DrawSampleRequest): Promise<SampleView> {
    return this.inOrder(async () => {
      await this.store.load()
      if (request.coders.length < 2)
        throw new UserError('reliability.sample.needsCoders', { count: request.coders.length })
      const documents = this.repo.listDocuments()
      const unitsOf = new Map<string, string[]>()
      for (const d of documents)
        unitsOf.set(
          d.id,
          (await this.repo.getDocument(d.id)).units.filter(isAnnotatable).map((u) => u.id),
        )
      const stratum = (meta: DocumentMeta) =>
        request.stratifyBy ? metaValue(meta, request.stratifyBy) : undefined
      const candidates: SampleCandidate[] = []
      // A sentence id is "<document>\n<unit>": ids never hold a newline.
      for (const d of documents) {
        const units = unitsOf.get(d.id) ?? []
        if (units.length === 0) continue
        if (request.unit === 'documents') candidates.push({ id: d.id, stratum: stratum(d.meta) })
        else
          for (const u of units) candidates.push({ id: `${d.id}\n${u}`, stratum: stratum(d.meta) })
      }
      const drawn = drawSample(candidates, {
        size: request.size,
        seed: request.seed,
        stratified: request.stratifyBy !== null,
      })
      const items = new Map<string, string[]>()
      for (const key of drawn) {
        const [documentId, unitId] = key.split('\n')
        if (unitId === undefined) items.set(documentId, unitsOf.get(documentId) ?? [])
        else items.set(documentId, [...(items.get(documentId) ?? []), unitId])
      }
      const mine = this.store.mine()
      const id = this.store.nextId()
      const round = this.store.samples().length + 1
      const sample = {
        id,
        name: request.name.trim() || `Round ${round}`,
        drawnBy: this.repo.coder,
        drawnAt: this.now().toISOString(),
        unit: request.unit,
        seed: request.seed,
        stratifyBy: request.stratifyBy,
        coders: [...new Set(request.coders)].sort(),
        codebookVersion: this.repo.getCodebook().version,
        items: [...items].map(([documentId, unitIds]) => ({ documentId, unitIds })),
      }
      await this.store.writeMine({ ...mine, samples: [...mine.samples, sample] })
      const state = this.store.samples().find((s) => s.id === id) as SampleState
      return this.sampleView(state)
    })
  }

  private mark(sampleId: string, key: 'done' | 'lifted'): Promise<void> {
    return this.inOrder(async () => {
      await this.find(sampleId)
      const mine = this.store.mine()
      if (mine[key][sampleId]) return
      await this.store.writeMine({
        ...mine,
        [key]: { ...mine[key], [sampleId]: this.now().toISOString() },
      })
    })
  }

  /** This coder has coded the sample: the others' labels on it show again, for them too. */
  markDone(sampleId: string): Promise<void> {
    return this.mark(sampleId, 'done')
  }

  /** Lifts the blinding of a sample for every coder. */
  liftBlinding(sampleId: string): Promise<void> {
    return this.mark(sampleId, 'lifted')
  }

  /** The sentences of a document whose other coders' labels this coder may not see yet. */
  async blindUnitIds(documentId: string): Promise<string[]> {
    await this.store.load()
    return [...(blindUnits(this.store.samples(), this.repo.coder).get(documentId) ?? [])]
  }

  /** Other coders' layers without the sentences this coder codes blind. */
  async withoutBlind(documentId: string, layers: CoderLayer[]): Promise<CoderLayer[]> {
    const blind = new Set(await this.blindUnitIds(documentId))
    if (blind.size === 0) return layers
    return layers
      .map((l) => ({
        ...l,
        annotations: Object.fromEntries(
          Object.entries(l.annotations).filter(([unitId]) => !blind.has(unitId)),
        ),
      }))
      .filter((l) => Object.keys(l.annotations).length > 0)
  }

  private async inSample(sampleId: string | null) {
    if (sampleId === null) return undefined
    const sample = await this.find(sampleId)
    const keys = new Set(sample.items.flatMap((i) => i.unitIds.map((u) => `${i.documentId}\n${u}`)))
    return (documentId: string, unitId: string) => keys.has(`${documentId}\n${unitId}`)
  }

  /** The report over a sample's sentences, or over every sentence coded. */
  async report(status: TeamStatus, sampleId: string | null): Promise<ReliabilityView> {
    return projectReliability(this.repo, this.team, status, await this.inSample(sampleId))
  }

  /** Alpha per dimension, sample by sample, with the codebook version each was drawn under. */
  async history(status: TeamStatus): Promise<HistoryPoint[]> {
    await this.store.load()
    const out: HistoryPoint[] = []
    for (const s of this.store.samples()) {
      const view = await projectReliability(
        this.repo,
        this.team,
        status,
        await this.inSample(s.id),
        false,
      )
      out.push({
        sampleId: s.id,
        name: s.name,
        round: s.round,
        codebookVersion: s.codebookVersion,
        variables: view.variables.map((v) => ({
          id: v.id,
          name: v.name,
          alpha: v.alpha.alpha.value,
        })),
      })
    }
    return out
  }

  /** Every sentence where the coders differ, in context, with the team's notes. */
  async disagreements(status: TeamStatus, sampleId: string | null): Promise<DisagreementsView> {
    const filter = await this.inSample(sampleId)
    await this.store.load()
    const blind = blindUnits(this.store.samples(), this.repo.coder)
    const codebook = this.repo.getCodebook()
    const names = new Map<string, string>([[status.me.id, status.me.name]])
    for (const c of status.coders) names.set(c.id, c.name)
    const notes = new Map<string, DisagreementView['notes']>()
    const files = [...this.store.all()].sort(([a], [b]) =>
      a === this.repo.coder ? -1 : b === this.repo.coder ? 1 : a < b ? -1 : 1,
    )
    for (const [coder, file] of files)
      for (const n of file.notes) {
        const key = `${n.documentId}\n${n.unitId}`
        const list = notes.get(key) ?? []
        list.push({
          coder,
          name: names.get(coder) ?? coder,
          note: n.note,
          codebookProblem: n.codebookProblem,
        })
        notes.set(key, list)
      }
    const items: DisagreementView[] = []
    let hiddenBlind = 0
    const titles = new Map<string, string>()
    const texts = new Map<string, string>()
    for (const d of this.repo.listDocuments()) {
      titles.set(d.id, d.meta.title || d.id)
      const document = await this.repo.getDocument(d.id)
      const layers: { coder: string; annotations: Record<string, SentenceAnnotation> }[] = [
        { coder: this.repo.coder, annotations: await this.repo.getAnnotations(d.id) },
        ...(this.team?.otherLayers(d.id) ?? []),
      ]
      layers.sort((a, b) => (a.coder < b.coder ? -1 : a.coder > b.coder ? 1 : 0))
      const units = document.units
      units.forEach((unit, index) => {
        if (notes.has(`${d.id}\n${unit.id}`))
          texts.set(`${d.id}\n${unit.id}`, document.text.slice(unit.start, unit.end))
        if (!isAnnotatable(unit) || (filter && !filter(d.id, unit.id))) return
        const coders = layers.flatMap((l) => {
          const a = l.annotations[unit.id]
          if (!isAnnotated(a, codebook)) return []
          const labels: Record<string, string[]> = {}
          for (const dim of codebook.dimensions)
            labels[dim.id] = [
              ...new Set(a.statements.flatMap((s) => s.values[dim.id] ?? [])),
            ].sort()
          return [{ coder: l.coder, name: names.get(l.coder) ?? l.coder, labels }]
        })
        if (coders.length < 2) return
        const differing = codebook.dimensions
          .filter((dim) => new Set(coders.map((c) => c.labels[dim.id].join('\n'))).size > 1)
          .map((dim) => dim.id)
        if (differing.length === 0) return
        if (blind.get(d.id)?.has(unit.id)) {
          hiddenBlind++
          return
        }
        const previous = units[index - 1]
        const next = units[index + 1]
        const mine = notes.get(`${d.id}\n${unit.id}`)?.find((n) => n.coder === this.repo.coder)
        items.push({
          documentId: d.id,
          documentTitle: d.meta.title || d.id,
          unitId: unit.id,
          text: document.text.slice(unit.start, unit.end),
          before: document.text
            .slice(previous?.start ?? unit.start, unit.start)
            .slice(-CONTEXT_CHARS),
          after: document.text.slice(unit.end, next?.end ?? unit.end).slice(0, CONTEXT_CHARS),
          coders,
          dimensions: differing,
          note: mine?.note ?? '',
          codebookProblem: mine?.codebookProblem ?? false,
          notes: notes.get(`${d.id}\n${unit.id}`) ?? [],
        })
      })
    }
    const problems = files.flatMap(([coder, file]) =>
      file.notes
        .filter((n) => n.codebookProblem)
        .map((n) => ({
          documentId: n.documentId,
          documentTitle: titles.get(n.documentId) ?? n.documentId,
          unitId: n.unitId,
          text: texts.get(`${n.documentId}\n${n.unitId}`) ?? '',
          coder,
          name: names.get(coder) ?? coder,
          note: n.note,
          at: n.at,
        })),
    )
    return { sampleId, items, hiddenBlind, problems }
  }

  /** This coder's note on a sentence to discuss and whether it shows a codebook problem. */
  setNote(documentId: string, unitId: string, note: string, codebookProblem: boolean) {
    return this.inOrder(async () => {
      await this.store.load()
      const mine = this.store.mine()
      const rest = mine.notes.filter((n) => !(n.documentId === documentId && n.unitId === unitId))
      const notes =
        note.trim() || codebookProblem
          ? [...rest, { documentId, unitId, note, codebookProblem, at: this.now().toISOString() }]
          : rest
      await this.store.writeMine({ ...mine, notes })
    })
  }
}
