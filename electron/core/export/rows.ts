/**
 * Flattens a project into the records every format writes: for each chosen document, the
 * chosen units in order with their text, the text between them, and their annotation.
 * Loading is the only asynchronous part of an export; every writer after it is a pure function.
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
import type { ProjectRepository } from '../storage/repository'
import { checkCancelled } from './errors'
import type { DocumentSelection, ExportOptions, SplitName } from './options'
import { assignSplits } from './split'

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
}

export interface ExportDocument {
  document: StoredDocument
  rows: ExportRow[]
  split: SplitName | null
}

export interface ExportData {
  projectName: string
  codebook: Codebook
  /** The codebook's dimensions, then any dimension found only in annotations. */
  dimensions: DimensionInfo[]
  documents: ExportDocument[]
  options: ExportOptions
  warnings: string[]
}

export interface ExportControl {
  signal?: AbortSignal
  onProgress?: (progress: { done: number; total: number }) => void
}

/** How many documents are being read at once. */
const READ_AHEAD = 4

/** Reads the chosen documents (reporting progress per document) and flattens them. */
export async function loadExportData(
  repo: ProjectRepository,
  options: ExportOptions,
  control: ExportControl = {},
): Promise<ExportData> {
  const ids = selectDocuments(repo.listDocuments(), options.documents)
  const documents: ExportDocument[] = []
  const warnings: string[] = []
  let orphaned = 0
  control.onProgress?.({ done: 0, total: ids.length })
  // A few documents are read ahead, so the disk works while the previous one is flattened.
  const read = (id: string) => {
    const both = Promise.all([repo.getDocument(id), repo.getAnnotations(id)])
    both.catch(() => undefined) // awaited below; a read left behind by a cancel must not go unhandled
    return both
  }
  const ahead = ids.slice(0, READ_AHEAD).map(read)
  for (let i = 0; i < ids.length; i++) {
    checkCancelled(control.signal)
    const [document, annotations] = await ahead[i]
    delete ahead[i]
    if (i + READ_AHEAD < ids.length) ahead.push(read(ids[i + READ_AHEAD]))
    const units = new Set(document.units.map((u) => u.id))
    orphaned += Object.keys(annotations).filter((id) => !units.has(id)).length
    if (document.units.length === 0)
      warnings.push(`The document "${document.id}" has no units and is left out.`)
    const rows = flattenDocument(document, annotations, options)
    if (rows.length > 0) documents.push({ document, rows, split: null })
    control.onProgress?.({ done: i + 1, total: ids.length })
  }
  checkCancelled(control.signal)
  if (orphaned > 0)
    warnings.push(
      `${orphaned} annotation(s) belong to units that no longer exist and are left out.`,
    )
  if (options.split) {
    // Split over the documents that have rows, so an empty document never takes a test slot.
    const splits = assignSplits(
      documents.map((d) => d.document.id),
      options.split,
    )
    for (const d of documents) d.split = splits.get(d.document.id) ?? null
  }
  const codebook = repo.getCodebook()
  return {
    projectName: repo.name,
    codebook,
    dimensions: describeDimensions(codebook, documents),
    documents,
    options,
    warnings,
  }
}

/** The ids of the chosen documents, sorted; an id that does not exist is an error, not a no-op. */
export function selectDocuments(
  summaries: DocumentSummary[],
  selection: DocumentSelection,
): string[] {
  let chosen = summaries
  if (selection.ids) {
    const known = new Set(summaries.map((d) => d.id))
    const missing = selection.ids.filter((id) => !known.has(id))
    if (missing.length > 0)
      throw new Error(
        `There is no document ${missing.map((id) => `"${id}"`).join(', ')} in this project.`,
      )
    const wanted = new Set(selection.ids)
    chosen = chosen.filter((d) => wanted.has(d.id))
  }
  const meta = selection.meta
  if (meta) {
    const needle = meta.value.toLowerCase()
    chosen = chosen.filter((d) => (metaField(d, meta.field) ?? '').toLowerCase().includes(needle))
  }
  return chosen.map((d) => d.id)
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
  options: Pick<ExportOptions, 'includeNonSentences' | 'onlyAnnotated' | 'annotator'>,
): ExportRow[] {
  const rows: ExportRow[] = []
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
    if (options.onlyAnnotated && !isAnnotated(annotation ?? undefined)) continue
    const textAfter = index === units.length - 1 ? text.slice(unit.end) : ''
    rows.push({
      unit,
      index,
      text: text.slice(unit.start, unit.end),
      textBefore,
      textAfter,
      annotation,
    })
  }
  return rows
}

/** The codebook's dimensions plus those only annotations know, so no label is lost silently. */
export function describeDimensions(
  codebook: Codebook,
  documents: ExportDocument[],
): DimensionInfo[] {
  const result: DimensionInfo[] = codebook.dimensions.map((d) => ({
    id: d.id,
    name: d.name,
    labels: new Map(d.labels.map((l) => [l.id, l.name])),
    colors: new Map(d.labels.map((l) => [l.id, l.color])),
  }))
  const byId = new Map(result.map((d) => [d.id, d]))
  for (const { rows } of documents)
    for (const { annotation } of rows)
      for (const statement of annotation?.statements ?? [])
        for (const dimensionId in statement.values) {
          if (!Object.hasOwn(statement.values, dimensionId)) continue
          const labelIds = statement.values[dimensionId]
          let dimension = byId.get(dimensionId)
          if (!dimension) {
            dimension = { id: dimensionId, name: dimensionId, labels: new Map(), colors: new Map() }
            byId.set(dimensionId, dimension)
            result.push(dimension)
          }
          for (const id of labelIds) if (!dimension.labels.has(id)) dimension.labels.set(id, id)
        }
  return result
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
