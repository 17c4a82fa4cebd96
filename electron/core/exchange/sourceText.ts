/**
 * A source's plain text as the product stores it, with the map from the positions the project
 * file counts to positions in that text. The product stores every text with LF line endings,
 * in NFC and trimmed (corpus/document.ts normaliseText); selections count code points of the
 * text as stored in the project, where a CRLF is two characters, except for ATLAS.ti, which is
 * reported to count it as one.
 */
import { CodePointMap } from './positions'

export interface MappedSourceText {
  /** The normalised text, equal to what the import stores. */
  text: string
  /** The position in `text` of a code point position of the project file (clamped). */
  toText(codePoint: number): number
  /** How many code points the project file's positions range over. */
  length: number
}

export function mapSourceText(
  raw: string,
  options: { crlfAsOne?: boolean } = {},
): MappedSourceText {
  const counted = options.crlfAsOne ? raw.replace(/\r\n/g, '\n') : raw
  const points = new CodePointMap(counted)

  // Line endings: \r\n and \r become \n.
  const lines = new Int32Array(counted.length + 1)
  let out = ''
  for (let i = 0; i < counted.length; i++) {
    lines[i] = out.length
    const c = counted[i]
    if (c === '\r') {
      if (counted[i + 1] === '\n') lines[++i] = out.length
      out += '\n'
    } else out += c
  }
  lines[counted.length] = out.length

  // NFC, one base character with its combining marks at a time, so positions between clusters
  // keep their place; a position inside a cluster moves to the cluster's start.
  let composed = out
  let nfc: Int32Array | null = null
  if (out.normalize('NFC') !== out) {
    nfc = new Int32Array(out.length + 1)
    composed = ''
    for (const m of out.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
      const at = m.index
      for (let j = 0; j < m[0].length; j++) nfc[at + j] = composed.length
      composed += m[0].normalize('NFC')
    }
    nfc[out.length] = composed.length
  }

  const lead = composed.length - composed.trimStart().length
  const text = composed.trim()
  return {
    text,
    length: points.codePoints,
    toText(codePoint: number): number {
      const u = lines[points.toUtf16(codePoint)]
      const n = nfc ? nfc[u] : u
      return Math.max(0, Math.min(text.length, n - lead))
    },
  }
}
