/**
 * Columns of spreadsheets and fields of JSON records → document text and metadata. Analysts'
 * tables come with English or German headers in any spelling, so names are matched loosely.
 */
import type { DocumentMeta } from '../../../contract/model'
import { normaliseDate } from './dates'
import { normaliseText } from './decode'
import type { ImportedText } from './readers'
import { msg, type Message } from '../../../contract/messages'

type MetaField = 'title' | 'source' | 'author' | 'date' | 'url' | 'genre'
type Field = 'text' | 'id' | MetaField

/** Accepted names per field, most specific first; compared after `normaliseKey`. */
// prettier-ignore
const ALIASES: Record<Field, string[]> = {
  text: ['text', 'body', 'content', 'article', 'inhalt', 'volltext', 'fulltext', 'artikeltext',
    'artikel', 'haupttext', 'bodytext', 'story', 'beitrag', 'texte', 'txt'],
  id: ['id', 'docid', 'documentid', 'dokumentid', 'articleid', 'artikelid', 'identifier'],
  title: ['title', 'titel', 'headline', 'überschrift', 'ueberschrift', 'schlagzeile', 'heading'],
  source: ['source', 'quelle', 'medium', 'outlet', 'publication', 'publikation', 'zeitung',
    'newspaper', 'publisher', 'sitename', 'sender'],
  author: ['author', 'authors', 'autor', 'autorin', 'autoren', 'byline', 'verfasser',
    'verfasserin', 'creator'],
  date: ['date', 'datum', 'published', 'publishedat', 'publicationdate', 'pubdate',
    'datepublished', 'publisheddate', 'veröffentlicht', 'veröffentlichtam', 'erscheinungsdatum'],
  url: ['url', 'link', 'href', 'uri', 'permalink', 'weblink', 'sourceurl'],
  genre: ['genre', 'ressort', 'section', 'rubrik', 'category', 'kategorie', 'textsorte',
    'darstellungsform'],
}
const META_FIELDS: MetaField[] = ['title', 'source', 'author', 'date', 'url', 'genre']

/** A flat record: column or field name → value as text. */
export type FlatRecord = Record<string, string>

export interface ColumnPlan {
  text: string
  id?: string
  meta: Partial<Record<MetaField, string>>
  extras: string[]
}

function normaliseKey(key: string): string {
  return key
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_.-]+/g, '')
}

function isTextKey(key: string): boolean {
  return ALIASES.text.includes(normaliseKey(key))
}

/** The names the text may go by, for messages. */
export const TEXT_NAMES = ALIASES.text.slice(0, 6).join(', ')

/**
 * Decides which column holds the text and which hold metadata. Without a column named like a
 * text, the one with the longest entries on average is taken, and a warning says so.
 */
export function planColumns(
  columns: string[],
  records: FlatRecord[],
  noun: 'column' | 'field',
): { plan: ColumnPlan; warnings: Message[] } | { error: Message } {
  const byKey = new Map<string, string>()
  for (const c of columns) if (!byKey.has(normaliseKey(c))) byKey.set(normaliseKey(c), c)
  const find = (field: Field): string | undefined => {
    for (const alias of ALIASES[field]) {
      const column = byKey.get(alias)
      if (column !== undefined) return column
    }
    return undefined
  }

  const warnings: Message[] = []
  const id = find('id')
  const meta: Partial<Record<MetaField, string>> = {}
  for (const f of META_FIELDS) {
    const column = find(f)
    if (column !== undefined) meta[f] = column
  }
  let text = find('text')
  if (text === undefined) {
    const taken = new Set([id, ...Object.values(meta)])
    const candidates = columns.filter((c) => !taken.has(c))
    text = longestColumn(candidates.length > 0 ? candidates : columns, records)
    if (text === undefined)
      return { error: msg('import.noTextColumn', { noun: msg(`import.noun.${noun}`) }) }
    warnings.push(
      msg('import.guessedText', {
        noun: msg(`import.noun.${noun}`),
        names: TEXT_NAMES,
        column: text,
      }),
    )
  }
  const used = new Set([text, id, ...Object.values(meta)])
  const extras = columns.filter((c) => !used.has(c) && c.trim() !== '')
  return { plan: { text, id, meta, extras }, warnings }
}

function longestColumn(columns: string[], records: FlatRecord[]): string | undefined {
  let best: string | undefined
  let bestLength = 0
  for (const c of columns) {
    const total = records.reduce((sum, r) => sum + (r[c]?.trim().length ?? 0), 0)
    const average = total / Math.max(records.length, 1)
    if (average > bestLength) {
      best = c
      bestLength = average
    }
  }
  return best
}

/** One record as a document, or undefined when its text is empty. */
export function recordToDocument(
  record: FlatRecord,
  plan: ColumnPlan,
  fileName: string,
  row: number,
): ImportedText | undefined {
  const text = normaliseText(record[plan.text] ?? '')
  if (text === '') return undefined
  const meta: DocumentMeta = {}
  for (const f of META_FIELDS) {
    const column = plan.meta[f]
    const value = column === undefined ? '' : clean(record[column])
    if (value !== '') meta[f] = f === 'date' ? normaliseDate(value) : value
  }
  const extra: Record<string, string> = {}
  for (const c of plan.extras) {
    const value = clean(record[c])
    if (value !== '') extra[c] = value
  }
  if (Object.keys(extra).length > 0) meta.extra = extra
  const id = plan.id === undefined ? '' : clean(record[plan.id])
  return {
    origin: `${fileName}#${row}`,
    suggestedId: id !== '' ? id : `${stem(fileName)}-${row}`,
    text,
    meta,
  }
}

/** A JSON object as a flat record; a nested `meta`/`metadata` object adds its fields. */
export function flattenJson(obj: Record<string, unknown>): FlatRecord {
  const out: FlatRecord = {}
  const nested: Record<string, unknown>[] = []
  for (const [k, v] of Object.entries(obj)) {
    if (['meta', 'metadata'].includes(normaliseKey(k)) && isPlainObject(v)) nested.push(v)
    else out[k] = jsonValueToText(k, v)
  }
  for (const n of nested) {
    for (const [k, v] of Object.entries(n)) if (!(k in out)) out[k] = jsonValueToText(k, v)
  }
  return out
}

function jsonValueToText(key: string, v: unknown): string {
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v === null || v === undefined) return ''
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) {
    // A text given as a list of paragraphs keeps its paragraphs; other lists read as "a, b".
    return v.join(isTextKey(key) ? '\n\n' : ', ')
  }
  return JSON.stringify(v)
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function clean(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim().normalize('NFC')
}

export function stem(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot > 0 ? fileName.slice(0, dot) : fileName
}
