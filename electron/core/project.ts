import {
  isAnnotatable,
  type AnnotationChange,
  type Codebook,
  type CodebookImpact,
  type DocumentMeta,
  type DocumentSummary,
  type LabelCounts,
  type DocumentView,
  type ExportOptions,
  type ProjectInfo,
  type SentenceAnnotation,
  type SentenceAnnotationInput,
  type StoredDocument,
  type SentenceHits,
  type SentenceQuery,
  type UnitEditResult,
} from '../contract/model'
import {
  mergeWithNext,
  resegment,
  setIncluded,
  splitUnit,
  type UnitEdit,
} from './annotation/unitEdits'
import { findSentences } from './search'
import { applyCodebook, codebookImpact } from './codebook/impact'
import { codebookChanged, codebookProblems } from '../common/codebookRules'
import { UserError } from './errors'
import type { SettingsStore } from './settings'
import type { ProjectRepository } from './storage/repository'
import type { CoderLayer, TeamStatus } from '../contract/team'
import type { Team } from './team/team'
import type { ReliabilityView } from '../contract/reliability'
import { Reliability } from './reliability/room'
import { removedIds } from '../common/codebookDraft'
import { stripRemoved } from './codebook/impact'
import { Adjudication } from './adjudication/adjudication'
import { SuggestionEngine } from './suggest/engine'
import type { SentenceSuggestions } from '../contract/suggest'
import { exportLayer } from './adjudication/layerExport'
import type { ExportResult, ExportRun } from './export/exporter'
import type { AcceptRule, AdjudicationChoice, AdjudicationView } from '../contract/adjudication'

/**
 * The project's domain operations over a repository: what the renderer and the CLI may do with
 * documents, the codebook and annotations, with the product's rules enforced.
 */
export class ProjectService {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    readonly repo: ProjectRepository,
    private readonly settings: SettingsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  info(): ProjectInfo {
    const docs = this.repo.listDocuments()
    return {
      path: this.repo.path,
      name: this.repo.name,
      annotator: this.settings.get().annotator,
      locale: this.settings.get().locale,
      notices: this.repo.notices.map((n) => n.message),
      codebook: this.repo.getCodebook(),
      documentCount: docs.length,
      sentenceCount: docs.reduce((n, d) => n + d.sentenceCount, 0),
      annotatedCount: docs.reduce((n, d) => n + d.annotatedCount, 0),
    }
  }

  listDocuments(): DocumentSummary[] {
    return this.repo.listDocuments().map(({ labelCounts: _profile, ...summary }) => summary)
  }

  /** Each document's label profile, for the overview. */
  labelProfiles(): Record<string, LabelCounts> {
    return Object.fromEntries(this.repo.listDocuments().map((d) => [d.id, d.labelCounts]))
  }

  async getDocument(documentId: string): Promise<DocumentView> {
    this.requireDocument(documentId)
    const [document, annotations] = await Promise.all([
      this.repo.getDocument(documentId),
      this.repo.getAnnotations(documentId),
    ])
    return { document, annotations }
  }

  async saveAnnotation(
    documentId: string,
    unitId: string,
    input: SentenceAnnotationInput | null,
  ): Promise<SentenceAnnotation | null> {
    const [saved] = await this.saveAnnotations([{ documentId, unitId, input }])
    return saved
  }

  /**
   * Validates every change first, then writes them grouped by document (one durable write per
   * document), so a bad change in a bulk action writes nothing.
   */
  saveAnnotations(changes: AnnotationChange[]): Promise<Array<SentenceAnnotation | null>> {
    const saved = this.inOrder(() => this.writeAnnotations(changes))
    // The model learns once the labels are durable, in its own order: a save never waits on it.
    saved.then(
      (results) => this.suggestionEngine?.learn(changes, results),
      () => undefined,
    )
    return saved
  }

  private suggestionEngine: SuggestionEngine | null = null
  private suggestWorkerScript: string | undefined

  /** The built suggestion worker (the app's out/main/suggestWorker.js); absent, from source. */
  useSuggestWorker(script: string | undefined): void {
    this.suggestWorkerScript = script
  }

  /** The learned suggestions of this project: one engine, its worker started on first need. */
  get suggestions(): SuggestionEngine {
    this.suggestionEngine ??= new SuggestionEngine({
      repo: this.repo,
      workerScript: this.suggestWorkerScript,
      blindUnits: (documentId) => this.reliability.blindUnitIds(documentId),
    })
    return this.suggestionEngine
  }

