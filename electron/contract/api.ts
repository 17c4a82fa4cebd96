/**
 * The one API between the renderer and main. Main registers exactly these methods as IPC
 * handlers, the preload exposes exactly these methods on `window.workbench`, and the renderer
 * calls them through the typed client in renderer/src/api.ts.
 *
 * Every argument is serialisable and validated in main (see ./validation.ts); every result is
 * delivered in an envelope so that an error reaches the analyst as a clear message.
 */
import type {
  AnnotationChange,
  Codebook,
  CodebookImpact,
  DocumentMeta,
  DocumentSummary,
  DocumentView,
  ExportOptions,
  ImportSource,
  JobStatus,
  LabelCounts,
  ProjectInfo,
  SentenceAnnotation,
  SentenceAnnotationInput,
  SentenceHits,
  SentenceQuery,
  UnitEditResult,
} from './model'
import type { CoderLayer, TeamStatus } from './team'
import type {
  DisagreementsView,
  DrawSampleRequest,
  HistoryPoint,
  ReliabilityView,
  SampleSizeRequest,
  SamplesView,
  SampleView,
} from './reliability'
import type { AcceptRule, AdjudicationChoice, AdjudicationView } from './adjudication'
import type {
  QueueHit,
  SentenceSuggestions,
  SuggestionOrder,
  SuggestionQuality,
  SuggestionSwitches,
} from './suggest'
import type { MessageCode, MessageParams } from './messages'

