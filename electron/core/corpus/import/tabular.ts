/**
 * Corpora delivered as tables: CSV (one article per row), JSON Lines (one per line) and JSON
 * (a list of articles). A bad row or line costs that row with a warning, not the whole file.
 */
import Papa from 'papaparse'
import { jsonProblem } from '../../errors'
import { decodeText } from './decode'
import {
  type FlatRecord,
  TEXT_NAMES,
  flattenJson,
  isPlainObject,
  planColumns,
  recordToDocument,
} from './fields'
import type { ImportedText, ReadResult } from './readers'
import { msg, type Message } from '../../../contract/messages'

export const ANNOTATED_EXPORT_REASON: Message = msg('import.annotatedExport')

/**
 * The app's own JSONL export writes one sentence per line. Recognised here so that importing
 * it back is refused clearly now and can be routed to a round-trip importer later.
 */
export function isAnnotatedExport(record: object): boolean {
  return 'document_id' in record && 'sentence_id' in record
}

interface Row {
  /** 1-based row, line or item number, as shown to the analyst. */
  n: number
  record: FlatRecord
}

export function readCsv(fileName: string, bytes: Uint8Array): ReadResult {
  const decoded = decodeText(bytes)
  if (!decoded.ok) return decoded
  const parsed = Papa.parse<FlatRecord>(decoded.text, {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
    transformHeader: (h) => h.trim(),
  })
  const warnings = [...decoded.warnings]
  for (const e of parsed.errors) {
    // A file with a single column has no delimiter to detect; that is fine.
    if (e.code === 'UndetectableDelimiter') continue
    warnings.push(
      e.row === undefined
        ? msg('import.csvProblem', { detail: e.message })
        : msg('import.csvRowProblem', { row: e.row + 1, detail: e.message }),
    )
  }
  const columns = (parsed.meta.fields ?? []).filter((f) => f !== '__parsed_extra')
  const rows = parsed.data.map((record, i) => ({ n: i + 1, record }))
  if (rows.length === 0) {
    return { ok: false, reason: msg('import.csvNoRows') }
  }
  return buildDocuments(fileName, columns, rows, warnings, 'column', 'row')
}

export function readJsonl(fileName: string, bytes: Uint8Array): ReadResult {
  const decoded = decodeText(bytes)
  if (!decoded.ok) return decoded
  const warnings = [...decoded.warnings]
  const rows: Row[] = []
  let firstProblem: Message | undefined
  const lines = decoded.text.split('\n')
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (e) {
      const problem = msg('import.lineNotJson', { line: i + 1, detail: jsonProblem(e) })
      warnings.push(problem)
      firstProblem ||= problem
      continue
    }
    if (!isPlainObject(value)) {
      const problem = msg('import.lineNotObject', { line: i + 1 })
      warnings.push(problem)
      firstProblem ||= problem
      continue
    }
    if (rows.length === 0 && isAnnotatedExport(value)) {
      return { ok: false, reason: ANNOTATED_EXPORT_REASON }
    }
    rows.push({ n: i + 1, record: flattenJson(value) })
  }
  if (rows.length === 0) {
    return { ok: false, reason: msg('import.noValidLine', { problem: firstProblem ?? '' }) }
  }
  return buildDocuments(fileName, columnsOf(rows), rows, warnings, 'field', 'line')
}

export function readJson(fileName: string, bytes: Uint8Array): ReadResult {
  const decoded = decodeText(bytes)
  if (!decoded.ok) return decoded
  let value: unknown
  try {
    value = JSON.parse(decoded.text)
  } catch (e) {
    return { ok: false, reason: msg('import.notJson', { detail: jsonProblem(e, decoded.text) }) }
  }
  let items: unknown[]
  if (Array.isArray(value)) items = value
  else if (isPlainObject(value) && Array.isArray(value.documents)) items = value.documents
  else if (isPlainObject(value) && Object.keys(value).some((k) => k.toLowerCase() === 'text')) {
    items = [value]
  } else {
    return {
      ok: false,
      reason: msg('import.jsonShape'),
    }
  }
  const warnings = [...decoded.warnings]
  const rows: Row[] = []
  items.forEach((item, i) => {
    if (isPlainObject(item)) rows.push({ n: i + 1, record: flattenJson(item) })
    else warnings.push(msg('import.itemNotObject', { item: i + 1 }))
  })
  if (!rows[0]) return { ok: false, reason: msg('import.jsonNoDocuments') }
  if (isAnnotatedExport(rows[0].record)) return { ok: false, reason: ANNOTATED_EXPORT_REASON }
  return buildDocuments(fileName, columnsOf(rows), rows, warnings, 'field', 'item')
}

function buildDocuments(
  fileName: string,
  columns: string[],
  rows: Row[],
  warnings: Message[],
  noun: 'column' | 'field',
  unit: 'row' | 'line' | 'item',
): ReadResult {
  const planned = planColumns(
    columns,
    rows.map((r) => r.record),
    noun,
  )
  if ('error' in planned) return { ok: false, reason: planned.error }
  const { plan } = planned
  warnings.push(...planned.warnings)
  const docs: ImportedText[] = []
  const seenIds = new Map<string, number>()
  for (const { n, record } of rows) {
    const doc = recordToDocument(record, plan, fileName, n)
    if (!doc) {
      warnings.push(
        msg('import.textEmpty', {
          unit: msg(`import.unit.${unit}`),
          n,
          noun: msg(`import.noun.${noun}`),
          column: plan.text,
        }),
      )
      continue
    }
    const earlier = seenIds.get(doc.suggestedId)
    if (earlier !== undefined) {
      warnings.push(
        msg('import.idTwice', {
          unit: msg(`import.unit.${unit}`),
          n,
          id: doc.suggestedId,
          earlier,
        }),
      )
    } else seenIds.set(doc.suggestedId, n)
    docs.push(doc)
  }
  if (docs.length === 0) {
    return {
      ok: false,
      reason: msg('import.noTextAnywhere', {
        unit: msg(`import.unit.${unit}`),
        noun: msg(`import.noun.${noun}`),
        column: plan.text,
        names: TEXT_NAMES,
      }),
    }
  }
  return { ok: true, docs, warnings }
}

/** Field names in order of first appearance across all records. */
function columnsOf(rows: Row[]): string[] {
  const seen = new Set<string>()
  for (const r of rows) for (const k of Object.keys(r.record)) seen.add(k)
  return [...seen]
}
