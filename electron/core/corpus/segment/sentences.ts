/**
 * Sentence boundaries inside one paragraph: a single left-to-right pass over the terminal
 * punctuation, judging each candidate by the token before it and the word after it.
 */
import { MAX_ABBREVIATION_PARTS, abbreviationClass } from './abbreviations'
import type { AbbreviationClass } from './abbreviations'
import { isCloser, isDigit, isLowerAt, isOpener, isSpace, isTerminal, isUpperAt } from './chars'
import {
  FINITE_VERBS,
  MONTHS,
  NOUN_INFLECTIONS,
  ORDINAL_ARTICLES,
  ORDINAL_LINKS,
  ORDINAL_NOUN_ENDINGS,
  SENTENCE_OPENERS,
  TOP_LEVEL_DOMAINS,
} from './words'

type NextKind = 'upper' | 'digit' | 'none'

interface Next {
  kind: NextKind
  /** The letters (or digits) of the next word, without opening quotes or brackets. */
  word: string
  /** For a digit word: a period follows it directly ("3. Oktober", "03.10.1990"). */
  dotted: boolean
  /** Where the word ends in the paragraph. */
  end: number
}

const NONE: Next = { kind: 'none', word: '', dotted: false, end: 0 }

const TERMINALS = /[.!?…]/g
const LETTERS = /[\p{L}\p{M}]+/uy
const DIGITS = /\d+/y
const ALL_DIGITS = /^\d+$/
const RANGE_TAIL = /^[-–/](\d{1,3})$/
const NUMERIC = /^[\d.,:/–-]*\d[\d.,:/–-]*$/
const DAY_OR_RANGE = /^(?:\d{1,2}\.\d{1,2}|\d{1,2}\.?[/–-]\d{1,2})$/
const ROMAN = /^(?:X{1,3}(?:IX|IV|V?I{0,3})|IX|IV|V?I{2,3}|VI{0,3})$/
const URLISH = /[@/]|www\.|:\/\//i
const VOWELLESS = /^(?=.*[a-zß])[A-Za-zß]+$/
const HAS_VOWEL = /[aeiouyäöüAEIOUYÄÖÜ]/
const UNIT_SUFFIX = /[a-zäöüß](?:str|nr)$/
const LETTER = /^\p{L}$/u
/** An inflected attributive adjective or participle: "späten", "begangenes", "neue". */
const INFLECTED_ADJECTIVE = /^\p{Ll}[\p{L}-]+(?:e|en|em|er|es)$/u
const WORD_ONLY = /^[\p{L}-]+$/u
/** Words an adjective phrase before an ordinal may hold besides adjectives: "ihr traditionell begangenes". */
const MAX_ADJECTIVE_PHRASE = 3

/**
 * Offsets (relative to `p`) right after each sentence that ends before the paragraph does.
 * `labels` are the sorted [start, end] spans of list-item labels ("• 3.", see lists.ts): a
 * period inside one is never a sentence end.
 */
export function sentenceEnds(p: string, labels: number[][] = []): number[] {
  const ends: number[] = []
  let label = 0
  TERMINALS.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = TERMINALS.exec(p)) !== null) {
    const i = m.index
    let j = i + 1
    while (j < p.length && isTerminal(p.charCodeAt(j))) j++
    let k = j
    while (k < p.length && isCloser(p.charCodeAt(k))) k++
    TERMINALS.lastIndex = j
    if (k >= p.length) break
    // "1.200", "www.bundestag.de", "Wort?«, fragte": no space, no boundary.
    if (!isSpace(p.charCodeAt(k))) continue
    // A list item's number is its label, never a sentence: "• 3. Seien Sie achtsam".
    while (label < labels.length && labels[label][1] < k) label++
    if (label < labels.length && labels[label][0] <= i && k <= labels[label][1]) continue
    if (endsSentence(p, i, j, k)) ends.push(k)
  }
  return ends
}