export interface Api {
  /** The open project: name, folder, annotator, codebook and corpus counts. */
  getProject(): Promise<ProjectInfo>
  /** Summaries of all documents (no text), sorted by id. */
  listDocuments(): Promise<DocumentSummary[]>
  /** How many sentences of each document carry each label (document id → label id → count). */
  getLabelProfiles(): Promise<Record<string, LabelCounts>>
  /** One document with its units and the annotations of its sentences. */
  getDocument(documentId: string): Promise<DocumentView>
  /**
   * Sets the annotation of one sentence (or removes it with `null`). Resolves with the stored
   * annotation once it is durably on disk.
   */
  saveAnnotation(
    documentId: string,
    unitId: string,
    input: SentenceAnnotationInput | null,
  ): Promise<SentenceAnnotation | null>
  /**
   * Applies several changes at once, across documents (bulk actions, undo and redo). All are
   * validated before any is written.
   */
  saveAnnotations(changes: AnnotationChange[]): Promise<Array<SentenceAnnotation | null>>
  /** Sets the analyst's name, stamped on every annotation from now on. */
  setAnnotator(name: string): Promise<void>
  /** Remembers the interface language the analyst chose. */
  setLocale(locale: 'en' | 'de'): Promise<void>
  /** Replaces the codebook; refused when it breaks a rule (e.g. a hotkey collision). */
  saveCodebook(codebook: Codebook): Promise<Codebook>
  /** What saving this codebook would remove from existing annotations, for the confirmation. */
  codebookImpact(codebook: Codebook): Promise<CodebookImpact>
  /** Asks for a file name and writes the codebook there as JSON; null when cancelled. */
  exportCodebookFile(): Promise<string | null>
  /** Asks for a codebook JSON file and reads it (not yet saved); null when cancelled. */
  readCodebookFile(): Promise<Codebook | null>
  /** Edits a document's metadata. */
  updateDocumentMeta(documentId: string, meta: DocumentMeta): Promise<DocumentSummary>
  /** Splits a sentence at a character offset of the document; both halves keep the labels. */
  splitUnit(documentId: string, unitId: string, offset: number): Promise<UnitEditResult>
  /** Merges a sentence with the next unit; the labels are united, conflicts flagged. */
  mergeWithNext(documentId: string, unitId: string): Promise<UnitEditResult>
  /** Includes a non-sentence unit (heading, caption, …) in annotation, or excludes it again. */
  setUnitIncluded(documentId: string, unitId: string, included: boolean): Promise<UnitEditResult>
  /** Segments the document again, keeping every annotation whose sentence still exists. */
  resegmentDocument(documentId: string): Promise<UnitEditResult>
  /** Finds sentences across the corpus. */
  findSentences(query: SentenceQuery): Promise<SentenceHits>
  /** Starts an import (file dialog, folder dialog, or dropped files); returns the job id. */
  startImport(source: ImportSource): Promise<string | null>
  /** Asks where to export, then starts the export; returns the job id, or null when cancelled. */
  startExport(options: ExportOptions): Promise<string | null>
  /** The progress or outcome of a job. */
  getJob(jobId: string): Promise<JobStatus>
  /** Asks a running job to stop; it stops between documents and leaves nothing half-done. */
  cancelJob(jobId: string): Promise<void>
  /**
   * The team of the project: the coders (this machine's first) with their progress per document,
   * files of the shared folder that were not read and why, and codebook versions that compete.
   * Its `revision` rises when files from another machine changed what the views show: the
   * renderer polls this and reloads when it rises.
   */
  getTeam(): Promise<TeamStatus>
  /** Sets the coder's short code (initials), shown to the team where space is tight; '' clears it. */
  setInitials(initials: string): Promise<void>
  /** The team's revision alone: what the renderer polls, asking getTeam only when it rose. */
  getTeamRevision(): Promise<number>
  /** The other coders' labels of one document, read-only, to show beside one's own. */
  getCoderLayers(documentId: string): Promise<CoderLayer[]>
  /** Chooses which of competing codebook versions stands; both stay in the folder. */
  chooseCodebookVersion(versionId: string): Promise<Codebook>
  /**
   * Agreement between the coders of the project, per dimension, per label and for the
   * statements: Krippendorff's alpha with its bootstrap interval and verdict, kappas, percent
   * agreement and the coder-by-coder matrix.
   */
  getReliability(sampleId?: string | null): Promise<ReliabilityView>
  /** The reliability samples of the project, the fields to stratify by and the coders. */
  getSamples(): Promise<SamplesView>
  /** Draws a seeded sample for chosen coders, who code it blind; stored in this coder's file. */
  drawSample(request: DrawSampleRequest): Promise<SampleView>
  /** This coder has coded the sample: the others' labels on it show again. */
  markSampleDone(sampleId: string): Promise<void>
  /** Lifts the blinding of a sample for every coder. */
  liftBlinding(sampleId: string): Promise<void>
  /**
   * The sentences of a document this coder codes blind: the others' labels and the model's
   * suggestions must not show on them (getCoderLayers already leaves them out).
   */
  getBlindUnits(documentId: string): Promise<string[]>
  /** How many units a sample needs (Krippendorff's table after Bloch and Kraemer). */
  sampleSize(request: SampleSizeRequest): Promise<number>
  /** Alpha per dimension for each sample round, with the codebook version it was drawn under. */
  getReliabilityHistory(): Promise<HistoryPoint[]>
  /** Every sentence where coders differ (of one sample, or all), in context, with notes. */
  getDisagreements(sampleId: string | null): Promise<DisagreementsView>
  /** This coder's note on a sentence to discuss, and its "codebook problem" mark. */
  setDisagreementNote(
    documentId: string,
    unitId: string,
    note: string,
    codebookProblem: boolean,
  ): Promise<void>
  /**
   * The adjudication: every sentence coded by two coders or more with each coder's statements
   * and values side by side, the gold layer with its provenance, progress, the automatic
   * acceptances made, and each coder's agreement with gold per dimension.
   */
  getAdjudication(): Promise<AdjudicationView>
  /**
   * Sets the gold of one sentence (this machine's coder adjudicates): a coder's values, the
   * majority's, edited labels, or none; `note` is kept with each value decided.
   */
  adjudicate(
    documentId: string,
    unitId: string,
    choice: AdjudicationChoice,
    note: string,
  ): Promise<AdjudicationView>
  /** Accepts every value all coders (or a majority) agree on and gold lacks, as one listed run. */
  acceptAutomatically(rule: AcceptRule): Promise<AdjudicationView>
  /** Undoes an automatic acceptance: its values leave gold, decisions made since stay. */
  undoAcceptance(runId: string): Promise<AdjudicationView>
  /**
   * The suggestion model's labels for one sentence with their confidence and the model's
   * version, per dimension; or why there are none (switched off, too few labels yet: how many
   * more are needed, a sentence coded blind). Nothing is saved until the analyst accepts.
   */
  getSuggestions(documentId: string, unitId: string): Promise<SentenceSuggestions>
  /**
   * The next uncoded sentence by the model: the one it is least sure of (`uncertain`, smallest
   * margin between its two likeliest labels) or most sure of (`confident`); in one dimension or
   * the first required one with a model; `skip` is left out (the sentence being looked at).
   * Null when no model is ready or nothing is left.
   */
  nextSuggested(
    order: SuggestionOrder,
    dimensionId: string | null,
    skip: { documentId: string; unitId: string } | null,
  ): Promise<QueueHit | null>
  /** Cross-validated macro-F1, per-label precision and recall, and the learning curve. */
  getSuggestionQuality(dimensionId: string): Promise<SuggestionQuality>
  /** Whether suggestions are on, entirely and per dimension (this machine, this project). */
  getSuggestionSwitches(): Promise<SuggestionSwitches>
  setSuggestionSwitches(switches: SuggestionSwitches): Promise<SuggestionSwitches>
}

