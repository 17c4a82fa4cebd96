/**
 * The CSV exports, for spreadsheets and R: one row per unit (`csv-sentences`) or one row per
 * statement (`csv-statements`), each with every metadata field of its document as a column of
 * its own (title, source, author, date, url, genre, then each free key), so a table can be
 * grouped by outlet or date without parsing anything. papaparse does the quoting (multi-line notes stay one cell) and
 * neutralises cells a spreadsheet would run as a formula (= + - @ tab CR) with a leading quote,
 * since notes and article text are untrusted input.
 */
import Papa from 'papaparse'
import type { DocumentWriter } from './bytes'
import type { CsvDelimiter } from '../../contract/exportOptions'
import type { ExportOptions } from './options'
import {
  hasLabels,
  labelNames,
  unionLabels,
  valuesOf,
  type DimensionInfo,
  type ExportDocument,
} from './rows'

type Cell = string | number | null
export type Table = {
  header: string[]
  delimiter: CsvDelimiter
  rows: (doc: ExportDocument) => Cell[][]
}

/** What the header of a table depends on besides the options: the export's layout. */
export interface Columns {
  dimensions: DimensionInfo[]
  /** The free metadata keys, in column order. */
  metaKeys: string[]
}

const NEWLINE = '\r\n'
const BOM = '\ufeff'
/** Names joined into one cell; `; ` reads well and rarely occurs inside a label name. */
export const JOIN = '; '

function unparse(rows: Cell[][], delimiter: CsvDelimiter): string {
  return Papa.unparse(rows, { escapeFormulae: true, newline: NEWLINE, delimiter })
}

/** The start of the file: the byte order mark if asked for, and the header. */
export function csvHeader(table: Table, bom: boolean): string {
  return (bom ? BOM : '') + unparse([table.header], table.delimiter) + NEWLINE
}

/** Writes the rows of one document at a time, so the file streams. */
export function csvWriter(table: Table): DocumentWriter {
  return (doc, out) => {
    const rows = table.rows(doc)
    if (rows.length > 0) out.text(unparse(rows, table.delimiter) + NEWLINE)
    return rows.length
  }
}

/** `name`, or when a column already has that name, `name_<suffix>` (numbered if need be). */
function uniqueName(name: string, suffix: string, taken: Set<string>): string {
  let candidate = name
  for (let n = 1; taken.has(candidate); n++) candidate = `${name}_${suffix}${n > 1 ? n : ''}`
  taken.add(candidate)
  return candidate
}

const META_FIELDS = ['title', 'source', 'author', 'date', 'url', 'genre'] as const

/**
 * The header of a table: the fixed columns, a column per free metadata key (named by the key,
 * `<key>_meta` should a fixed column have that name) after the fixed metadata, a column per
 * dimension (`<id>_labels` on a clash) after the text. No two columns share a name.
 */
function header(columns: Columns, head: string[], tail: string[], withSplit: boolean) {
  const taken = new Set([...head, ...tail, ...(withSplit ? ['split'] : [])])
  const meta = columns.metaKeys.map((k) => uniqueName(k, 'meta', taken))
  const dims = columns.dimensions.map((d) => uniqueName(d.id, 'labels', taken))
  return { meta, dims }
}

function metaCells(document: ExportDocument['document'], keys: string[]): Cell[] {
  const m = document.meta
  const cells: Cell[] = META_FIELDS.map((f) => m[f] ?? null)
  for (const key of keys) cells.push(m.extra && Object.hasOwn(m.extra, key) ? m.extra[key] : null)
  return cells
}

function bit(value: boolean | undefined | null): number | null {
  return value === undefined || value === null ? null : value ? 1 : 0
}

const SENTENCE_HEAD = ['document_id', ...META_FIELDS]
const SENTENCE_TEXT = ['sentence_id', 'index', 'kind', 'start', 'end', 'text']
const SENTENCE_TAIL = [
  'annotated',
  'uncertain',
  'needs_review',
  'note',
  'annotator',
  'codebook_version',
  'created_at',
  'updated_at',
]

