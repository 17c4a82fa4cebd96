/**
 * Recognisers for the non-sentence units of a news article: headings, bylines, photo captions
 * and meta lines (dates, sources, agency tags, copyright).
 */

const MONTH =
  '(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|' +
  'Dezember|Jan|Febr?|Mär|Mrz|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez)\\.?'
const DATE =
  `(?:\\d{1,2}\\.\\s?(?:\\d{1,2}\\.|${MONTH})\\s?(?:\\d{4}|\\d{2})|\\d{4}-\\d{1,2}(?:-\\d{1,2})?` +
  `|\\d{1,2}\\/\\d{1,2}\\/\\d{2,4}|${MONTH}\\s\\d{4})`
const TIME = '(?:\\d{1,2}[:.]\\d{2}(?::\\d{2})?(?:\\s?Uhr)?)'
const META_LABEL =
  '(?:Stand|Datum|Aktualisiert|Veröffentlicht|Erstellt|Zuletzt aktualisiert|Erschienen|Update)'

/** "Berlin, 12. Juni 2018", "Stand: 12.06.2018 14:00 Uhr", "2018-03-12T10:00", "date 2018-03". */
const DATE_LINE = new RegExp(
  `^(?:date\\s+\\S+(?:\\s+${TIME})?|(?:${META_LABEL}(?:\\s+am)?:?\\s+)?` +
    `(?:[\\p{L}][\\p{L} .'/-]{0,40},\\s*)?(?:den\\s+)?${DATE}(?:[,T]?\\s*(?:um\\s+)?${TIME})?)$`,
  'iu',
)

/** A date line opening a paragraph that goes on with the article text. */
export const LEADING_META = new RegExp(
  `^(?:date\\s+\\d{4}(?:-\\d{1,2}){0,2}(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?` +
    `|${META_LABEL}(?:\\s+am)?:\\s*${DATE}(?:,?\\s*(?:um\\s+)?${TIME})?)(?=\\s)`,
  'iu',
)

const SOURCE_LABEL =
  '(?:Quellen?|Sources?|Bildquellen?|Textquelle|Mitarbeit|Agenturen|Lesezeit|Lesedauer)'
const SOURCE_LINE = new RegExp(
  `^(?:${SOURCE_LABEL}\\s*:|Mit Material (?:von|der|des)\\s)\\s*\\S`,
  'iu',
)
const COPYRIGHT = /^(?:©|\(c\)\s|Copyright\b)/i

const AGENCIES = new Set(
  (
    'dpa dpa-afx afp ap rtr reuters kna epd sid dts apa sda ddp dapd afx bloomberg ansa ' +
    'xinhua efe tass ria idea kap ots red'
  ).split(' '),
)

/** "(dpa)", "dpa/AFP", "(AFP, Reuters)", "(dpa/tmn)". */
export function isAgencyTag(t: string): boolean {
  if (t.length > 40) return false
  const inner = t
    .replace(/^\(\s*/, '')
    .replace(/\s*\)\.?$/, '')
    .replace(/\.$/, '')
  const parts = inner.split(/\s*[/,;]\s*|\s+und\s+/)
  let agency = false
  for (const part of parts) {
    if (!/^[\p{L}-]{1,12}$/u.test(part)) return false
    if (AGENCIES.has(part.toLowerCase())) agency = true
  }
  return agency
}

export function isMetaUnit(t: string): boolean {
  if (t.length > 200) return false
  return DATE_LINE.test(t) || SOURCE_LINE.test(t) || COPYRIGHT.test(t) || isAgencyTag(t)
}

const CREDIT_WORD =
  '(?:Fotos?|Bild(?:er)?|Archivfoto|Archivbild|Symbolfoto|Symbolbild|Titelbild|Titelfoto|Grafik|' +
  'Illustration|Screenshot|Karte|Video|Foto\\/Grafik|Fotograf(?:in)?|Photo|Image|Bildnachweis)'

/** A photo credit in parentheses, anywhere in a paragraph: "(Foto: picture alliance)". */
export const CREDIT_IN_PARENS = new RegExp(`\\((?:${CREDIT_WORD}\\s*:|©)[^()\\n]{1,150}\\)`, 'giu')

/** A unit that is itself a credit: "Foto: dpa", "Bild: Reuters/John Doe", "© Imago". */
const CREDIT_UNIT = new RegExp(`^\\(?(?:${CREDIT_WORD}\\s*:|©)`, 'iu')

const WHOLE_CREDIT_IN_PARENS = new RegExp(`^\\((?:${CREDIT_WORD}\\s*:|©)[^()\\n]{1,150}\\)$`, 'iu')

