/**
 * Flattens a document into the records every format writes: the chosen units in order with
 * their text, the text between them, and their annotation. One document at a time: an export
 * never holds more than the document it is writing (see ./pass.ts).
 */
import {
  isAnnotatable,
  isAnnotated,
  type Codebook,
  type DocumentSummary,
  type SentenceAnnotation,
  type Statement,
  type StoredDocument,
  type Unit,
} from '../../contract/model'
import { UserError } from '../errors'
import type { DocumentSelection, ExportOptions, SplitName } from './options'

export interface DimensionInfo {
  id: string
  name: string
  /** Label id → name in codebook order; labels the codebook lacks are named by their id. */
  labels: Map<string, string>
  colors: Map<string, string>
}

export interface ExportRow {
  unit: Unit
  /** Position among all units of the document, exported or not. */
  index: number
  text: string
  /** The document text between the previous unit's end and this unit's start. */
  textBefore: string
  /** The text after the document's last unit; empty for every other unit. */
  textAfter: string
  annotation: SentenceAnnotation | null
  /** Coded as the codebook counts it (see ExportOptions.required); false without annotation. */
  coded: boolean
}

export interface ExportDocument {
  document: StoredDocument
  rows: ExportRow[]
  split: SplitName | null
}

export interface ExportControl {
  signal?: AbortSignal
  onProgress?: (progress: { done: number; total: number }) => void
}

/** The ids of the chosen documents, sorted; an id that does not exist is an error, not a no-op. */
export function selectDocuments(
  summaries: DocumentSummary[],
  selection: DocumentSelection,
): DocumentSummary[] {
  let chosen = summaries
  if (selection.ids) {
    const known = new Set(summaries.map((d) => d.id))
    const missing = selection.ids.filter((id) => !known.has(id))
    if (missing.length > 0)
      throw new UserError('export.noSuchDocuments', {
        ids: missing.map((id) => `"${id}"`).join(', '),
        count: missing.length,
      })
    const wanted = new Set(selection.ids)
    chosen = chosen.filter((d) => wanted.has(d.id))
  }
  const meta = selection.meta
  if (meta) {
    const needle = meta.value.toLowerCase()
    chosen = chosen.filter((d) => (metaField(d, meta.field) ?? '').toLowerCase().includes(needle))
  }
  return chosen
}

function metaField(d: DocumentSummary, field: string): string | undefined {
  if (field === 'id') return d.id
  const standard = (d.meta as Record<string, unknown>)[field]
  if (typeof standard === 'string') return standard
  return d.meta.extra?.[field]
}

/** The exported units of one document, with the annotator filter applied. */
export function flattenDocument(
  document: StoredDocument,
  annotations: Record<string, SentenceAnnotation>,
  options: Pick<ExportOptions, 'includeNonSentences' | 'onlyAnnotated' | 'annotator' | 'required'>,
): ExportRow[] {
  const rows: ExportRow[] = []
  const rule = codedRule(options.required)
  const { text, units } = document
  let previousEnd = 0
  for (let index = 0; index < units.length; index++) {
    const unit = units[index]
    const textBefore = text.slice(previousEnd, unit.start)
    previousEnd = unit.end
    if (!options.includeNonSentences && !isAnnotatable(unit)) continue
    let annotation: SentenceAnnotation | null = annotations[unit.id] ?? null
    if (annotation && options.annotator !== null && annotation.annotator !== options.annotator)
      annotation = null
    const coded = isAnnotated(annotation ?? undefined, rule)
    if (options.onlyAnnotated && !coded) continue
    const textAfter = index === units.length - 1 ? text.slice(unit.end) : ''
    rows.push({
      unit,
      index,
      text: text.slice(unit.start, unit.end),
      textBefore,
      textAfter,
      annotation,
      coded,
    })
  }
  return rows
}

/** The codebook's rule of what is coded, from the ids of its required dimensions alone. */
function codedRule(required: readonly string[]): Pick<Codebook, 'dimensions'> {
  return {
    dimensions: required.map((id) => ({ id, name: id, multi: false, required: true, labels: [] })),
  }
}

/** How many annotations of a document belong to units it no longer has. */
export function countOrphans(
  document: StoredDocument,
  annotations: Record<string, SentenceAnnotation>,
): number {
  const ids = Object.keys(annotations)
  if (ids.length === 0) return 0
  const units = new Set(document.units.map((u) => u.id))
  return ids.filter((id) => !units.has(id)).length
}

/**
 * The dimensions of an export: the codebook's, then any dimension or label found only in
 * annotations, so no label is lost silently. Built up document by document, in the order the
 * export meets them; it counts what it adds, so an export can tell when its files were laid out
 * for fewer dimensions than the annotations hold.
 */
export class DimensionCatalog {
  readonly dimensions: DimensionInfo[]
  private readonly byId: Map<string, DimensionInfo>
  addedDimensions = 0
  addedLabels = 0

  constructor(start: Codebook | readonly DimensionInfo[]) {
    this.dimensions =
      'dimensions' in start
        ? start.dimensions.map((d) => ({
            id: d.id,
            name: d.name,
            labels: new Map(d.labels.map((l) => [l.id, l.name])),
            colors: new Map(d.labels.map((l) => [l.id, l.color])),
          }))
        : start.map((d) => ({ ...d, labels: new Map(d.labels), colors: new Map(d.colors) }))
    this.byId = new Map(this.dimensions.map((d) => [d.id, d]))
  }

  /** Adds the dimensions and labels the annotations of these rows name and the catalog lacks. */
  note(rows: readonly ExportRow[]): void {
    for (const { annotation } of rows) {
      if (!annotation) continue
      for (const statement of annotation.statements)
        for (const dimensionId in statement.values) {
          if (!Object.hasOwn(statement.values, dimensionId)) continue
          let dimension = this.byId.get(dimensionId)
          if (!dimension) {
            dimension = { id: dimensionId, name: dimensionId, labels: new Map(), colors: new Map() }
            this.byId.set(dimensionId, dimension)
            this.dimensions.push(dimension)
            this.addedDimensions++
          }
          for (const id of statement.values[dimensionId])
            if (!dimension.labels.has(id)) {
              dimension.labels.set(id, id)
              this.addedLabels++
            }
        }
    }
  }
}

/** The name of a label for export; a label unknown to the codebook is named by its id. */
export function labelNames(dimension: DimensionInfo, ids: readonly string[]): string[] {
  return ids.map((id) => dimension.labels.get(id) ?? id)
}

/** The labels of a dimension over all statements of an annotation, each once, in order. */
export function unionLabels(annotation: SentenceAnnotation | null, dimensionId: string): string[] {
  if (!annotation) return []
  if (annotation.statements.length === 1) return valuesOf(annotation.statements[0], dimensionId)
  const seen = new Set<string>()
  for (const s of annotation.statements) for (const id of valuesOf(s, dimensionId)) seen.add(id)
  return [...seen]
}

/** The label ids of one dimension in a statement; own keys only, since ids come from users. */
export function valuesOf(statement: Statement, dimensionId: string): string[] {
  return Object.hasOwn(statement.values, dimensionId) ? statement.values[dimensionId] : []
}

/** True when a statement has at least one label (an empty one is no statement in a table). */
export function hasLabels(statement: Statement): boolean {
  for (const id in statement.values)
    if (Object.hasOwn(statement.values, id) && statement.values[id].length > 0) return true
  return false
}