export type ApiMethod = keyof Api

/** The method names, in one list that main, preload and the test harness iterate. */
export const API_METHODS = [
  'getProject',
  'listDocuments',
  'getLabelProfiles',
  'getDocument',
  'saveAnnotation',
  'saveAnnotations',
  'setAnnotator',
  'setLocale',
  'saveCodebook',
  'codebookImpact',
  'exportCodebookFile',
  'readCodebookFile',
  'updateDocumentMeta',
  'splitUnit',
  'mergeWithNext',
  'setUnitIncluded',
  'resegmentDocument',
  'findSentences',
  'startImport',
  'startExport',
  'getJob',
  'cancelJob',
  'getTeam',
  'getTeamRevision',
  'setInitials',
  'getCoderLayers',
  'chooseCodebookVersion',
  'getReliability',
  'getSamples',
  'drawSample',
  'markSampleDone',
  'liftBlinding',
  'getBlindUnits',
  'sampleSize',
  'getReliabilityHistory',
  'getDisagreements',
  'setDisagreementNote',
  'getAdjudication',
  'adjudicate',
  'acceptAutomatically',
  'undoAcceptance',
  'getSuggestions',
  'nextSuggested',
  'getSuggestionQuality',
  'getSuggestionSwitches',
  'setSuggestionSwitches',
] as const satisfies readonly ApiMethod[]

// A compile-time check that the list names every method of Api exactly.
type Missing = Exclude<ApiMethod, (typeof API_METHODS)[number]>
const everyMethodListed: Missing extends never ? true : never = true
void everyMethodListed

/** The IPC channel of a method. */
export function channelOf(method: ApiMethod): string {
  return `workbench:${method}`
}

/**
 * What crosses the IPC boundary: a value, or an error for the analyst as a message code with
 * parameters (translated by the renderer, see ./messages.ts) and its English text.
 */
export type Envelope<T> =
  { ok: true; value: T } | { ok: false; error: string; code: MessageCode; params: MessageParams }

/** The shape of the global the preload exposes: each method returns the raw envelope. */
export type Bridge = {
  [K in ApiMethod]: (...args: Parameters<Api[K]>) => Promise<Envelope<Awaited<ReturnType<Api[K]>>>>
}

/** The name of the one global the preload exposes. */
export const BRIDGE_GLOBAL = 'workbench'
