/**
 * Dates as German news texts and spreadsheets write them, turned into ISO strings
 * (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) so that documents sort and filter alike whatever the source.
 */

// prettier-ignore
const MONTHS: Record<string, number> = {
  januar: 1, jänner: 1, jan: 1, january: 1,
  februar: 2, feb: 2, february: 2,
  märz: 3, maerz: 3, mär: 3, mrz: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  mai: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  august: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, october: 10, oct: 10,
  november: 11, nov: 11,
  dezember: 12, dez: 12, december: 12, dec: 12,
}

const MONTH_NAME = `(${Object.keys(MONTHS).join('|')})\\.?`
const TIME = String.raw`(?:[,\s]+(?:um\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*Uhr)?(?:\s*(?:MEZ|MESZ|CET|CEST|UTC|GMT))?)?`
const ISO = String.raw`(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`
const NUMERIC = String.raw`(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})`
const SPELLED = String.raw`(?:(\d{1,2})\.?\s+)?${MONTH_NAME}\s+(\d{4})`
const WEEKDAY = String.raw`(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Mo|Di|Mi|Do|Fr|Sa|So)\.?,?\s+)?`

const isoRe = new RegExp(`^${ISO}$`)
const numericRe = new RegExp(`^${WEEKDAY}${NUMERIC}${TIME}$`, 'i')
const spelledRe = new RegExp(`^${WEEKDAY}${SPELLED}${TIME}$`, 'i')
const yearRe = /^(1[89]\d{2}|2\d{3})$/

/** A label that may stand before a date on a dateline ("Stand: 12. Juni 2018"). */
const DATE_LABEL =
  /^(?:stand|datum|date|veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|aktualisiert(?:\s+am)?|zuletzt\s+aktualisiert(?:\s+am)?|published|updated)\s*:?\s*/i

/** The ISO form of a string that is nothing but a date (time allowed), else undefined. */
export function parseDate(value: string): string | undefined {
  const s = value.trim().replace(/\s+/g, ' ')
  let m = isoRe.exec(s)
  if (m) return iso(m[1], m[2], m[3])
  m = numericRe.exec(s)
  if (m) return iso(m[3], m[2], m[1])
  m = spelledRe.exec(s)
  if (m) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()]
    return month ? iso(m[3], String(month), m[1]) : undefined
  }
  if (yearRe.test(s)) return s
  return undefined
}

/** A dateline: a date, optionally after a label such as "Stand:". */
export function parseDateLine(line: string): string | undefined {
  const trimmed = line.trim()
  if (trimmed.length > 80) return undefined
  const unlabelled = trimmed.replace(DATE_LABEL, '')
  // A bare year on a line of its own is more likely a heading or a figure than a dateline.
  if (unlabelled === trimmed && yearRe.test(trimmed)) return undefined
  return parseDate(unlabelled)
}

/** Dates of metadata fields: ISO when recognisable, otherwise kept as written. */
export function normaliseDate(value: string): string {
  return parseDate(value) ?? value.trim()
}

function iso(year = '', month = '', day?: string): string | undefined {
  const y = Number(year)
  const mo = Number(month)
  if (y < 1800 || y > 2999 || mo < 1 || mo > 12) return undefined
  const mm = String(mo).padStart(2, '0')
  if (day === undefined) return `${y}-${mm}`
  const d = Number(day)
  if (d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined
  return `${y}-${mm}-${String(d).padStart(2, '0')}`
}