export function isCreditUnit(t: string): boolean {
  if (t.length > 200 || !CREDIT_UNIT.test(t)) return false
  if (t.charCodeAt(0) === 40) return WHOLE_CREDIT_IN_PARENS.test(t)
  return t.length <= 120 && !endsWithTerminal(t)
}

const NAME = "\\p{Lu}[\\p{L}'’.-]*"
const PARTICLE = '(?:von|van|vom|de|der|den|zu|di|da|del|du|le|la|ten|ter|al|el|bin|ibn)'
const PERSON = `${NAME}(?:\\s+(?:${PARTICLE}\\s+)*${NAME}){0,3}`
const PEOPLE = `${PERSON}(?:\\s*(?:,|und|&|sowie)\\s*${PERSON}){0,3}`
const GENRE =
  '(?:Kommentar|Gastkommentar|Analyse|Gastbeitrag|Bericht|Reportage|Interview|Kolumne|Essay|' +
  'Porträt|Hintergrund|Feature|Leitartikel|Beitrag|Text|Meinung|Glosse|Rezension|Kritik)'
/** A place or role after the names: ", Brüssel", "(Berlin)". */
const BYLINE_TAIL = '(?:\\s*[,(|–-]\\s*[^.!?:;]{0,60})?'
/** "Von Matthias Beermann", "Ein Kommentar von A und B", "Von Anna Meier, Brüssel". */
const BYLINE_VON = new RegExp(
  `^(?:(?:Ein|Eine)\\s+(?:\\p{L}+\\s+)?${GENRE}\\s+)?(?:[Vv]on|VON)\\s+${PEOPLE}` +
    `${BYLINE_TAIL}$`,
  'u',
)
const BYLINE_OWN = new RegExp(
  `^Von\\s+unser(?:em|er|en)\\s+(?:\\p{L}+\\s+){1,3}?${PEOPLE}${BYLINE_TAIL}$`,
  'u',
)
const BYLINE_LABEL = new RegExp(
  `^(?:Text|Autor(?:in)?|Autoren|Interview|Recherche|Text und Fotos?|Fotos? und Text)` +
    `\\s*:\\s*${PEOPLE}$`,
  'u',
)
const AUTHOR_CREDIT = new RegExp(`^${PERSON}\\s*(?:,|–|-|\\|)\\s*(.+)$`, 'u')
const ROLE = new RegExp(
  '(?:redakteur|korrespondent|autor|reporter|journalist|kommentator|moderator|leiter|chef|' +
    'mitarbeiter|volontär|analyst|berichterstatt|kolumnist|herausgeber|ressort|büro|studio|' +
    'professor|direktor|experte|expertin)',
  'iu',
)
// Nouns that open idioms shaped like a byline: "Von Jahr zu Jahr", "Von Fall zu Fall".
// prettier-ignore
const BYLINE_FIRST_WORD_STOP = new Set(
  ['Anfang', 'Beginn', 'Seiten', 'Zeit', 'Jahr', 'Tag', 'Fall', 'Mal', 'Haus', 'Amts', 'Hand'],
)

export function isBylineUnit(t: string): boolean {
  if (t.length > 160 || endsWithTerminal(t)) return false
  const von = BYLINE_VON.exec(t)
  if (von !== null) {
    const first = /(?:^|\s)(?:[Vv]on|VON)\s+(\p{L}+)/u.exec(t)
    return first === null || !BYLINE_FIRST_WORD_STOP.has(first[1])
  }
  if (BYLINE_LABEL.test(t) || BYLINE_OWN.test(t)) return true
  const credit = AUTHOR_CREDIT.exec(t)
  if (credit === null || wordCount(t) > 20) return false
  // A role noun among the first words of what follows the name: "Redakteur in der ...".
  return ROLE.test(credit[1].split(/\s+/).slice(0, 4).join(' '))
}

const TRAILING_CLOSERS = /["'«»‘’‚‛“”„‟‹›)\]\s]+$/u

export function endsWithTerminal(t: string): boolean {
  const s = t.replace(TRAILING_CLOSERS, '')
  return /[.!?…:;,]$/.test(s)
}

function wordCount(t: string): number {
  let n = 0
  for (const w of t.split(/\s+/)) if (w !== '') n++
  return n
}

/**
 * A short paragraph without sentence-final punctuation: "Innenpolitische Motivation". Longer
 * unpunctuated paragraphs are more likely article text that lost its period than headings.
 */
export function isHeading(t: string): boolean {
  return t.length <= 120 && !endsWithTerminal(t) && wordCount(t) <= 14
}
