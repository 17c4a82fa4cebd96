/**
 * The CSV exports, for spreadsheets and R: one row per unit (`csv-sentences`) or one row per
 * statement (`csv-statements`). papaparse does the quoting (multi-line notes stay one cell) and
 * neutralises cells a spreadsheet would run as a formula (= + - @ tab CR) with a leading quote,
 * since notes and article text are untrusted input.
 */
import Papa from 'papaparse'
import { isAnnotated } from '../../contract/model'
import type { DocumentWriter } from './bytes'
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
export type Table = { header: string[]; rows: (doc: ExportDocument) => Cell[][] }

const NEWLINE = '\r\n'
const BOM = '\ufeff'
/** Names joined into one cell; `; ` reads well and rarely occurs inside a label name. */
export const JOIN = '; '

function unparse(rows: Cell[][]): string {
  return Papa.unparse(rows, { escapeFormulae: true, newline: NEWLINE })
}

/** The start of the file: the byte order mark if asked for, and the header. */
export function csvHeader(table: Table, bom: boolean): string {
  return (bom ? BOM : '') + unparse([table.header]) + NEWLINE
}

/** Writes the rows of one document at a time, so the file streams. */
export function csvWriter(table: Table): DocumentWriter {
  return (doc, out) => {
    const rows = table.rows(doc)
    if (rows.length > 0) out.text(unparse(rows) + NEWLINE)
    return rows.length
  }
}

/** A dimension's column is named by its id, unless that id is already a fixed column's name. */
function dimensionColumns(dimensions: DimensionInfo[], fixed: string[]): string[] {
  const taken = new Set(fixed)
  return dimensions.map((d) => (taken.has(d.id) ? `${d.id}_labels` : d.id))
}

function bit(value: boolean | undefined | null): number | null {
  return value === undefined || value === null ? null : value ? 1 : 0
}

const SENTENCE_HEAD = [
  'document_id',
  'title',
  'source',
  'date',
  'sentence_id',
  'index',
  'kind',
  'start',
  'end',
  'text',
]
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
  dimensions: DimensionInfo[],
  options: Pick<ExportOptions, 'split' | 'oneHot'>,
): Table {
  const withSplit = options.split !== null
  const oneHot = options.oneHot
    ? dimensions.flatMap((d) => [...d.labels.keys()].map((id) => ({ dimension: d.id, id })))
    : []
  const header = [
    ...SENTENCE_HEAD,
    ...dimensionColumns(dimensions, [...SENTENCE_HEAD, ...SENTENCE_TAIL, 'split']),
    ...oneHot.map((c) => `${c.dimension}:${c.id}`),
    ...SENTENCE_TAIL,
    ...(withSplit ? ['split'] : []),
  ]
  return {
    header,
    rows: (doc) => {
      const { document } = doc
      return doc.rows.map((row) => {
        const a = row.annotation
        const labels = dimensions.map((d) => unionLabels(a, d.id))
        const cells: Cell[] = [
          document.id,
          document.meta.title ?? null,
          document.meta.source ?? null,
          document.meta.date ?? null,
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
          bit(isAnnotated(a ?? undefined)),
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

const STATEMENT_HEAD = [
  'document_id',
  'title',
  'date',
  'sentence_id',
  'index',
  'statement_id',
  'text',
]
const STATEMENT_TAIL = ['uncertain', 'annotator']

/**
 * One row per statement with at least one label (the empty statement the editor starts a
 * sentence with is not a statement in the sense of the Discourse Network Analyzer).
 */
export function statementTable(
  dimensions: DimensionInfo[],
  options: Pick<ExportOptions, 'split'>,
): Table {
  const withSplit = options.split !== null
  const header = [
    ...STATEMENT_HEAD,
    ...dimensionColumns(dimensions, [...STATEMENT_HEAD, ...STATEMENT_TAIL, 'split']),
    ...STATEMENT_TAIL,
    ...(withSplit ? ['split'] : []),
  ]
  return {
    header,
    rows: (doc) => {
      const { document } = doc
      const rows: Cell[][] = []
      for (const row of doc.rows) {
        const a = row.annotation
        if (!a) continue
        for (const s of a.statements) {
          if (!hasLabels(s)) continue
          const cells: Cell[] = [
            document.id,
            document.meta.title ?? null,
            document.meta.date ?? null,
            row.unit.id,
            row.index,
            s.id,
            row.text,
            ...dimensions.map((d) => labelNames(d, valuesOf(s, d.id)).join(JOIN)),
            bit(a.uncertain),
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
