/**
 * The product's domain vocabulary, shared by core, main, preload and renderer.
 *
 * Everything here is plain serialisable data: it crosses the IPC boundary and lands on disk.
 * A codebook has dimensions, a dimension has labels; a document has units (sentences and
 * non-sentence units), a sentence has an annotation holding one or more statements, and a
 * statement has label ids per dimension.
 */
import type { Message } from './messages'

/** What a unit of a document is. Only `sentence` units are annotated unless the analyst includes others. */
export type UnitKind = 'sentence' | 'heading' | 'byline' | 'caption' | 'meta'

export const UNIT_KINDS: readonly UnitKind[] = ['sentence', 'heading', 'byline', 'caption', 'meta']

/** A segment of a document's text: `text === documentText.slice(start, end)`. */
export interface Segment {
  text: string
  start: number
  end: number
  kind: UnitKind
}

/**
 * A unit of a stored document. Its id is derived from its span (`u<start>-<end>`), so the id of a
 * sentence survives re-segmentation whenever the sentence itself survives.
 */
export interface Unit {
  id: string
  start: number
  end: number
  kind: UnitKind
  /** A non-sentence unit the analyst chose to annotate anyway. */
  included?: boolean
}

/** Bibliographic metadata of a document; every field is optional and editable. */
export interface DocumentMeta {
  title?: string
  source?: string
  author?: string
  date?: string
  url?: string
  genre?: string
  /** Free key-values (e.g. columns of an imported spreadsheet). */
  extra?: Record<string, string>
}

export interface StoredDocument {
  /** Stable id; for imported files the file name without extension. */
  id: string
  meta: DocumentMeta
  text: string
  units: Unit[]
  /** SHA-256 (hex) of the normalised text; used to refuse duplicates. */
  contentHash: string
  importedAt: string
  /** Where the text came from (file name), for the import report and provenance. */
  origin?: string
}

/** What the document list shows without loading any document's text. */
export interface DocumentSummary {
  id: string
  meta: DocumentMeta
  /** Units that are annotated by default (sentences plus included units). */
  sentenceCount: number
  annotatedCount: number
}

/** Per label id, how many sentences of a document carry it (in any statement). */
export type LabelCounts = Record<string, number>

/**
 * A summary with the document's label profile. Core keeps these in its index; the document list
 * gets plain summaries, and the profiles travel only when the overview asks for them.
 */
export interface DocumentProfile extends DocumentSummary {
  labelCounts: LabelCounts
}

export interface Label {
  /** Stable id: renaming a label never changes it. */
  id: string
  name: string
  /** CSS colour, `#rrggbb`. */
  color: string
  /** A single key (as `KeyboardEvent.key` reports it, lower case), or empty for none. */
  hotkey: string
  definition: string
  examples: string[]
  /** Alternative names used to suggest this label from the text (actors). */
  aliases?: string[]
  /** The label's number on an interval or ratio scale (see Dimension.scale). */
  value?: number
}

/**
 * How a single-choice dimension's labels relate, for Krippendorff's alpha: unordered (nominal,
 * the default), ranked in the codebook's order (ordinal), or numbers carried by each label's
 * `value` (interval, ratio).
 */
export type DimensionScale = 'nominal' | 'ordinal' | 'interval' | 'ratio'

export const DIMENSION_SCALES: readonly DimensionScale[] = [
  'nominal',
  'ordinal',
  'interval',
  'ratio',
]

export interface Dimension {
  id: string
  name: string
  /** Multi-choice dimensions accept several labels per statement. */
  multi: boolean
  /**
   * A sentence counts as coded only once it carries a label of every required dimension (the
   * stance, in the default codebook). A codebook that marks none counts any label.
   */
  required?: boolean
  /** Single-choice dimensions only; nominal when absent. */
  scale?: DimensionScale
  labels: Label[]
}

export interface Codebook {
  /** Increases with every change; each annotation records the version it was made under. */
  version: number
  dimensions: Dimension[]
}

/** A label accepted from the learned suggestion model: which model, and how sure it was. */
export interface ModelProvenance {
  source: 'suggested-model'
  /** The model's version (see contract/suggest.ts DimensionSuggestion.version). */
  version: string
  /** The model's probability of the label when it was accepted, 0 to 1. */
  confidence: number
}

/**
 * How a label came to be on a statement: by hand, an accepted actor suggestion of the alias
 * rules (`suggested-accepted`), or an accepted suggestion of the model.
 */
export type Provenance = 'manual' | 'suggested-accepted' | ModelProvenance

/** One position taken in a sentence (statements in the sense of the Discourse Network Analyzer). */
export interface Statement {
  id: string
  /** Label ids per dimension id. */
  values: Record<string, string[]>
  /** Provenance per label id; a label missing here was chosen by hand. */
  provenance?: Record<string, Provenance>
}

/** Everything an analyst said about one sentence. */
export interface SentenceAnnotation {
  statements: Statement[]
  uncertain: boolean
  note: string
  /** The coder's name when the annotation was made; the coder id below is what identifies them. */
  annotator: string
  /** The id of the coder whose layer holds this annotation (absent before team projects). */
  coder?: string
  createdAt: string
  updatedAt: string
  codebookVersion: number
  /** Set when a split, merge or re-segmentation moved the labels; cleared by the analyst. */
  needsReview?: string
  /** The analyst marked the sentence coded although a required dimension has no label. */
  done?: boolean
  /** Label ids suggested for this sentence that the analyst dismissed as false positives. */
  dismissed?: string[]
}

/** The editable part of a sentence annotation; main stamps annotator, times and codebook version. */
export interface SentenceAnnotationInput {
  statements: Statement[]
  uncertain: boolean
  note: string
  needsReview?: string
  done?: boolean
  dismissed?: string[]
}

