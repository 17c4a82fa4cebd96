/**
 * A reliability-data table from anywhere (a researcher's own spreadsheet) as CSV: a header
 * `unit,<coder>,<coder>,…`, one row per unit; an empty cell where a coder did not code the
 * unit, `a|b` a set of values, `{}` the empty set. When any cell holds a set, every value is a
 * set (`a` is the set {a}); otherwise, when every value is a number, the values are numbers;
 * otherwise they are categories.
 */
import Papa from 'papaparse'
import { UserError } from '../errors'
import { labelSet, type CodedValue, type ReliabilityData } from './data'

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

export function parseReliabilityTable(text: string, file: string): ReliabilityData {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' })
  const rows = parsed.data
  if (rows.length === 0) throw new UserError('reliability.table.empty', { file })
  const header = rows[0].map((h) => h.trim())
  if (header[0]?.toLowerCase() !== 'unit')
    throw new UserError('reliability.table.noUnitColumn', { file, found: header[0] ?? '' })
  const coders = header.slice(1)
  if (coders.length === 0) throw new UserError('reliability.table.noCoders', { file })
  const seenCoder = new Set<string>()
  for (const coder of coders) {
    if (seenCoder.has(coder)) throw new UserError('reliability.table.coderTwice', { file, coder })
    seenCoder.add(coder)
  }
  if (rows.length === 1) throw new UserError('reliability.table.empty', { file })
  const rowOf = new Map<string, number>()
  const cells: string[][] = []
  let sets = false
  let numbers = true
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r].map((cell) => cell.trim())
    if (row.length !== header.length)
      throw new UserError('reliability.table.rowLength', {
        file,
        row: r + 1,
        found: row.length,
        expected: header.length,
      })
    const id = row[0]
    if (id === '') throw new UserError('reliability.table.noUnitId', { file, row: r + 1 })
    const first = rowOf.get(id)
    if (first !== undefined)
      throw new UserError('reliability.table.unitTwice', {
        file,
        unit: id,
        first,
        second: r + 1,
      })
    rowOf.set(id, r + 1)
    for (const cell of row.slice(1)) {
      if (cell === '') continue
      if (cell === '{}' || cell.includes('|')) sets = true
      if (!NUMBER.test(cell)) numbers = false
    }
    cells.push(row)
  }
  const value = (cell: string): CodedValue | undefined => {
    if (cell === '') return undefined
    if (sets)
      return cell === '{}'
        ? []
        : labelSet(
            cell
              .split('|')
              .map((part) => part.trim())
              .filter((part) => part !== ''),
          )
    return numbers ? Number(cell) : cell
  }
  return {
    coders,
    units: cells.map((row) => ({ id: row[0], values: row.slice(1).map(value) })),
  }
}