function endsSentence(p: string, i: number, j: number, k: number): boolean {
  const next = readNext(p, k)
  if (next.kind === 'none') return false
  let question = false
  let dots = 0
  for (let x = i; x < j; x++) {
    const c = p.charCodeAt(x)
    if (c === 33 || c === 63) question = true
    else if (c === 46) dots++
    else dots += 3
  }
  if (question) return true
  if (dots >= 3) return ellipsisEnds(p, i, next)
  return periodEnds(p, i, j, next)
}

function readNext(p: string, k: number): Next {
  let n = k
  while (n < p.length && isSpace(p.charCodeAt(n))) n++
  while (n < p.length && isOpener(p.charCodeAt(n))) n++
  if (n >= p.length) return NONE
  const c = p.charCodeAt(n)
  if (isDigit(c)) {
    DIGITS.lastIndex = n
    const d = DIGITS.exec(p)![0]
    const end = n + d.length
    return { kind: 'digit', word: d, dotted: p.charCodeAt(end) === 46, end }
  }
  if (c === 0xa7) return { kind: 'upper', word: '§', dotted: false, end: n + 1 }
  LETTERS.lastIndex = n
  const word = LETTERS.exec(p)?.[0] ?? ''
  if (word === '') return NONE
  const end = n + word.length
  if (isUpperAt(p, n)) return { kind: 'upper', word, dotted: false, end }
  // Brand names like "iPhone" or "eBay" open sentences in lower case.
  if (word.length > 1 && isLowerAt(p, n) && isUpperAt(p, n + 1)) {
    return { kind: 'upper', word, dotted: false, end }
  }
  return { kind: 'none', word, dotted: false, end }
}

/**
 * "Grund ist …", "Die Bahn hat …": the capitalised next word is followed by a finite verb, so
 * it is the subject of a new verb-second clause.
 */
function clauseFollows(p: string, next: Next): boolean {
  let n = next.end
  if (n >= p.length || !isSpace(p.charCodeAt(n))) return false
  while (n < p.length && isSpace(p.charCodeAt(n))) n++
  LETTERS.lastIndex = n
  const verb = LETTERS.exec(p)?.[0]
  return verb !== undefined && FINITE_VERBS.has(verb)
}

function ellipsisEnds(p: string, i: number, next: Next): boolean {
  if (i === 0) return false
  const before = p.charCodeAt(i - 1)
  // "[…]" or "(...)" marks an omission inside a quote.
  if (before === 91 || before === 40) return false
  // A free-standing ellipsis often replaces words mid-sentence; only a clear opener ends it.
  if (isSpace(before)) return next.kind === 'upper' && SENTENCE_OPENERS.has(next.word)
  return true
}

/** The token ending right before `end`: from the previous whitespace, openers stripped. */
function tokenBefore(p: string, end: number): { start: number; core: string; raw: string } {
  let s = end
  while (s > 0 && !isSpace(p.charCodeAt(s - 1))) s--
  const raw = p.slice(s, end)
  let o = 0
  while (o < raw.length && isOpener(raw.charCodeAt(o))) o++
  return { start: s, core: raw.slice(o), raw }
}

function previousToken(p: string, start: number): { start: number; core: string; raw: string } {
  let e = start
  while (e > 0 && isSpace(p.charCodeAt(e - 1))) e--
  return tokenBefore(p, e)
}

