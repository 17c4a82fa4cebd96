/**
 * German news-text segmenter: a document becomes a list of units (sentences, headings, bylines,
 * captions, meta lines), each an exact, trimmed slice of the text.
 *
 * Paragraphs (separated by blank lines) are classified first; sentence paragraphs are then split
 * by a single pass over their terminal punctuation (see segment/sentences.ts). Pure code with no
 * Node, Electron or DOM imports, so the renderer can run it too.
 */
import type { Segment, UnitKind } from '../../contract/model'
import { isLowerAt, isSpace } from './segment/chars'
import {
  CREDIT_IN_PARENS,
  LEADING_META,
  endsWithTerminal,
  isAgencyTag,
  isBylineUnit,
  isCreditUnit,
  isHeading,
  isMetaUnit,
} from './segment/kinds'
import { listItems, startsWithBullet } from './segment/lists'
import { sentenceEnds } from './segment/sentences'

const PARAGRAPH_BREAK = /\n[^\S\n]*\n\s*/g
const TRAILING_AGENCY = /\s(\([^()]{1,40}\))$/

/** Captions are short; a long paragraph that merely carries a credit stays article text. */
const MAX_CAPTION_SENTENCES = 3

export function segmentText(text: string): Segment[] {
  const out: Segment[] = []
  PARAGRAPH_BREAK.lastIndex = 0
  let from = 0
  let m: RegExpExecArray | null
  while ((m = PARAGRAPH_BREAK.exec(text)) !== null) {
    segmentParagraph(text, from, m.index, out)
    from = m.index + m[0].length
  }
  segmentParagraph(text, from, text.length, out)
  return out
}

interface Piece {
  start: number
  end: number
  kind: UnitKind | undefined
}

function segmentParagraph(text: string, from: number, to: number, out: Segment[]): void {
  while (from < to && isSpace(text.charCodeAt(from))) from++
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--
  if (from >= to) return
  const p = text.slice(from, to)

  const block = p.includes('\n') ? headerBlockLines(p) : undefined
  if (block !== undefined) {
    for (const line of block) {
      const t = p.slice(line.start, line.end)
      // A block's title may ask or exclaim: "Gipfel ohne Ergebnis: Was nun?".
      if (QUESTION_OR_EXCLAMATION.test(t) && isHeading(t.replace(QUESTION_OR_EXCLAMATION, ''))) {
        out.push({ text: t, start: from + line.start, end: from + line.end, kind: 'heading' })
      } else segmentParagraph(text, from + line.start, from + line.end, out)
    }
    return
  }

  if (p.length <= 200) {
    const kind = wholeParagraphKind(p)
    if (kind !== undefined) {
      out.push({ text: p, start: from, end: to, kind })
      return
    }
  }

  // Cuts that are not sentence ends: a leading date line, photo credits, a trailing agency tag.
  const forced: Piece[] = []
  const lead = LEADING_META.exec(p)
  if (lead !== null) forced.push({ start: 0, end: lead[0].length, kind: 'meta' })
  CREDIT_IN_PARENS.lastIndex = 0
  let c: RegExpExecArray | null
  while ((c = CREDIT_IN_PARENS.exec(p)) !== null) {
    forced.push({ start: c.index, end: c.index + c[0].length, kind: 'caption' })
  }
  const tag = TRAILING_AGENCY.exec(p)
  if (tag !== null && isAgencyTag(tag[1])) {
    forced.push({ start: p.length - tag[1].length, end: p.length, kind: 'meta' })
  }

  const items = listItems(p)
  const labels = items.map((x) => [x.start, x.labelEnd])
  const cuts = new Set<number>()
  for (const x of items) cuts.add(x.start)
  for (const e of sentenceEnds(p, labels)) {
    if (!forced.some((f) => e > f.start && e < f.end)) cuts.add(e)
  }
  for (const f of forced) {
    cuts.add(f.start)
    cuts.add(f.end)
  }
  const sorted = [...cuts].filter((x) => x > 0 && x < p.length).sort((a, b) => a - b)

  const pieces: Piece[] = []
  let s = 0
  for (const cut of [...sorted, p.length]) {
    const piece = trimmed(p, s, cut)
    if (piece !== undefined) {
      piece.kind = forced.find((f) => f.start === piece.start && f.end === piece.end)?.kind
      pieces.push(piece)
    }
    s = cut
  }
  classifyPieces(p, pieces)
  for (const piece of pieces) {
    out.push({
      text: p.slice(piece.start, piece.end),
      start: from + piece.start,
      end: from + piece.end,
      kind: piece.kind ?? 'sentence',
    })
  }
}