  /** The model's suggestions for one sentence of a document (none on sentences coded blind). */
  async getSuggestions(documentId: string, unitId: string): Promise<SentenceSuggestions> {
    this.requireDocument(documentId)
    const units = (await this.repo.getDocument(documentId)).units
    const unit = units.find((u) => u.id === unitId)
    if (!unit) throw new UserError('annotation.unitNotFound', { unitId, documentId })
    return this.suggestions.suggestionsFor(documentId, unitId)
  }

  /** Stops the suggestion worker (the app or a test closing the project). */
  async closeSuggestions(): Promise<void> {
    await this.suggestionEngine?.close()
    this.suggestionEngine = null
  }

  /**
   * Runs writes one after another in the order they were asked for: two quick key presses on
   * one sentence must land in that order, and their reads of the current state must not
   * interleave. Every write of the service goes through here: labels, unit edits, codebook
   * saves and metadata edits.
   */
  private inOrder<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work)
    this.queue = run.catch(() => undefined)
    return run
  }

  private async writeAnnotations(
    changes: AnnotationChange[],
  ): Promise<Array<SentenceAnnotation | null>> {
    const annotator = this.settings.get().annotator
    if (!annotator) throw new UserError('annotation.noAnnotator')
    const codebook = this.repo.getCodebook()
    const stamp = this.now().toISOString()
    const results: Array<SentenceAnnotation | null> = []
    const byDocument = new Map<string, Array<[string, SentenceAnnotation | null]>>()
    for (const { documentId, unitId, input } of changes) {
      this.requireDocument(documentId)
      const document = await this.repo.getDocument(documentId)
      const unit = document.units.find((u) => u.id === unitId)
      if (!unit) throw new UserError('annotation.unitNotFound', { unitId, documentId })
      if (!isAnnotatable(unit))
        throw new UserError('annotation.notIncluded', { kind: { code: `unit.kind.${unit.kind}` } })
      let annotation: SentenceAnnotation | null = null
      if (input && !isEmptyInput(input)) {
        checkAgainstCodebook(input, codebook)
        const previous = (await this.repo.getAnnotations(documentId))[unitId]
        annotation = {
          statements: input.statements,
          uncertain: input.uncertain,
          note: input.note,
          ...(input.needsReview ? { needsReview: input.needsReview } : {}),
          ...(input.done ? { done: true } : {}),
          ...(input.dismissed?.length ? { dismissed: [...new Set(input.dismissed)] } : {}),
          annotator,
          coder: this.repo.coder,
          createdAt: previous?.createdAt ?? stamp,
          updatedAt: stamp,
          codebookVersion: codebook.version,
        }
      }
      results.push(annotation)
      const list = byDocument.get(documentId) ?? []
      list.push([unitId, annotation])
      byDocument.set(documentId, list)
    }
    for (const [documentId, entries] of byDocument)
      await this.repo.putAnnotations(documentId, entries)
    return results
  }

  async setLocale(locale: 'en' | 'de'): Promise<void> {
    await this.settings.update({ locale })
  }

  findSentences(query: SentenceQuery): Promise<SentenceHits> {
    return findSentences(this.repo, query)
  }

  splitUnit(documentId: string, unitId: string, offset: number): Promise<UnitEditResult> {
    return this.editUnits(documentId, (d, a) => splitUnit(d, a, unitId, offset))
  }

  mergeWithNext(documentId: string, unitId: string): Promise<UnitEditResult> {
    return this.editUnits(documentId, (d, a) =>
      mergeWithNext(d, a, unitId, this.repo.getCodebook()),
    )
  }

  setUnitIncluded(documentId: string, unitId: string, included: boolean): Promise<UnitEditResult> {
    return this.editUnits(documentId, (d, a) => setIncluded(d, a, unitId, included))
  }

  resegmentDocument(documentId: string): Promise<UnitEditResult> {
    return this.editUnits(documentId, (d, a) => resegment(d, a, this.repo.getCodebook()))
  }

  private editUnits(
    documentId: string,
    edit: (d: StoredDocument, a: Record<string, SentenceAnnotation>) => UnitEdit,
  ): Promise<UnitEditResult> {
    // A unit edit reads the labels of the whole document and writes them back: a label saved
    // in between would be overwritten, so it waits its turn like every other write.
    return this.inOrder(() => this.writeUnitEdit(documentId, edit))
  }

  private async writeUnitEdit(
    documentId: string,
    edit: (d: StoredDocument, a: Record<string, SentenceAnnotation>) => UnitEdit,
  ): Promise<UnitEditResult> {
    this.requireDocument(documentId)
    const document = await this.repo.getDocument(documentId)
    const annotations = await this.repo.getAnnotations(documentId)
    const result = edit(document, { ...annotations })
    await this.repo.replaceDocument(result.document, result.annotations)
    return {
      view: { document: result.document, annotations: result.annotations },
      review: result.review,
      message: result.message,
    }
  }

  async setAnnotator(name: string): Promise<void> {
    await this.settings.update({ annotator: name.trim() })
    await this.team?.writeOwnProfile()
  }

  /** The team of a shared project: coders, files from sync; absent for a plain repository. */
  private team: Team | null = null

  attachTeam(team: Team): void {
    this.team = team
  }

  /** Coders and their progress, files not read, competing codebook versions. */
  getTeam(): TeamStatus {
    if (this.team) return this.team.status()
    const { coderId, annotator } = this.settings.get()
    const me = { id: coderId, name: annotator || coderId }
    return { me, coders: [], problems: [], codebookConflict: null, revision: 0 }
  }

  async setInitials(initials: string): Promise<void> {
    await this.settings.update({ initials: initials || undefined })
    await this.team?.writeOwnProfile()
  }

  private reliabilityRoom: Reliability | null = null

  /** Reliability samples, blind coding, the report per round and the disagreements. */
  get reliability(): Reliability {
    // The team may be attached after the first call: asked for on every read.
    this.reliabilityRoom ??= new Reliability(
      this.repo,
      { otherLayers: (documentId) => this.team?.otherLayers(documentId) ?? [] },
      this.now,
    )
    return this.reliabilityRoom
  }

  /** Agreement between the coders, per dimension, label and the statements (of one sample). */
  getReliability(sampleId: string | null = null): Promise<ReliabilityView> {
    return this.reliability.report(this.getTeam(), sampleId)
  }

  /** The sentences of a document whose other coders' labels this coder codes blind. */
  getBlindUnits(documentId: string): Promise<string[]> {
    this.requireDocument(documentId)
    return this.reliability.blindUnitIds(documentId)
  }

  async setDisagreementNote(
    documentId: string,
    unitId: string,
    note: string,
    codebookProblem: boolean,
  ): Promise<void> {
    this.requireDocument(documentId)
    const units = (await this.repo.getDocument(documentId)).units
    if (!units.some((u) => u.id === unitId))
      throw new UserError('reliability.unitUnknown', { documentId, unitId })
    await this.reliability.setNote(documentId, unitId, note, codebookProblem)
  }

  private adjudicationRoom: Adjudication | null = null

  /** The gold layer and its adjudication (this machine's coder adjudicates). */
  get adjudication(): Adjudication {
    this.adjudicationRoom ??= new Adjudication(this.repo, this.team, this.now)
    return this.adjudicationRoom
  }

  /** Every sentence two coders or more coded, their values side by side, the gold and progress. */
  getAdjudication(): Promise<AdjudicationView> {
    return this.adjudication.view(this.getTeam())
  }

  /** Sets the gold of one sentence: a coder's values, the majority's, edited ones, or none. */
  async adjudicate(
    documentId: string,
    unitId: string,
    choice: AdjudicationChoice,
    note: string,
  ): Promise<AdjudicationView> {
    await this.adjudication.choose(documentId, unitId, choice, note)
    return this.getAdjudication()
  }

  /** Accepts every value the rule allows across the project; listed, and undone by its id. */
  async acceptAutomatically(rule: AcceptRule): Promise<AdjudicationView> {
    await this.adjudication.accept(rule)
    return this.getAdjudication()
  }

  /**
   * Exports the layer the options choose (gold once it exists, a coder's, or all of them):
   * the app's export job.
   */
  exportLayer(options: ExportOptions, out: string, control: ExportRun): Promise<ExportResult> {
    const team = this.team
    const status = this.getTeam()
    return exportLayer(
      {
        repo: this.repo,
        otherLayers: team,
        coders: status.coders.filter((c) => c.annotatedCount > 0).map((c) => c.id),
        adjudication: this.adjudication,
        nameOf: (id) => status.coders.find((c) => c.id === id)?.name ?? id,
        reliability: () => this.getReliability(),
      },
      options.layer ?? null,
      { ...options, out },
      control,
    )
  }

  async undoAcceptance(runId: string): Promise<AdjudicationView> {
    await this.adjudication.undo(runId)
    return this.getAdjudication()
  }

  getTeamRevision(): number {
    return this.team?.currentRevision ?? 0
  }

  /**
   * The other coders' labels of one document, read-only; never those of sentences this coder
   * codes blind in a reliability sample.
   */
  getCoderLayers(documentId: string): Promise<CoderLayer[]> {
    this.requireDocument(documentId)
    return this.reliability.withoutBlind(documentId, this.team?.otherLayers(documentId) ?? [])
  }

  /**
   * A coder chooses which of two codebook versions saved from one base stands. Both files stay;
   * the coder's own labels that the chosen version lacks are removed, as a save would.
   */
  chooseCodebookVersion(versionId: string): Promise<Codebook> {
    return this.inOrder(async () => {
      if (!this.team) throw new UserError('team.codebookUnknown', { id: versionId })
      const before = this.repo.getCodebook()
      const chosen = await this.team.chooseCodebook(versionId)
      const removed = removedIds(before, chosen)
      if (removed.labels.size || removed.dimensions.size)
        for (const summary of this.repo.listDocuments()) {
          if (Object.keys(summary.labelCounts).length === 0) continue
          const entries: Array<[string, SentenceAnnotation | null]> = []
          for (const [unitId, a] of Object.entries(await this.repo.getAnnotations(summary.id))) {
            const stripped = stripRemoved(a, removed.labels, removed.dimensions)
            if (stripped) entries.push([unitId, stripped])
          }
          if (entries.length) await this.repo.putAnnotations(summary.id, entries)
        }
      return chosen
    })
  }

  /**
   * In the write order: a label saved before the codebook deletes it is removed with it, one
   * saved after is refused, and none survives between the two.
   */
  saveCodebook(codebook: Codebook): Promise<Codebook> {
    return this.inOrder(() => this.writeCodebook(codebook))
  }

  private async writeCodebook(codebook: Codebook): Promise<Codebook> {
    const problems = codebookProblems(codebook)
    if (problems.length > 0)
      throw new UserError('codebook.rulesBroken', { problems: problems.map((p) => p.message) })
    const current = this.repo.getCodebook()
    if (!codebookChanged(current, codebook)) return current
    const next: Codebook = { ...codebook, version: current.version + 1 }
    await applyCodebook(this.repo, next)
    return next
  }

  codebookImpact(codebook: Codebook): Promise<CodebookImpact> {
    return codebookImpact(this.repo, codebook)
  }

  updateDocumentMeta(documentId: string, meta: DocumentMeta): Promise<DocumentSummary> {
    return this.inOrder(() => this.writeDocumentMeta(documentId, meta))
  }

  private async writeDocumentMeta(
    documentId: string,
    meta: DocumentMeta,
  ): Promise<DocumentSummary> {
    this.requireDocument(documentId)
    const document = await this.repo.getDocument(documentId)
    const annotations = await this.repo.getAnnotations(documentId)
    await this.repo.replaceDocument({ ...document, meta }, annotations)
    const summary = this.listDocuments().find((d) => d.id === documentId)
    if (!summary) throw new Error(`The document "${documentId}" vanished while saving.`)
    return summary
  }

  private requireDocument(documentId: string): void {
    if (!this.repo.hasDocument(documentId)) throw new UserError('document.notFound', { documentId })
  }
}