function periodEnds(p: string, i: number, j: number, next: Next): boolean {
  const tok = tokenBefore(p, i)
  const core = tok.core
  // '"Freund". Dann' or '(1950-1953). Auch': the period follows a closed quote or bracket.
  if (core === '' || isCloser(core.charCodeAt(core.length - 1))) return true
  const cls = lookup(p, tok.start, core, j - i)
  if (cls === 'unit') return unitEnds(p, tok.start, next)
  if (cls !== undefined) return byClass(cls, next)
  if (ALL_DIGITS.test(core)) return numberEnds(p, tok.start, core, next)
  // The second half of a range: "1. -3. Jahrhundert", "2./3. Liga".
  const tail = RANGE_TAIL.exec(core)
  if (tail !== null) return numberEnds(p, tok.start, tail[1], next)
  // "1.-3. Klasse", "Dipl.-Kfm.": hyphenated abbreviations and ordinal ranges.
  if (core.includes('.-')) return byClass('starter', next)
  if (NUMERIC.test(core)) {
    if (next.kind === 'upper' && MONTHS.has(next.word)) return false
    // "bis zum 31.12.", "12./13. Juni", "3.-5. Mai": day ordinals. "2:1", "1.200", "52,3" end.
    if (DAY_OR_RANGE.test(core)) return byClass('starter', next)
    return true
  }
  // Initials ("John F. Kennedy") and one-letter abbreviations ("s.", "f.").
  if (core.length === 1 && LETTER.test(core)) return byClass('starter', next)
  if (ROMAN.test(core) && isRegnalName(p, tok.start)) return byClass('starter', next)
  if (core.includes('.')) return byClass(dottedClass(core), next)
  if (VOWELLESS.test(core) && !HAS_VOWEL.test(core)) return byClass('starter', next)
  if (UNIT_SUFFIX.test(core)) return byClass('starter', next)
  return true
}

function byClass(cls: Exclude<AbbreviationClass, 'unit'> | 'regular', next: Next): boolean {
  switch (cls) {
    case 'never':
      return false
    case 'capital':
      return next.kind === 'upper'
    case 'starter':
      return next.kind === 'upper' && SENTENCE_OPENERS.has(next.word)
    case 'regular':
      return true
  }
}

/**
 * The lexicon class of the abbreviation ending at this period, trying spaced multi-part forms
 * ("z. B.", "i. d. R.") and keeping the longest known one.
 */
function lookup(
  p: string,
  start: number,
  core: string,
  dots: number,
): AbbreviationClass | undefined {
  if (dots !== 1) return undefined
  let key = core + '.'
  let found = abbreviationClass(key)
  // "CDU-Vors.", "Ex-Präs.": a compound whose last part is an abbreviation.
  const hyphen = core.lastIndexOf('-')
  if (found === undefined && hyphen > 0) found = abbreviationClass(core.slice(hyphen + 1) + '.')
  let at = start
  for (let parts = 2; parts <= MAX_ABBREVIATION_PARTS; parts++) {
    const prev = previousToken(p, at)
    if (prev.core.length < 2 || prev.core.length > 5) break
    if (prev.core.charCodeAt(prev.core.length - 1) !== 46) break
    key = prev.core + key
    at = prev.start
    const cls = abbreviationClass(key)
    if (cls !== undefined) found = cls
  }
  return found
}

/**
 * A unit of measurement ("20 Min.", "3 Std."): usually a noun follows in the same sentence ("mit
 * 20 Min. Verspätung"), so only a sentence opener, or a subject and its verb after a sentence
 * long enough to be complete ("Verspätungen von bis zu 30 Min. Grund ist …"), ends it there. The
 * length check keeps "Nach 20 Min. Fahrt ist man da" in one piece.
 */
function unitEnds(p: string, start: number, next: Next): boolean {
  if (next.kind !== 'upper') return false
  if (SENTENCE_OPENERS.has(next.word)) return true
  if (!clauseFollows(p, next)) return false
  let at = start
  for (let words = 0; words < 4; words++) {
    const prev = previousToken(p, at)
    if (prev.raw === '' || endsSentenceBefore(prev.core)) return false
    at = prev.start
  }
  return true
}

/** A token that plainly closes a sentence: "?" or "!", or a period that is no abbreviation's. */
function endsSentenceBefore(core: string): boolean {
  const last = core.charCodeAt(core.length - 1)
  if (last === 33 || last === 63 || last === 0x2026) return true
  if (last !== 46) return false
  return abbreviationClass(core) === undefined && !ALL_DIGITS.test(core.slice(0, -1))
}

