/**
 * Metadata that plain article texts carry in their wording: datelines, bylines, author credits,
 * source lines, a headline. Only reads; the text stays as it is, because every character offset
 * of later annotations refers to it.
 */
import type { DocumentMeta } from '../../../contract/model'
import { parseDateLine } from './dates'

/** How many paragraphs at the start and end of an article may hold a dateline or byline. */
const EDGE = 3

// A name: two to four capitalised words, with particles such as "von" or "de" in between.
const WORD = String.raw`\p{Lu}[\p{L}'’-]*\.?`
const PARTICLE = String.raw`(?:von|van|de|der|den|zu|vom|al|el|ter|da|di|du|le|la|dos|del)`
const NAME = String.raw`${WORD}(?:\s+(?:${PARTICLE}\s+)?${WORD}){1,3}`
const NAMES = String.raw`${NAME}(?:\s*(?:,|und|&)\s*${NAME})*`

// prettier-ignore
const GENRES = [
  'Kommentar', 'Analyse', 'Interview', 'Meinung', 'Leitartikel', 'Reportage', 'Glosse', 'Essay',
  'Gastbeitrag', 'Kolumne', 'Hintergrund', 'Porträt', 'Rezension', 'Kritik', 'Nachricht', 'Bericht',
]
const GENRE = `(?:${GENRES.join('|')})`

/** "Von Matthias Beermann" or "Ein Kommentar von …" ending a paragraph (after its last sentence). */
const bylineAtEnd = new RegExp(
  String.raw`(?:^|[.!?:"“”«»)]\s+)(?:Von|(?:Ein|Eine)\s+(${GENRE})\s+von)\s+(${NAMES})(?:,\s*\p{Lu}[\p{L}-]+)?$`,
  'u',
)
/** A paragraph or line that is a byline, possibly followed by place, date and time. */
const bylineLine = new RegExp(
  String.raw`^(?:Von|(?:Ein|Eine)\s+(${GENRE})\s+von|Autor(?:in)?:|Text:)\s+(${NAMES})(?:\s*[,·|–-]\s*[^\n]{0,60})?$`,
  'u',
)
const ROLE = String.raw`[\p{L}-]*?(?:[Rr]edakteur|[Kk]orrespondent|[Aa]utor|[Jj]ournalist|[Rr]eporter|[Kk]ommentator|[Kk]olumnist|[Ll]eiter|[Vv]olontär|[Mm]oderator|[Aa]nalyst)(?:in|innen)?`
/** An author credit: "Hao Gui, Redakteur in der Asienredaktion der Deutschen Welle". */
const credit = new RegExp(
  String.raw`^(${NAME}),\s+(?:ist\s+|war\s+)?(?:\p{Ll}+e[rn]?\s+)?${ROLE}\b([^\n]*)$`,
  'u',
)
const sourceLine = /^(?:Quelle|Quellen|Source)\s*:\s*(\S[^\n]{0,80})$/i
const inlineDate = /^\s*(?:date|datum)\s*:?\s+(\d{4}-\d{2}(?:-\d{2})?)\b/i

/** Outlets worth recognising in credits, in whatever case German grammar puts them. */
const OUTLETS: [RegExp, string][] = [
  [/\bDeutschen? Welle\b|\bDW\b/, 'Deutsche Welle'],
  [/\bRheinischen? Post\b/, 'Rheinische Post'],
  [/\bSüddeutschen? Zeitung\b/, 'Süddeutsche Zeitung'],
  [/\bFrankfurter Allgemeinen?(?: Zeitung)?\b|\bFAZ\b/, 'Frankfurter Allgemeine Zeitung'],
  [/\bSpiegels?\b|\bSPIEGEL\b/, 'Der Spiegel'],
  [/\bZEIT ONLINE\b|\bder Zeit\b/, 'Die Zeit'],
  [/\btagesschau(?:\.de)?\b/i, 'tagesschau.de'],
  [/\bDeutschlandfunks?\b/, 'Deutschlandfunk'],
  [/\bHandelsblatts?\b/, 'Handelsblatt'],
  [/\bTagesspiegels?\b/, 'Der Tagesspiegel'],
  [/\btaz\b/, 'taz'],
  [/\bARD\b/, 'ARD'],
  [/\bZDF\b/, 'ZDF'],
  [/\bRedaktionsNetzwerks? Deutschland\b|\bRND\b/i, 'RedaktionsNetzwerk Deutschland'],
  [/\bdpa\b/, 'dpa'],
  [/\bReuters\b/, 'Reuters'],
  [/\bAFP\b/, 'AFP'],
]