const QUESTION_OR_EXCLAMATION = /[?!]+["'«»‘’‚‛“”„‟‹›]*$/u

/** A header or footer block holds at most this many lines that are not metadata. */
const MAX_BLOCK_TITLE_LINES = 2
const MAX_BLOCK_LINE = 200

/**
 * The lines of a header or footer block written without blank lines: a title (and maybe a
 * subtitle), then only metadata lines, each on its own line ("Gipfel ohne Ergebnis\n12. Juni
 * 2018\nVon Anna Schmidt\nQuelle: dpa"). Each line is then a unit of its own. Anything else (a
 * wrapped sentence that happens to hold a date line) is not a block.
 */
function headerBlockLines(p: string): { start: number; end: number }[] | undefined {
  const lines: { start: number; end: number }[] = []
  let titles = 0
  let metadata = 0
  let start = 0
  for (;;) {
    const nl = p.indexOf('\n', start)
    const line = trimmed(p, start, nl === -1 ? p.length : nl)
    if (line !== undefined) {
      const t = p.slice(line.start, line.end)
      if (t.length > MAX_BLOCK_LINE) return undefined
      const kind = wholeParagraphKind(t)
      // A caption with its credit line is one caption, as on one line.
      if (kind === 'caption') return undefined
      if (kind !== undefined) metadata++
      // A title line comes before the metadata and reads as a heading or a whole sentence.
      else if (metadata > 0 || ++titles > MAX_BLOCK_TITLE_LINES || !isTitleLine(t)) return undefined
      lines.push(line)
    }
    if (nl === -1) break
    start = nl + 1
  }
  return metadata > 0 && lines.length > 1 ? lines : undefined
}

function isTitleLine(t: string): boolean {
  return !isLowerAt(t, 0) && (isHeading(t) || endsWithTerminal(t))
}

function wholeParagraphKind(p: string): UnitKind | undefined {
  if (isMetaUnit(p)) return 'meta'
  if (isCreditUnit(p)) return 'caption'
  if (isBylineUnit(p)) return 'byline'
  return undefined
}

function trimmed(p: string, start: number, end: number): Piece | undefined {
  while (start < end && isSpace(p.charCodeAt(start))) start++
  while (end > start && isSpace(p.charCodeAt(end - 1))) end--
  return start < end ? { start, end, kind: undefined } : undefined
}

function classifyPieces(p: string, pieces: Piece[]): void {
  const open = pieces.filter((x) => x.kind === undefined)
  if (open.length === 0) return
  // A teaser paragraph may end in the author's name: "... droht Krieg. Von Matthias Beermann".
  const last = open[open.length - 1]
  if (open.length > 1 || pieces.length > 1) {
    const t = p.slice(last.start, last.end)
    if (isBylineUnit(t)) last.kind = 'byline'
    else if (isCreditUnit(t)) last.kind = 'caption'
    else if (isMetaUnit(t)) last.kind = 'meta'
  }
  const rest = open.filter((x) => x.kind === undefined)
  const captioned = pieces.some((x) => x.kind === 'caption')
  if (captioned && rest.length <= MAX_CAPTION_SENTENCES) {
    for (const x of rest) x.kind = 'caption'
  } else if (rest.length === 1) {
    const t = p.slice(rest[0].start, rest[0].end)
    // A list item is article text however short: "• ungeputztes Gemüse".
    if (isHeading(t) && !startsWithBullet(t)) rest[0].kind = 'heading'
  }
}