function numberEnds(p: string, start: number, core: string, next: Next): boolean {
  const prev = previousToken(p, start)
  const prevRaw = prev.raw
  const prevWord = prev.core.toLowerCase()
  const isYear = core.length === 4 && core >= '1000' && core <= '2199'
  const article = ORDINAL_ARTICLES.has(prevWord)
  if (next.kind === 'digit') {
    // "1989. 1990 folgte die Einheit" vs. a spaced date "3. 10. 1990".
    return isYear && !next.dotted && !article
  }
  if (MONTHS.has(next.word)) return false
  // A number opening a paragraph or sentence is an ordinal or a list label: "1. FC Köln
  // verlor", "2. Die Frage ...". A sentence never consists of a bare number. After an
  // abbreviation it is the abbreviation's argument and may end a sentence: "die Nr. 1. Das".
  if (prevRaw === '') return false
  if (isTerminal(prevRaw.charCodeAt(prevRaw.length - 1)) && !afterAbbreviation(prev.core)) {
    return false
  }
  // After a colon it opens a list or a ranking: "Die Reihenfolge: 1. Müller, 2. Schmidt".
  if (prevRaw.endsWith(':') && !isYear) return false
  if (SENTENCE_OPENERS.has(next.word)) return true
  if (article) return false
  if (isYear || core.length > 4) return true
  if (ORDINAL_LINKS.has(prevWord) || prevRaw.endsWith(',')) return false
  if (next.kind === 'upper' && afterAdjectivePhrase(p, prev)) return false
  return !isOrdinalNoun(next.word)
}

/**
 * "des späten 15. Jahrhunderts", "ihr traditionell begangenes 60. Jubiläumsjahr": an inflected
 * adjective (with adverbs before it) between a determiner and the number makes the number an
 * ordinal, since an attributive adjective needs a noun after it.
 */
function afterAdjectivePhrase(
  p: string,
  adjective: { start: number; core: string; raw: string },
): boolean {
  if (adjective.raw !== adjective.core || !INFLECTED_ADJECTIVE.test(adjective.core)) return false
  let at = adjective.start
  for (let n = 0; n < MAX_ADJECTIVE_PHRASE; n++) {
    const prev = previousToken(p, at)
    if (prev.raw === '' || prev.raw !== prev.core || !WORD_ONLY.test(prev.core)) return false
    const lower = prev.core.toLowerCase()
    if (ORDINAL_ARTICLES.has(lower)) return true
    if (!isLowerAt(prev.core, 0)) return false
    at = prev.start
  }
  return false
}

/** A noun that typically follows an ordinal, also inflected or in a compound: "Jahrhunderts". */
function isOrdinalNoun(word: string): boolean {
  const lower = word.toLowerCase()
  for (const ending of ORDINAL_NOUN_ENDINGS) if (lower.endsWith(ending)) return true
  for (const inflection of NOUN_INFLECTIONS) {
    if (!lower.endsWith(inflection) || lower.length - inflection.length < 2) continue
    const stem = lower.slice(0, lower.length - inflection.length)
    for (const ending of ORDINAL_NOUN_ENDINGS) if (stem.endsWith(ending)) return true
  }
  return false
}

function afterAbbreviation(core: string): boolean {
  return core.length === 2 || abbreviationClass(core) !== undefined
}

/** "Ludwig XIV.", "Papst Benedikt XVI.": a roman numeral right after a capitalised name. */
function isRegnalName(p: string, start: number): boolean {
  const prev = previousToken(p, start)
  return prev.core.length > 1 && isUpperAt(prev.core, 0) && /\p{L}$/u.test(prev.core)
}

/** "U.S.", "e.V.", "J.R.R." are abbreviations; "example.com" and "bild.de" are domains. */
function dottedClass(core: string): 'starter' | 'regular' {
  if (URLISH.test(core)) return 'regular'
  const parts = core.split('.')
  const last = parts[parts.length - 1]
  if (TOP_LEVEL_DOMAINS.has(last) && parts[0].length > 1) return 'regular'
  for (const part of parts) {
    if (part.length > 3 && abbreviationClass(part + '.') === undefined) return 'regular'
  }
  return 'starter'
}
