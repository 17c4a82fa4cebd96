/**
 * Segmentation of a text exactly as a file holds it, for tools that point back into the file (the
 * CLI's `segment`): every unit's start and end index the given text, so `text.slice(start, end)`
 * is the unit, even when the file starts with blanks, uses CRLF or is not in NFC.
 *
 * The segmenter sees the text the import would store (one \n per line break, NFC, no soft hyphens
 * or zero-width characters), built here together with a map from each of its characters back to
 * the span of the input it came from.
 */
import { formatMessage } from '../../contract/messages'
import type { Segment } from '../../contract/model'
import { decodeVerbatim } from './import/decode'
import { segmentText } from './segment'

/** Characters the import drops: soft hyphen, zero-width space, word joiner, BOM. */
const DROPPED = /[\u00ad\u200b\u2060\ufeff]/
const COMBINING = /\p{M}/u

export interface MappedText {
  /** the normalised text the segmenter works on */
  text: string
  /** for each character of `text`: where its source starts in the input */
  from: Int32Array
  /** for each character of `text`: where its source ends in the input */
  to: Int32Array
}

/**
 * Normalises like the import does, keeping the way back. NFC is applied per base character with
 * its combining marks, which is what NFC amounts to for the Latin script (umlauts written as
 * "u" + U+0308 become "ü").
 */
export function normaliseMapped(input: string): MappedText {
  const out: string[] = []
  const from: number[] = []
  const to: number[] = []
  const emit = (s: string, start: number, end: number): void => {
    for (let k = 0; k < s.length; k++) {
      out.push(s.charAt(k))
      from.push(start)
      to.push(end)
    }
  }
  let i = 0
  while (i < input.length) {
    const c = input.charCodeAt(i)
    if (c === 13) {
      const end = input.charCodeAt(i + 1) === 10 ? i + 2 : i + 1
      emit('\n', i, end)
      i = end
      continue
    }
    // A code point (a surrogate pair counts as one) with the combining marks that follow it.
    let j = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < input.length ? 2 : 1)
    while (j < input.length && isCombiningAt(input, j)) j++
    const cluster = input.slice(i, j)
    if (j - i === 1 && c < 0x80) emit(cluster, i, j)
    else if (!(j - i === 1 && DROPPED.test(cluster))) emit(cluster.normalize('NFC'), i, j)
    i = j
  }
  return { text: out.join(''), from: Int32Array.from(from), to: Int32Array.from(to) }
}

function isCombiningAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i)
  // Combining marks start at U+0300; everything below is a base character.
  return c >= 0x300 && COMBINING.test(String.fromCodePoint(s.codePointAt(i) ?? c))
}

/** The units of a text, with offsets and texts taken from the input as given. */
export function segmentSource(input: string): Segment[] {
  const mapped = normaliseMapped(input)
  return segmentText(mapped.text).map((s) => {
    const start = mapped.from[s.start]
    const end = mapped.to[s.end - 1]
    return { text: input.slice(start, end), start, end, kind: s.kind }
  })
}

export type SourceDecoding = { ok: true; text: string } | { ok: false; reason: string }

/**
 * The input's text as the import would decode it (UTF-8, UTF-16 or a Windows code page), without
 * its byte-order mark and otherwise untouched. Empty input is an empty text.
 */
export function decodeSource(bytes: Uint8Array): SourceDecoding {
  if (bytes.length === 0) return { ok: true, text: '' }
  const decoded = decodeVerbatim(bytes)
  return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, reason: formatMessage(decoded.reason) }
}