/** A document with the annotations of its sentences, keyed by unit id. */
export interface DocumentView {
  document: StoredDocument
  annotations: Record<string, SentenceAnnotation>
}

export interface ProjectInfo {
  path: string
  name: string
  annotator: string
  locale?: 'en' | 'de'
  /** What was repaired when the project was opened, as messages for the analyst. */
  notices: Message[]
  codebook: Codebook
  documentCount: number
  sentenceCount: number
  annotatedCount: number
}

/** True when a unit takes annotations: every sentence, plus other units the analyst included. */
export function isAnnotatable(unit: Unit): boolean {
  return unit.kind === 'sentence' || unit.included === true
}

/** The label ids a sentence carries, each once, across its statements. */
export function labelsOf(a: SentenceAnnotation | undefined): Set<string> {
  const out = new Set<string>()
  for (const s of a?.statements ?? [])
    for (const ids of Object.values(s.values)) for (const id of ids) out.add(id)
  return out
}

/**
 * True when a sentence counts as coded: the analyst marked it done, or it carries a label of
 * every dimension the codebook marks required, in any of its statements. Without a codebook, or
 * with one that marks no dimension required, any label counts.
 */
export function isAnnotated(
  a: SentenceAnnotation | undefined,
  codebook?: Pick<Codebook, 'dimensions'>,
): boolean {
  if (!a) return false
  if (a.done) return true
  const required = codebook?.dimensions.filter((d) => d.required) ?? []
  if (required.length === 0)
    return a.statements.some((s) => Object.values(s.values).some((ids) => ids.length > 0))
  return required.every((d) => a.statements.some((s) => (s.values[d.id]?.length ?? 0) > 0))
}

/** The ids of the required dimensions, as one key: counts change when this key changes. */
export function codedRuleKey(codebook: Pick<Codebook, 'dimensions'>): string {
  return codebook.dimensions
    .filter((d) => d.required)
    .map((d) => d.id)
    .join(' ')
}

/** The outcome of an import: what came in, what was a duplicate, what failed and why. */
export interface ImportReport {
  imported: Array<{ id: string; origin: string; title: string; sentences: number }>
  skipped: Array<{ origin: string; reason: Message; existingId: string }>
  failed: Array<{ origin: string; reason: Message }>
  warnings: Array<{ origin: string; message: Message }>
  cancelled: boolean
}

export interface ImportProgress {
  done: number
  total: number
  current?: string
}

/** One change of a sentence's annotation, for bulk saves and undo/redo. */
export interface AnnotationChange {
  documentId: string
  unitId: string
  input: SentenceAnnotationInput | null
}

/** What to look for across the corpus. Every given criterion must hold. */
export interface SentenceQuery {
  /**
   * Words to find, all of them in any order; umlauts and ß match loosely (Muenchen finds München,
   * Strasse finds Straße).
   */
  text?: string
  /** Sentences carrying this label (in any statement). */
  labelId?: string
  unannotated?: boolean
  uncertain?: boolean
  /** Sentences marked for review after a split, merge or re-segmentation. */
  needsReview?: boolean
  /** Substring match on one metadata field (title, source, author, date, url, genre, or an extra key). */
  meta?: { field: string; value: string }
  /** Limits the search to one document. */
  documentId?: string
  limit?: number
}

export interface SentenceHit {
  documentId: string
  documentTitle: string
  unitId: string
  text: string
  /** Where the searched words occur in `text` (sorted, not overlapping), to highlight them. */
  highlights?: Array<{ start: number; end: number }>
}

export interface SentenceHits {
  hits: SentenceHit[]
  /** All matches, of which `hits` holds at most `limit`. */
  total: number
}

/** The result of a unit edit (split, merge, include, re-segment). */
export interface UnitEditResult {
  view: DocumentView
  /** Unit ids whose labels the analyst should look at again. */
  review: string[]
  /** What the edit did, for the analyst. */
  message: Message
}

export type JobKind = 'import' | 'export'

export interface JobStatus {
  id: string
  kind: JobKind
  state: 'running' | 'done' | 'failed' | 'cancelled'
  done: number
  total: number
  current?: string
  /** For an import: the report; for an export: what was written. */
  report?: ImportReport
  exported?: ExportSummary
  /** Why a failed job failed. */
  error?: Message
}

/** What an export wrote, for the analyst: every file with its size and what it holds. */
export interface ExportSummary {
  /** The file, or the folder the files went into. */
  path: string
  files: Array<{ path: string; bytes: number; format: string; counts: Record<string, number> }>
  /** Documents with at least one exported unit. */
  documents: number
  /** Units written: sentences plus headings, bylines, captions and meta lines. */
  units: number
  /** Annotatable units (sentences and included units) among them. */
  sentences: number
  /** The other units: headings, bylines, captions and meta lines not included in coding. */
  nonSentences: number
  annotated: number
  statements: number
  /** What the analyst should know: what was left out, and why. */
  warnings: Message[]
}

/** The export formats, in the order the export dialog offers them. */
export const EXPORT_FORMATS = [
  'jsonl',
  'csv-sentences',
  'csv-statements',
  'codebook',
  'card',
  'graphml',
  'qdpx',
  'all',
] as const

export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export type { ExportOptions } from './exportOptions'

/** What saving a codebook would do to existing annotations. */
export interface CodebookImpact {
  removedLabels: Array<{ dimension: string; label: string; statements: number; sentences: number }>
  removedDimensions: Array<{ dimension: string; statements: number }>
}

export type ImportSource =
  | { kind: 'files' }
  | { kind: 'folder' }
  | { kind: 'contents'; files: Array<{ name: string; bytes: Uint8Array }> }
