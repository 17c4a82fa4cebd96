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
  const parts: string[] = []
  let length = 0
  let from: Int32Array = new Int32Array(input.length + 16)
  let to: Int32Array = new Int32Array(input.length + 16)
  const emit = (t: string, start: number, end: number): void => {
    if (length + t.length > from.length) {
      from = grow(from)
      to = grow(to)
    }
    from.fill(start, length, length + t.length)
    to.fill(end, length, length + t.length)
    parts.push(t)
    length += t.length
  }
  // Runs of characters that stay as they are are copied in one piece.
  let run = 0
  const flush = (at: number): void => {
    if (at === run) return
    if (length + (at - run) > from.length) {
      from = grow(from, at - run)
      to = grow(to, at - run)
    }
    for (let k = run; k < at; k++) {
      from[length] = k
      to[length] = k + 1
      length++
    }
    parts.push(input.slice(run, at))
  }
  let i = 0
  while (i < input.length) {
    const c = input.charCodeAt(i)
    const plain = c !== 13 && c < 0x300 && c !== 0xad && !isCombiningAt(input, i + 1)
    if (plain) {
      i++
      continue
    }
    flush(i)
    if (c === 13) {
      const end = input.charCodeAt(i + 1) === 10 ? i + 2 : i + 1
      emit('\n', i, end)
      run = i = end
      continue
    }
    // A code point (a surrogate pair counts as one) with the combining marks that follow it.
    let j = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < input.length ? 2 : 1)
    while (j < input.length && isCombiningAt(input, j)) j++
    const cluster = input.slice(i, j)
    if (!(j - i === 1 && DROPPED.test(cluster))) emit(cluster.normalize('NFC'), i, j)
    run = i = j
  }
  flush(input.length)
  return { text: parts.join(''), from: from.subarray(0, length), to: to.subarray(0, length) }
}

function grow(a: Int32Array, atLeast = 0): Int32Array {
  const b = new Int32Array(Math.max(a.length * 2, a.length + atLeast + 16))
  b.set(a)
  return b
}

function isCombiningAt(s: string, i: number): boolean {
  if (i >= s.length) return false
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

export type SourceDecoding =
  { ok: true; text: string; warnings: string[] } | { ok: false; reason: string }

/**
 * The input's text as the import would decode it (UTF-8, UTF-16 or a Windows code page), without
 * its byte-order mark and otherwise untouched. Empty input is an empty text.
 */
export function decodeSource(bytes: Uint8Array): SourceDecoding {
  if (bytes.length === 0) return { ok: true, text: '', warnings: [] }
  const decoded = decodeVerbatim(bytes)
  if (!decoded.ok) return { ok: false, reason: formatMessage(decoded.reason) }
  return { ok: true, text: decoded.text, warnings: decoded.warnings.map((w) => formatMessage(w)) }
}