/** Reads metadata a plain article text carries, without changing the text. */
export function extractMetadata(text: string): DocumentMeta {
  const paragraphs = text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
  const meta: DocumentMeta = {}
  const edges = edgeIndexes(paragraphs.length)

  const inline = inlineDate.exec(text)
  if (inline) meta.date = inline[1]
  // A source line inside a header or footer block ("Titel\n12.06.2018\nQuelle: dpa").
  let sourceInBlock: string | undefined
  for (const p of edges.map((i) => paragraphs[i] ?? '')) {
    for (const line of p.split('\n')) {
      meta.date ??= parseDateLine(line)
      if (p.includes('\n')) sourceInBlock ??= sourceLine.exec(line.trim())?.[1]?.trim()
      const byline = bylineLine.exec(line.trim())
      if (byline) {
        meta.author ??= byline[2]
        if (byline[1]) meta.genre ??= byline[1]
      }
    }
    const atEnd = bylineAtEnd.exec(p)
    if (atEnd) {
      meta.author ??= atEnd[2]
      if (atEnd[1]) meta.genre ??= atEnd[1]
    }
  }

  // Credits stand wherever the web page put its author box, so every paragraph is looked at.
  for (const p of paragraphs) {
    const c = p.length <= 200 ? credit.exec(p) : null
    if (!c) continue
    meta.author ??= c[1]
    const outlet = outletIn(c[2] ?? '')
    if (outlet) meta.source ??= outlet
  }
  for (const p of [...paragraphs].reverse()) {
    const s = sourceLine.exec(p)?.[1]
    if (s) {
      meta.source ??= s.trim()
      break
    }
  }
  meta.source ??= sourceInBlock

  const lead = paragraphs.findIndex((p) => !isMetadataParagraph(p))
  const first = paragraphs[lead]
  if (first !== undefined && GENRES.includes(first)) {
    meta.genre ??= first
  } else if (first !== undefined && lead < paragraphs.length - 1) {
    const title = isHeadline(first) ? first : blockTitle(first)
    if (title !== undefined) meta.title = title
  }
  for (const k of Object.keys(meta) as (keyof DocumentMeta)[]) {
    if (meta[k] === undefined) delete meta[k]
  }
  return meta
}

function edgeIndexes(count: number): number[] {
  const out = new Set<number>()
  for (let i = 0; i < Math.min(EDGE, count); i++) out.add(i)
  for (let i = Math.max(0, count - EDGE); i < count; i++) out.add(i)
  return [...out]
}

function isMetadataParagraph(p: string): boolean {
  if (credit.test(p)) return true
  return p.split('\n').every((line) => isMetadataLine(line.trim()))
}

/**
 * The title of a header block written without blank lines: a headline on the first line, then
 * only metadata lines (date, "Von …", "Quelle: …"), each on its own line.
 */
function blockTitle(p: string): string | undefined {
  const lines = p
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
  const titles = lines.findIndex(isMetadataLine)
  if (titles < 1 || titles > 2 || !lines.slice(titles).every(isMetadataLine)) return undefined
  // A one-word kicker ("Politik") may stand above the headline; a headline may ask or exclaim.
  return lines.slice(0, titles).find((l) => isHeadline(l.replace(/[?!]+["'«»“”]*$/u, '')))
}

function isMetadataLine(l: string): boolean {
  return parseDateLine(l) !== undefined || bylineLine.test(l) || sourceLine.test(l)
}

/** A headline: one short line of at least two words, without final punctuation. */
function isHeadline(p: string): boolean {
  if (p.includes('\n') || p.length > 150) return false
  const words = p.split(/\s+/)
  return words.length >= 2 && words.length <= 20 && !/[.,;:!?…]$/.test(p)
}

function outletIn(phrase: string): string | undefined {
  for (const [pattern, name] of OUTLETS) if (pattern.test(phrase)) return name
  // "… der Badischen Zeitung": the dative of a feminine name, back in the nominative.
  const m = /\bder\s+((?:\p{Lu}[\p{L}-]*\s+){0,3}\p{Lu}[\p{L}-]*)\s*$/u.exec(phrase)
  if (!m?.[1]) return undefined
  const words = m[1].split(/\s+/)
  return words.map((w, i) => (i < words.length - 1 ? w.replace(/en$/, 'e') : w)).join(' ')
}
