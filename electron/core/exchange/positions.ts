/**
 * Character positions in REFI-QDA projects. A `PlainTextSelection` counts Unicode code points
 * of the plain text (as QualCoder, written in Python, counts them); JavaScript strings count
 * UTF-16 code units. The two differ after every character outside the Basic Multilingual Plane
 * (an emoji in a quote counts 1 there, 2 here), so every offset crosses this map both ways.
 */
export class CodePointMap {
  /** Per code point index, its UTF-16 index (with one entry past the end); null when equal. */
  private readonly utf16: Int32Array | null
  readonly codePoints: number

  constructor(readonly text: string) {
    if (!/[\uD800-\uDFFF]/.test(text)) {
      this.utf16 = null
      this.codePoints = text.length
      return
    }
    const starts: number[] = []
    for (let i = 0; i < text.length; i++) {
      starts.push(i)
      const c = text.charCodeAt(i)
      const next = text.charCodeAt(i + 1)
      // A lone surrogate counts as one code point, as Python counts it.
      if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++
    }
    starts.push(text.length)
    this.utf16 = Int32Array.from(starts)
    this.codePoints = starts.length - 1
  }

  /** The code point position of a UTF-16 position (inside a pair: the pair's own position). */
  toCodePoint(utf16: number): number {
    if (!this.utf16) return utf16
    let lo = 0
    let hi = this.utf16.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.utf16[mid] <= utf16) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  /** The UTF-16 position of a code point position, clamped to the text. */
  toUtf16(codePoint: number): number {
    const cp = Math.max(0, Math.min(codePoint, this.codePoints))
    return this.utf16 ? this.utf16[cp] : cp
  }
}
