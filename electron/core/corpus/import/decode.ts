/**
 * Bytes → normalised text. Every reader goes through here so that umlauts, ß and typographic
 * quotes survive whatever encoding an analyst's file happens to be in.
 */
import chardet from 'chardet'
import iconv from 'iconv-lite'
import { msg, type Message } from '../../../contract/messages'

export type DecodeResult =
  { ok: true; text: string; encoding: string; warnings: Message[] } | { ok: false; reason: Message }

export interface DecodeOptions {
  /** A charset the container declares (HTML `<meta charset>`); used when the bytes aren't UTF-8. */
  declaredCharset?: string
}

const EMPTY_REASON: Message = msg('import.empty')
const BINARY_REASON: Message = msg('import.binary')

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Decodes a text file's bytes, refusing empty and binary files. The text is normalised. */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const decoded = decodeVerbatim(bytes, options)
  if (!decoded.ok) return decoded
  const text = normaliseText(decoded.text)
  if (text === '') return { ok: false, reason: EMPTY_REASON }
  return { ...decoded, text }
}

/**
 * Decodes a text file's bytes as they are: encoding sniffed, byte-order mark removed, nothing
 * normalised (for offsets that must point into the file, as the CLI's `segment` prints them).
 */
export function decodeVerbatim(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: EMPTY_REASON }
  const sniffed = sniffEncoding(bytes, options.declaredCharset)
  if (!sniffed.ok) return sniffed
  // iconv-lite drops a leading byte-order mark of any UTF encoding.
  const text = iconv.decode(toBuffer(bytes), sniffed.encoding)
  if (looksBinary(text)) return { ok: false, reason: BINARY_REASON }
  return { ok: true, text, encoding: sniffed.encoding, warnings: sniffed.warnings }
}

type Sniffed = { ok: true; encoding: string; warnings: Message[] } | { ok: false; reason: Message }

function sniffEncoding(bytes: Uint8Array, declared: string | undefined): Sniffed {
  const bom = bomEncoding(bytes)
  if (bom) return { ok: true, encoding: bom, warnings: [] }
  const utf16 = utf16ByNulPattern(bytes)
  if (utf16) return { ok: true, encoding: utf16, warnings: [] }
  // NUL never occurs in text encodings other than UTF-16/32, so it marks binary data.
  if (bytes.includes(0)) return { ok: false, reason: BINARY_REASON }
  if (isUtf8(bytes)) return { ok: true, encoding: 'utf-8', warnings: [] }
  const legacy = legacyEncoding(bytes, declared)
  return {
    ok: true,
    encoding: legacy,
    warnings: [msg('import.notUtf8', { encoding: displayEncoding(legacy) })],
  }
}

function bomEncoding(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8'
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le'
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be'
  return undefined
}

/**
 * BOM-less UTF-16 of Latin-script text has a NUL in every other byte (the high byte of ASCII
 * characters), always on the same side; random binary data does not show that regularity.
 */
function utf16ByNulPattern(b: Uint8Array): string | undefined {
  const n = Math.min(b.length, 4096) & ~1
  if (n < 4) return undefined
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++
    if (b[i + 1] === 0) oddNul++
  }
  const pairs = n / 2
  if (oddNul / pairs > 0.6 && evenNul / pairs < 0.05) return 'utf-16le'
  if (evenNul / pairs > 0.6 && oddNul / pairs < 0.05) return 'utf-16be'
  return undefined
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes)
    return true
  } catch {
    return false
  }
}

/**
 * Picks the 8-bit encoding of a file that isn't UTF-8. German text from old Windows tools is
 * nearly always Windows-1252; chardet's guess wins only when it is confident and decodes cleanly,
 * because on short texts it wanders off to Turkish or Central European code pages.
 */
function legacyEncoding(bytes: Uint8Array, declared: string | undefined): string {
  // A declared UTF charset is evidently wrong here (the bytes are not UTF-8 and have no BOM).
  const declaredName = declared && canonicalLegacy(declared)
  if (declaredName && !declaredName.startsWith('utf') && iconv.encodingExists(declaredName)) {
    return declaredName
  }
  const [best] = chardet.analyse(bytes)
  let encoding = 'windows-1252'
  if (best && best.confidence >= 50) {
    const candidate = canonicalLegacy(best.name)
    if (iconv.encodingExists(candidate) && decodesCleanly(bytes, candidate)) encoding = candidate
  }
  if (encoding === 'windows-1252') {
    // ¤ is what Windows-1252 makes of the € of ISO-8859-15; real texts hardly ever contain ¤.
    const text = iconv.decode(toBuffer(bytes), encoding)
    if (text.includes('¤') && !text.includes('€')) return 'iso-8859-15'
  }
  return encoding
}

/**
 * ISO-8859-1 labels are read as Windows-1252, as browsers do: the two only differ in 0x80–0x9F,
 * where Latin-1 has invisible control codes and Windows-1252 has „ “ € – and the like.
 */
function canonicalLegacy(name: string): string {
  const n = name.trim().toLowerCase()
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'ascii', 'us-ascii'].includes(n)) {
    return 'windows-1252'
  }
  if (n === 'cp1252' || n === 'x-cp1252') return 'windows-1252'
  return n
}

function decodesCleanly(bytes: Uint8Array, encoding: string): boolean {
  return !/[\u0080-\u009f\ufffd]/.test(iconv.decode(toBuffer(bytes), encoding))
}

function displayEncoding(encoding: string): string {
  if (encoding.startsWith('windows-')) return `Windows-${encoding.slice(8)}`
  return encoding.toUpperCase()
}

/**
 * Control characters (other than tab, line and page breaks) and replacement characters do not
 * occur in articles; more than a few percent of them means the bytes were never text.
 */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192)
  if (sample.length === 0) return false
  let junk = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if (c === 0) return true
    const allowed = c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d
    if ((c < 0x20 && !allowed) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) junk++
  }
  return junk / sample.length > 0.05
}

/**
 * The normal form every imported text takes: \n line endings, NFC, no BOM, soft hyphens and
 * zero-width characters removed (they come with web copies and break search and segmentation),
 * no trailing blanks on lines, at most one blank line between paragraphs, trimmed.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00ad\u200b\u2060\ufeff]/g, '')
    .normalize('NFC')
    .replace(/[ \t\f\v\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
}
