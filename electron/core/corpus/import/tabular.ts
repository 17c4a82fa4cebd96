/**
 * Corpora delivered as tables: CSV (one article per row), JSON Lines (one per line) and JSON
 * (a list of articles). A bad row or line costs that row with a warning, not the whole file.
 */
import Papa from 'papaparse'
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

export const ANNOTATED_EXPORT_REASON =
  'This is an annotated export (one sentence per line with document_id and sentence_id), ' +
  'not a collection of articles; it cannot be imported as new documents'

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
    warnings.push(e.row === undefined ? e.message : `row ${e.row + 1}: ${e.message}`)
  }
  const columns = (parsed.meta.fields ?? []).filter((f) => f !== '__parsed_extra')
  const rows = parsed.data.map((record, i) => ({ n: i + 1, record }))
  if (rows.length === 0) {
    return { ok: false, reason: 'the CSV file has no rows below its header row' }
  }
  return buildDocuments(fileName, columns, rows, warnings, 'column', 'row')
}

export function readJsonl(fileName: string, bytes: Uint8Array): ReadResult {
  const decoded = decodeText(bytes)
  if (!decoded.ok) return decoded
  const warnings = [...decoded.warnings]
  const rows: Row[] = []
  let firstProblem = ''
  const lines = decoded.text.split('\n')
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (e) {
      const problem = `line ${i + 1}: not valid JSON (${errorText(e)}); skipped`
      warnings.push(problem)
      firstProblem ||= problem
      continue
    }
    if (!isPlainObject(value)) {
      const problem = `line ${i + 1}: not a JSON object; skipped`
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
    return { ok: false, reason: `no line holds a valid JSON object (${firstProblem})` }
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
    return { ok: false, reason: `not valid JSON: ${errorText(e, decoded.text)}` }
  }
  let items: unknown[]
  if (Array.isArray(value)) items = value
  else if (isPlainObject(value) && Array.isArray(value.documents)) items = value.documents
  else if (isPlainObject(value) && Object.keys(value).some((k) => k.toLowerCase() === 'text')) {
    items = [value]
  } else {
    return {
      ok: false,
      reason: 'the JSON file holds neither a list of documents nor an object with a "documents" list',
    }
  }
  const warnings = [...decoded.warnings]
  const rows: Row[] = []
  items.forEach((item, i) => {
    if (isPlainObject(item)) rows.push({ n: i + 1, record: flattenJson(item) })
    else warnings.push(`item ${i + 1}: not a JSON object; skipped`)
  })
  if (!rows[0]) return { ok: false, reason: 'the JSON file contains no documents' }
  if (isAnnotatedExport(rows[0].record)) return { ok: false, reason: ANNOTATED_EXPORT_REASON }
  return buildDocuments(fileName, columnsOf(rows), rows, warnings, 'field', 'item')
}

function buildDocuments(
  fileName: string,
  columns: string[],
  rows: Row[],
  warnings: string[],
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
      warnings.push(`${unit} ${n}: the ${noun} "${plan.text}" is empty; skipped`)
      continue
    }
    const earlier = seenIds.get(doc.suggestedId)
    if (earlier !== undefined) {
      warnings.push(`${unit} ${n}: the id "${doc.suggestedId}" was already used in ${unit} ${earlier}`)
    } else seenIds.set(doc.suggestedId, n)
    docs.push(doc)
  }
  if (docs.length === 0) {
    return {
      ok: false,
      reason: `no ${unit} has any text (the text ${noun} is "${plan.text}"; expected names: ${TEXT_NAMES})`,
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

/** JSON.parse's message, with the position turned into a line number when there is one. */
function errorText(e: unknown, source?: string): string {
  const message = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ')
  const at = /at position (\d+)/.exec(message)
  if (!source || !at || /line \d+/.test(message)) return message
  const line = source.slice(0, Number(at[1])).split('\n').length
  return `${message.replace(/\s*\(line \d+ column \d+\)/, '')} (line ${line})`
}