/** One row per unit: per dimension the names of its labels over all statements, joined. */
export function sentenceTable(
  columns: Columns,
  options: Pick<ExportOptions, 'split' | 'oneHot' | 'delimiter'>,
): Table {
  const { dimensions, metaKeys } = columns
  const withSplit = options.split !== null
  const oneHot = options.oneHot
    ? dimensions.flatMap((d) => [...d.labels.keys()].map((id) => ({ dimension: d.id, id })))
    : []
  const names = header(columns, [...SENTENCE_HEAD, ...SENTENCE_TEXT], SENTENCE_TAIL, withSplit)
  return {
    header: [
      ...SENTENCE_HEAD,
      ...names.meta,
      ...SENTENCE_TEXT,
      ...names.dims,
      ...oneHot.map((c) => `${c.dimension}:${c.id}`),
      ...SENTENCE_TAIL,
      ...(withSplit ? ['split'] : []),
    ],
    delimiter: options.delimiter,
    rows: (doc) => {
      const { document } = doc
      const meta = metaCells(document, metaKeys)
      return doc.rows.map((row) => {
        const a = row.annotation
        const labels = dimensions.map((d) => unionLabels(a, d.id))
        const cells: Cell[] = [
          document.id,
          ...meta,
          row.unit.id,
          row.index,
          row.unit.kind,
          row.unit.start,
          row.unit.end,
          row.text,
          ...labels.map((ids, i) => labelNames(dimensions[i], ids).join(JOIN)),
        ]
        if (oneHot.length > 0) {
          const chosen = new Map(dimensions.map((d, i) => [d.id, new Set(labels[i])]))
          for (const c of oneHot) cells.push(chosen.get(c.dimension)?.has(c.id) ? 1 : 0)
        }
        cells.push(
          bit(row.coded),
          bit(a?.uncertain),
          a?.needsReview ?? null,
          a?.note ?? null,
          a?.annotator ?? null,
          a?.codebookVersion ?? null,
          a?.createdAt ?? null,
          a?.updatedAt ?? null,
        )
        if (withSplit) cells.push(doc.split)
        return cells
      })
    },
  }
}

const STATEMENT_TEXT = ['sentence_id', 'index', 'statement_id', 'text']
const STATEMENT_TAIL = ['uncertain', 'note', 'annotator']

/**
 * One row per statement with at least one label (the empty statement the editor starts a
 * sentence with is not a statement in the sense of the Discourse Network Analyzer). The note
 * is the sentence's, repeated on each of its statements.
 */
export function statementTable(
  columns: Columns,
  options: Pick<ExportOptions, 'split' | 'delimiter'>,
): Table {
  const { dimensions, metaKeys } = columns
  const withSplit = options.split !== null
  const names = header(columns, [...SENTENCE_HEAD, ...STATEMENT_TEXT], STATEMENT_TAIL, withSplit)
  return {
    header: [
      ...SENTENCE_HEAD,
      ...names.meta,
      ...STATEMENT_TEXT,
      ...names.dims,
      ...STATEMENT_TAIL,
      ...(withSplit ? ['split'] : []),
    ],
    delimiter: options.delimiter,
    rows: (doc) => {
      const { document } = doc
      const meta = metaCells(document, metaKeys)
      const rows: Cell[][] = []
      for (const row of doc.rows) {
        const a = row.annotation
        if (!a) continue
        for (const s of a.statements) {
          if (!hasLabels(s)) continue
          const cells: Cell[] = [
            document.id,
            ...meta,
            row.unit.id,
            row.index,
            s.id,
            row.text,
            ...dimensions.map((d) => labelNames(d, valuesOf(s, d.id)).join(JOIN)),
            bit(a.uncertain),
            a.note,
            a.annotator,
          ]
          if (withSplit) cells.push(doc.split)
          rows.push(cells)
        }
      }
      return rows
    },
  }
}
