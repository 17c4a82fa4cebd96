/**
 * Labelled sentences from JSONL, for `model evaluate`: either plain lines
 * `{"text": "...", "label": "..." | ["...", ...]}`, or lines of the product's own JSONL export,
 * whose labels for one dimension (`--dimension ID`) are the label names of its statements.
 * Export lines that are not annotated, and (for a single-choice dimension) annotated lines
 * without a label in the dimension, are not labelled data and are left out.
 */
import type { MessageCode } from '../../contract/messages'
import { UserError } from '../errors'
import type { LabeledSentence } from './model'

export interface Dataset {
  sentences: LabeledSentence[]
  /** True when any line's label is a list, or an export line has several labels. */
  multi: boolean
  /** Lines left out (export lines without labels for the dimension). */
  skipped: number
}

interface ExportStatement {
  label_names?: Record<string, unknown>
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string')
}

export function parseDataset(content: string, file: string, dimension?: string): Dataset {
  const sentences: LabeledSentence[] = []
  let multi = false
  let skipped = 0
  const emptyExport: LabeledSentence[] = []
  const lines = content.split('\n')
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim()
    if (!line) continue
    const fail = (code: MessageCode, params: Record<string, string> = {}): never => {
      throw new UserError(code, { file, line: n + 1, ...params })
    }
    let row: Record<string, unknown>
    try {
      row = JSON.parse(line) as Record<string, unknown>
    } catch {
      return fail('suggest.data.notObject')
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      fail('suggest.data.notObject')
    if (typeof row.text !== 'string') fail('suggest.data.noText')
    const text = row.text as string
    if (dimension === undefined) {
      const label = row.label
      if (typeof label === 'string') sentences.push({ input: { text }, labels: [label] })
      else if (isStringArray(label)) {
        multi = true
        sentences.push({ input: { text }, labels: [...new Set(label)] })
      } else fail('suggest.data.badLabel')
      continue
    }
    if (!Array.isArray(row.statements)) fail('suggest.data.notExport')
    const input = {
      text,
      index: typeof row.index === 'number' ? row.index : undefined,
      count: typeof row.document_units === 'number' ? row.document_units : undefined,
    }
    if (row.annotated !== true) {
      skipped++
      continue
    }
    const labels = new Set<string>()
    for (const s of row.statements as ExportStatement[]) {
      const names = s?.label_names?.[dimension]
      if (names === undefined) fail('suggest.data.noDimension', { dimension })
      if (!isStringArray(names)) fail('suggest.data.badDimension', { dimension })
      for (const name of names as string[]) labels.add(name)
    }
    if (labels.size > 1) multi = true
    if (labels.size === 0) emptyExport.push({ input, labels: [] })
    else sentences.push({ input, labels: [...labels] })
  }
  // A sentence coded without a label in a multi-choice dimension says "none of them".
  if (multi) sentences.push(...emptyExport)
  else skipped += emptyExport.length
  if (sentences.length === 0) throw new UserError('suggest.data.empty', { file })
  return { sentences, multi, skipped }
}

/** The labels of a data set in a stable order. */
export function labelsOf(...sets: ReadonlyArray<readonly LabeledSentence[]>): string[] {
  const all = new Set<string>()
  for (const set of sets) for (const s of set) for (const l of s.labels) all.add(l)
  return [...all].sort()
}
