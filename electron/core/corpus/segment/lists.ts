/**
 * Bulleted and numbered lists inside a paragraph. Each list item becomes a unit of its own, and
 * its label ("• 3.", "2.", "–") is never a sentence end.
 *
 * - A bullet sign (•, ▪, ► …) after whitespace starts an item wherever it stands, since running
 *   text never uses one: "… frühzeitig! • 2. Essen Sie gesund!".
 * - A line that starts with a dash, an asterisk or a number with a period or parenthesis ("- ",
 *   "3. ", "b) ") starts an item only when the line is evidently part of a list: the line before
 *   ends a sentence or announces the list with a colon, or a neighbouring line has the same shape.
 *   Otherwise it is a hard-wrapped line of running text ("… am\n3. Oktober").
 * - Numbers counting up inside running text, each after a sentence end or a colon, are a list
 *   written in one line: "Die Regeln: 1. Abstand halten. 2. Maske tragen." A single number
 *   there is not ("Die Aufgaben sind erledigt. 2. Die Frage …" stays as the splitter sees it).
 */

export interface ListItem {
  /** where the item starts (its label's first character) */
  start: number
  /** right after its label: "• 3." or "2." or "-" */
  labelEnd: number
}

const BULLETS = '•◦▪▫‣⁃●○■□►▶▸▹➢➤✓✔☐☑◆◇'
const BULLET_LABEL = new RegExp(
  `(?<=^|\\s)[${BULLETS}](?:\\s*(?:\\d{1,3}|[a-z])[.)](?=\\s))?`,
  'gu',
)
const ANY_BULLET = new RegExp(`[${BULLETS}]`, 'u')
const LINE_LABEL = /^(?:[-–—*+]|\d{1,3}[.)]|[a-z]\))(?=[^\S\n]+\S)/
const ENDS_LEAD_IN = /[.!?…:]["'«»‘’‚‛“”„‟‹›)\]]*$/u
const INLINE_NUMBER = /(\d{1,2})[.)](?=\s+\S)/g
const AFTER_END_OR_COLON = /(?:^|[.!?…:]["'«»‘’‚‛“”„‟‹›)\]]*\s+)$/u
/** How far back the sentence end or colon before an inline number is looked for. */
const LOOK_BACK = 4

export function listItems(p: string): ListItem[] {
  const items: ListItem[] = []
  if (ANY_BULLET.test(p)) {
    BULLET_LABEL.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = BULLET_LABEL.exec(p)) !== null) {
      items.push({ start: m.index, labelEnd: m.index + m[0].length })
    }
  }
  if (p.includes('\n')) {
    const lines = linesOf(p)
    const labels = lines.map((l) => LINE_LABEL.exec(p.slice(l.start, l.end))?.[0])
    for (let i = 0; i < lines.length; i++) {
      const label = labels[i]
      if (label === undefined) continue
      const prev = i > 0 ? p.slice(lines[i - 1].start, lines[i - 1].end) : ''
      const listed =
        i === 0 ||
        ENDS_LEAD_IN.test(prev) ||
        sameShape(label, labels[i - 1]) ||
        sameShape(label, labels[i + 1])
      if (listed) items.push({ start: lines[i].start, labelEnd: lines[i].start + label.length })
    }
  }
  inlineNumbered(p, items)
  items.sort((a, b) => a.start - b.start)
  return items.filter((x, i) => i === 0 || x.start !== items[i - 1].start)
}

/** Adds the items of numbered lists written in running text: 1., 2., 3. in a row. */
function inlineNumbered(p: string, items: ListItem[]): void {
  INLINE_NUMBER.lastIndex = 0
  let run: { n: number; item: ListItem }[] = []
  const close = (): void => {
    if (run.length >= 2) for (const r of run) items.push(r.item)
    run = []
  }
  let m: RegExpExecArray | null
  while ((m = INLINE_NUMBER.exec(p)) !== null) {
    const at = m.index
    if (at > 0 && !/\s/.test(p.charAt(at - 1))) continue
    if (!AFTER_END_OR_COLON.test(p.slice(Math.max(0, at - LOOK_BACK), at))) continue
    const n = Number(m[1])
    const item = { start: at, labelEnd: at + m[0].length }
    if (run.length > 0 && n === run[run.length - 1].n + 1) run.push({ n, item })
    else {
      close()
      run = [{ n, item }]
    }
  }
  close()
}

const DASH_ITEM = /^[-–—*+][^\S\n]+\S/

/**
 * The unit is a bulleted or dashed list item, so a short unpunctuated one is not a heading. (A
 * numbered one may be: "1. Die Ausgangslage" is how articles number their sections.)
 */
export function startsWithBullet(t: string): boolean {
  return t.length > 0 && (BULLETS.includes(t.charAt(0)) || DASH_ITEM.test(t))
}

function linesOf(p: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  let start = 0
  for (;;) {
    const nl = p.indexOf('\n', start)
    const end = nl === -1 ? p.length : nl
    let s = start
    while (s < end && (p.charCodeAt(s) === 32 || p.charCodeAt(s) === 9)) s++
    let e = end
    while (e > s && /\s/.test(p.charAt(e - 1))) e--
    out.push({ start: s, end: e })
    if (nl === -1) return out
    start = nl + 1
  }
}

/** Both labels are dashes of one kind, or both numbers, or both letters. */
function sameShape(a: string, b: string | undefined): boolean {
  if (b === undefined) return false
  const shape = (l: string): string =>
    /\d/.test(l) ? '1' + l.slice(-1) : /[a-z]/.test(l) ? 'a' : l
  return shape(a) === shape(b)
}
