/**
 * The adjudication of an open project: every coder's layer (through the repository and the
 * team, never their files), the gold layer (./goldStore.ts) and the rules (./rules.ts). What
 * the project service offers the renderer and the CLI, with its own write queue: gold files are
 * written by nothing else.
 */
import type {
  AcceptRule,
  AdjudicationChoice,
  AdjudicationView,
  CoderStatements,
  GoldSentence,
  SentenceAdjudication,
} from '../../contract/adjudication'
import {
  isAnnotatable,
  isAnnotated,
  type SentenceAnnotation,
  type Statement,
} from '../../contract/model'
import type { TeamStatus } from '../../contract/team'
import { UserError } from '../errors'
import type { LayerSource } from '../reliability/projectReport'
import type { ProjectRepository } from '../storage/repository'
import { goldAgreement, type CoderSentences } from './agreement'
import { GoldStore } from './goldStore'
import {
  acceptable,
  chosenValues,
  compareSentence,
  hasDisagreement,
  isResolved,
  withoutRun,
  withValues,
  type Stamp,
} from './rules'

interface SentenceRecord {
  documentId: string
  unitId: string
  text: string
  coders: CoderStatements[]
}

export class Adjudication {
  readonly store: GoldStore
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly repo: ProjectRepository,
    private readonly team: LayerSource | null,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.store = new GoldStore(repo.path, repo.coder)
  }

  private inOrder<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work)
    this.queue = run.catch(() => undefined)
    return run
  }

  private dimensions(): string[] {
    return this.repo.getCodebook().dimensions.map((d) => d.id)
  }

  /** Every coder's coded sentences of one document, in the order of its units. */
  private async sentencesOf(documentId: string): Promise<SentenceRecord[]> {
    const codebook = this.repo.getCodebook()
    const document = await this.repo.getDocument(documentId)
    const layers: Array<{ coder: string; annotations: Record<string, SentenceAnnotation> }> = [
      { coder: this.repo.coder, annotations: await this.repo.getAnnotations(documentId) },
      ...(this.team?.otherLayers(documentId) ?? []),
    ]
    layers.sort((a, b) => (a.coder < b.coder ? -1 : a.coder > b.coder ? 1 : 0))
    const out: SentenceRecord[] = []
    for (const unit of document.units) {
      if (!isAnnotatable(unit)) continue
      const coders: CoderStatements[] = []
      for (const layer of layers) {
        const a = layer.annotations[unit.id]
        if (isAnnotated(a, codebook)) coders.push({ coder: layer.coder, statements: a.statements })
      }
      if (coders.length === 0) continue
      out.push({
        documentId,
        unitId: unit.id,
        text: document.text.slice(unit.start, unit.end),
        coders,
      })
    }
    return out
  }

  private async allSentences(): Promise<SentenceRecord[]> {
    const out: SentenceRecord[] = []
    for (const d of this.repo.listDocuments()) out.push(...(await this.sentencesOf(d.id)))
    return out
  }

  /** The sentences coded by two coders or more, with gold, progress, runs and agreement. */
  async view(status: TeamStatus): Promise<AdjudicationView> {
    await this.store.load()
    const dimensions = this.dimensions()
    const records = await this.allSentences()
    const sentences: SentenceAdjudication[] = []
    const gold = new Map<string, GoldSentence>()
    const coderSentences = new Map<string, Map<string, readonly Statement[]>>()
    const golds = new Map<string, Map<string, GoldSentence>>()
    const goldOf = (documentId: string) => {
      let g = golds.get(documentId)
      if (!g) golds.set(documentId, (g = this.store.sentences(documentId)))
      return g
    }
    const progress = {
      disagreements: 0,
      resolvedDisagreements: 0,
      unanimous: 0,
      majority: 0,
      decided: 0,
    }
    for (const r of records) {
      const ref = `${r.documentId}/${r.unitId}`
      const g = goldOf(r.documentId).get(r.unitId) ?? null
      if (g) gold.set(ref, g)
      for (const c of r.coders) {
        let m = coderSentences.get(c.coder)
        if (!m) coderSentences.set(c.coder, (m = new Map()))
        m.set(ref, c.statements)
      }
      if (r.coders.length < 2) continue
      const values = compareSentence(r.coders, dimensions, g)
      const disagreement = hasDisagreement(values)
      const resolved = isResolved(values)
      if (disagreement) {
        progress.disagreements++
        if (resolved) progress.resolvedDisagreements++
      }
      sentences.push({ ...r, values, disagreement, resolved })
    }
    for (const id of this.store.documentIds())
      for (const g of goldOf(id).values())
        for (const v of Object.values(g.values)) progress[v.origin]++
    const names = new Map(status.coders.map((c) => [c.id, c]))
    const ids = [...coderSentences.keys()].sort()
    return {
      me: this.repo.coder,
      coders: ids.map((id) => {
        const c = names.get(id)
        return { id, name: c?.name ?? id, ...(c?.initials ? { initials: c.initials } : {}) }
      }),
      names: Object.fromEntries([
        ...status.coders.map((c) => [c.id, c.name] as const),
        [status.me.id, status.me.name] as const,
      ]),
      sentences,
      progress,
      runs: this.store.runs(),
      agreement: goldAgreement(gold, coderSentences as Map<string, CoderSentences>, dimensions),
      problems: this.store.problems.map((p) => ({ ...p })),
    }
  }

  private stamp(extra: Partial<Stamp> = {}): Stamp {
    return { by: this.repo.coder, at: this.now().toISOString(), ...extra }
  }

  /** Takes a coder's values, the majority's, edited labels, or clears a sentence's gold. */
  choose(
    documentId: string,
    unitId: string,
    choice: AdjudicationChoice,
    note: string,
  ): Promise<void> {
    return this.inOrder(async () => {
      if (!this.repo.hasDocument(documentId))
        throw new UserError('document.notFound', { documentId })
      await this.store.load()
      const record = (await this.sentencesOf(documentId)).find((s) => s.unitId === unitId)
      if (!record) throw new UserError('adjudication.notCoded', { unitId, documentId })
      if (choice.kind === 'coder' && !record.coders.some((c) => c.coder === choice.coder))
        throw new UserError('adjudication.coderDidNotCode', { coder: choice.coder })
      if (choice.kind === 'edit') this.checkLabels(choice.values)
      const dimensions = this.dimensions()
      const current = this.store.sentences(documentId).get(unitId) ?? null
      const comparisons = compareSentence(record.coders, dimensions, current)
      const values = chosenValues(comparisons, choice, this.stamp(note ? { note } : {}))
      const file = this.store.mine(documentId)
      const sentences = { ...file.sentences }
      const next = values && withValues(current, values, record.coders, dimensions)
      if (next) sentences[unitId] = next
      else delete sentences[unitId]
      await this.store.write({ ...file, sentences })
    })
  }

  private checkLabels(values: Record<string, string[]>): void {
    const codebook = this.repo.getCodebook()
    for (const [dimensionId, ids] of Object.entries(values)) {
      const dimension = codebook.dimensions.find((d) => d.id === dimensionId)
      if (!dimension) throw new UserError('annotation.noDimension', { dimensionId })
      if (!dimension.multi && ids.length > 1)
        throw new UserError('annotation.singleChoice', { dimension: dimension.name })
      for (const id of ids)
        if (!dimension.labels.some((l) => l.id === id))
          throw new UserError('annotation.noLabel', { dimension: dimension.name, label: id })
    }
  }

  /**
   * Accepts, across the project, every value the rule allows and gold lacks; returns how many.
   * The run is listed with its id, by which it is undone.
   */
  accept(rule: AcceptRule): Promise<number> {
    return this.inOrder(async () => {
      await this.store.load()
      const at = this.now().toISOString()
      const run = `${rule}-${at}`
      const stamp = this.stamp({ at, run })
      const dimensions = this.dimensions()
      let total = 0
      for (const d of this.repo.listDocuments()) {
        const gold = this.store.sentences(d.id)
        const file = this.store.mine(d.id)
        const sentences = { ...file.sentences }
        let here = 0
        for (const r of await this.sentencesOf(d.id)) {
          const current = gold.get(r.unitId) ?? null
          const comparisons = compareSentence(r.coders, dimensions, current)
          const values = acceptable(comparisons, r.coders.length, rule, stamp)
          const n = Object.keys(values).length
          if (n === 0) continue
          here += n
          sentences[r.unitId] = withValues(current, values, r.coders, dimensions) as GoldSentence
        }
        if (here === 0) continue
        total += here
        const runs = [...file.runs, { id: run, rule, by: stamp.by, at, values: here }]
        await this.store.write({ ...file, sentences, runs })
      }
      return total
    })
  }

  /** Removes the values an automatic acceptance set (those decided since stay); returns how many. */
  undo(runId: string): Promise<number> {
    return this.inOrder(async () => {
      await this.store.load()
      if (!this.store.runs().some((r) => r.id === runId && r.by === this.repo.coder))
        throw new UserError('adjudication.runUnknown', { run: runId })
      const dimensions = this.dimensions()
      let total = 0
      for (const documentId of this.store.documentIds()) {
        const file = this.store.mine(documentId)
        if (!file.runs.some((r) => r.id === runId)) continue
        const records = new Map((await this.sentencesOf(documentId)).map((r) => [r.unitId, r]))
        const sentences: Record<string, GoldSentence> = {}
        for (const [unitId, g] of Object.entries(file.sentences)) {
          const coders = records.get(unitId)?.coders ?? []
          const { gold, removed } = withoutRun(g, runId, coders, dimensions)
          total += removed
          if (gold) sentences[unitId] = gold
        }
        const runs = file.runs.filter((r) => r.id !== runId)
        await this.store.write({ ...file, sentences, runs })
      }
      return total
    })
  }

  /**
   * The gold of one document as annotations, the shape every exporter reads: one per sentence
   * with a gold value, stamped with the name of the adjudicator of its latest decision.
   */
  async goldAnnotations(
    documentId: string,
    nameOf: (coder: string) => string = (coder) => coder,
  ): Promise<Record<string, SentenceAnnotation>> {
    const version = this.repo.getCodebook().version
    const out: Record<string, SentenceAnnotation> = {}
    for (const [unitId, g] of this.store.sentences(documentId)) {
      const values = Object.values(g.values)
      const last = values.reduce((a, b) => (b.at > a.at ? b : a), values[0])
      const first = values.reduce((a, b) => (b.at < a.at ? b : a), values[0])
      // One note given with a decision is kept on each value it set: said once here.
      const notes = [...new Set(values.map((v) => v.note).filter(Boolean))]
      out[unitId] = {
        statements: g.statements,
        uncertain: false,
        note: notes.join('\n'),
        annotator: nameOf(last.by),
        coder: 'gold',
        createdAt: first.at,
        updatedAt: last.at,
        codebookVersion: version,
        // A sentence whose gold holds no label (decided: none) still counts as decided.
        ...(g.statements.length === 0 ? { done: true } : {}),
      }
    }
    return out
  }
}
