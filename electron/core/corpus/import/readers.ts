/**
 * Entry point of the file readers: bytes of one file → the documents it holds. Every failure
 * comes back as `{ ok: false, reason }` in words an analyst understands; nothing throws.
 */
import type { DocumentMeta } from '../../../contract/model'
import { decodeText } from './decode'
import type { TextSpan } from './dom-text'
import { readDocx } from './docx'
import { stem } from './fields'
import { readHtml } from './html'
import { stripMarkdown } from './markdown'
import { extractMetadata } from './metadata'
import { readCsv, readJson, readJsonl } from './tabular'
import { msg, type Message } from '../../../contract/messages'

export { isAnnotatedExport, ANNOTATED_EXPORT_REASON } from './tabular'

/** A REFI-QDA project: not one text but a project, imported by ../../exchange/qdpxImport.ts. */
export const QDPX_PROJECT_REASON: Message = msg('qdpx.project')

export interface ImportedText {
  /** file name (for a row of a csv/jsonl: `name#row` 1-based) */
  origin: string
  /**
   * suggested stable document id: the file name without extension; for tabular rows an `id`
   * column/field if present, else `<basename>-<row>`
   */
  suggestedId: string
  /** decoded, line endings \n, Unicode NFC, trimmed; paragraphs separated by blank lines */
  text: string
  /** paragraphs of `text` the source marks as headings (HTML and Word headings) */
  headings?: TextSpan[]
  meta: DocumentMeta
}

export type ReadResult =
  { ok: true; docs: ImportedText[]; warnings: Message[] } | { ok: false; reason: Message }

export const SUPPORTED_EXTENSIONS: readonly string[] = [
  '.txt',
  '.md',
  '.html',
  '.htm',
  '.docx',
  '.csv',
  '.jsonl',
  '.json',
  '.qdpx',
]

/** Larger files are refused: a news article is kilobytes, and parsers hold whole files in memory. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024

export interface ReadOptions {
  /** Overrides MAX_FILE_BYTES (tests, or a caller with a different budget). */
  maxBytes?: number
}

export async function readSourceFile(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const name = baseName(fileName)
  const ext = extensionOf(name)
  if (!SUPPORTED_EXTENSIONS.includes(ext)) return { ok: false, reason: unsupportedReason(ext) }
  const limit = options.maxBytes ?? MAX_FILE_BYTES
  if (bytes.length > limit) return { ok: false, reason: tooLargeReason(bytes.length, limit) }
  if (bytes.length === 0) return { ok: false, reason: msg('import.empty') }
  try {
    return await readByType(name, ext, bytes)
  } catch (e) {
    // Readers return their failures; anything thrown is a bug or a library surprise.
    const message = e instanceof Error ? e.message : String(e)
    return { ok: false, reason: msg('import.unreadable', { detail: firstLine(message) }) }
  }
}

async function readByType(name: string, ext: string, bytes: Uint8Array): Promise<ReadResult> {
  switch (ext) {
    case '.csv':
      return readCsv(name, bytes)
    case '.jsonl':
      return readJsonl(name, bytes)
    case '.json':
      return readJson(name, bytes)
    case '.html':
    case '.htm': {
      const r = readHtml(bytes)
      return r.ok ? single(name, r.text, r.meta, r.warnings, r.headings) : r
    }
    case '.docx': {
      const r = await readDocx(bytes)
      return r.ok ? single(name, r.text, r.meta, r.warnings, r.headings) : r
    }
    case '.md': {
      const decoded = decodeText(bytes)
      if (!decoded.ok) return decoded
      const md = stripMarkdown(decoded.text)
      if (md.text === '') return { ok: false, reason: msg('import.noText') }
      const meta = { ...extractMetadata(md.text), ...md.meta }
      const title = md.meta.title ?? md.title
      if (title) meta.title = title
      return single(name, md.text, meta, decoded.warnings)
    }
    case '.qdpx':
      return { ok: false, reason: QDPX_PROJECT_REASON }
    default: {
      const decoded = decodeText(bytes)
      if (!decoded.ok) return decoded
      return single(name, decoded.text, extractMetadata(decoded.text), decoded.warnings)
    }
  }
}

function single(
  name: string,
  text: string,
  meta: DocumentMeta,
  warnings: Message[],
  headings?: TextSpan[],
): ReadResult {
  const doc: ImportedText = { origin: name, suggestedId: stem(name), text, meta }
  if (headings !== undefined && headings.length > 0) doc.headings = headings
  return { ok: true, docs: [doc], warnings }
}

export function unsupportedReason(ext: string): Message {
  const supported = SUPPORTED_EXTENSIONS.join(', ')
  return ext === ''
    ? msg('import.noExtension', { supported })
    : msg('import.unsupported', { ext, supported })
}

export function tooLargeReason(size: number, limit: number): Message {
  let [s, l] = [formatBytes(size), formatBytes(limit)]
  // "50 MB, more than 50 MB" would read as a contradiction.
  if (s === l)
    [s, l] = [`${size.toLocaleString('en')} bytes`, `${limit.toLocaleString('en')} bytes`]
  return msg('import.tooLarge', { size: s, limit: l })
}

export function extensionOf(fileName: string): string {
  const name = baseName(fileName)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot).toLowerCase() : ''
}

/** The last path segment; readers get names from any platform, so both separators count. */
function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KB`
  return `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? '').slice(0, 200)
}