function isEmptyInput(input: SentenceAnnotationInput): boolean {
  const hasLabel = input.statements.some((s) =>
    Object.values(s.values).some((ids) => ids.length > 0),
  )
  return (
    !hasLabel &&
    !input.uncertain &&
    input.note.trim() === '' &&
    !input.needsReview &&
    !input.done &&
    !input.dismissed?.length
  )
}

/** Refuses labels the codebook does not know and several labels in a single-choice dimension. */
function checkAgainstCodebook(input: SentenceAnnotationInput, codebook: Codebook): void {
  const dimensions = new Map(codebook.dimensions.map((d) => [d.id, d]))
  const statementIds = new Set<string>()
  for (const statement of input.statements) {
    if (statementIds.has(statement.id))
      throw new UserError('annotation.statementIdTwice', { id: statement.id })
    statementIds.add(statement.id)
    for (const [dimensionId, labelIds] of Object.entries(statement.values)) {
      const dimension = dimensions.get(dimensionId)
      if (!dimension) throw new UserError('annotation.noDimension', { dimensionId })
      if (!dimension.multi && labelIds.length > 1)
        throw new UserError('annotation.singleChoice', { dimension: dimension.name })
      if (new Set(labelIds).size !== labelIds.length)
        throw new UserError('annotation.labelTwice', { dimension: dimension.name })
      for (const id of labelIds)
        if (!dimension.labels.some((l) => l.id === id))
          throw new UserError('annotation.noLabel', { dimension: dimension.name, label: id })
    }
  }
}
