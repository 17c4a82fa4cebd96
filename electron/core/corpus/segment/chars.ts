/**
 * Character tests on UTF-16 code units, kept out of regular expressions because the splitter
 * calls them at every candidate boundary.
 */

export function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true
  if (c < 0x85) return false
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

/** . ! ? … */
export function isTerminal(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026
}

/** Quotation marks of every style: after terminal punctuation any of them closes a quote. */
export function isQuote(c: number): boolean {
  return (
    c === 34 || // "
    c === 39 || // '
    c === 0xab || // «
    c === 0xbb || // »
    (c >= 0x2018 && c <= 0x201f) || // ‘ ’ ‚ ‛ “ ” „ ‟
    c === 0x2039 || // ‹
    c === 0x203a // ›
  )
}

export function isCloser(c: number): boolean {
  return isQuote(c) || c === 41 || c === 93 // ) ]
}

export function isOpener(c: number): boolean {
  return isQuote(c) || c === 40 || c === 91 // ( [
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

const UPPER = /\p{Lu}|\p{Lt}/u
const LOWER = /\p{Ll}/u

export function isUpperAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i)
  if (c < 128) return c >= 65 && c <= 90
  return UPPER.test(s.charAt(i))
}

export function isLowerAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i)
  if (c < 128) return c >= 97 && c <= 122
  return LOWER.test(s.charAt(i))
}
