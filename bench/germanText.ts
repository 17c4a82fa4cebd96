/**
 * Synthetic German news articles: a headline, then paragraphs of sentences built from a small
 * vocabulary with what makes German news text hard to segment: umlauts and ß, „low-high" and
 * "straight" quotes, abbreviations (z. B., Prof. Dr., Mio., ca., u. a.), ordinal dates
 * ("am 12. März"), times (14.30 Uhr), decimal numbers and the occasional question.
 * Deterministic: the same (seed, n) always gives the same article.
 */
import { int, pick, streamFor, type Random } from './prng'

const SUBJECTS = [
  'Die Bundesregierung',
  'Der Außenminister',
  'Bundeskanzlerin Angela Merkel',
  'US-Präsident Donald Trump',
  'Nordkoreas Machthaber Kim Jong Un',
  'Die Opposition im Bundestag',
  'Der Städtetag',
  'Die Gewerkschaft Verdi',
  'Ein Sprecher des Ministeriums',
  'Die Europäische Union',
  'Der Münchner Oberbürgermeister',
  'Die Grünen-Fraktion',
  'Prof. Dr. Jürgen Müller von der Universität Göttingen',
  'Die Polizei in Köln',
  'Das Bundesverfassungsgericht',
  'Der Verband der Automobilindustrie',
  'Südkoreas Präsident Moon Jae In',
  'Die Vereinten Nationen',
  'Der Bürgermeister von Lüdenscheid',
  'Die Verbraucherzentrale',
]

const SPEAKERS = [
  'Dr. Sabine Größer',
  'Außenminister Heiko Maas',
  'ein Sprecher der Stadt',
  'die Vorsitzende des Ausschusses',
  'Prof. Klaus Weiß',
  'Trump',
  'der Abgeordnete Jörg Schäfer (SPD)',
  'die Ökonomin Ute Bäumer',
  'ein Diplomat in Seoul',
  'Frau Dr. Özdemir',
]

const VERBS = [
  'kritisierte',
  'begrüßte',
  'forderte',
  'verteidigte',
  'prüfte',
  'bezeichnete als überfällig',
  'lehnte entschieden',
  'unterstützte',
  'bemängelte',
  'verschob',
]

const OBJECTS = [
  'die geplante Reform der Grundsteuer',
  'den Haushaltsentwurf für das Jahr 2020',
  'die Gespräche über die Abrüstung',
  'die Sanktionen gegen Pjöngjang',
  'das Treffen in Hanoi',
  'die Erhöhung der Gebühren für Kitas',
  'den Ausbau der Straßenbahn nach Süden',
  'die Öffnungszeiten der Bürgerämter',
  'das Gesetz zur Förderung erneuerbarer Energien',
  'die Schließung des Krankenhauses in Überlingen',
  'den Bau der neuen Brücke über die Weser',
  'die Einigung über die Entschädigungen',
  'den Vorschlag der Kommission',
  'die Verlängerung des Mandats',
]

const ADVERBIALS = [
  'am Dienstag',
  'in Berlin',
  'nach langen Verhandlungen',
  'mit deutlichen Worten',
  'überraschend',
  'im Bundestag',
  'bei einer Pressekonferenz in Düsseldorf',
  'am Rande des Gipfels',
  'z. B. im Süden des Landes',
  'u. a. in den Großstädten',
  'vor rund 300 Zuhörern',
  'in einer schriftlichen Stellungnahme',
  'gegenüber der „Süddeutschen Zeitung"',
  'ca. zwei Wochen vor der Wahl',
]

const MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
]

const CLAUSES = [
  'Wir werden das sehr genau prüfen',
  'Das ist ein großer Schritt für die Region',
  'Niemand hat mit einem solchen Ergebnis gerechnet',
  'Die Bürger müssen sich auf höhere Kosten einstellen',
  'Es gibt keine Alternative zu Gesprächen',
  'Das Vertrauen ist verloren gegangen',
  'Wir stehen erst am Anfang eines langen Weges',
  'Die Lage ist ernst, aber nicht hoffnungslos',
]

const REASONS = [
  'weil die Kosten seit 2018 deutlich gestiegen sind',
  'da die Verhandlungen ins Stocken geraten waren',
  'obwohl die Mehrheit der Befragten dagegen ist',
  'nachdem die Frist abgelaufen war',
  'damit die Gemeinden mehr Spielraum erhalten',
  'bevor der Ausschuss am Donnerstag tagt',
]

const HEADLINE_WORDS = [
  'Streit um die Grundsteuer',
  'Gipfel ohne Einigung',
  'Neue Hoffnung für Korea',
  'Kritik an den Plänen der Stadt',
  'Ärger über höhere Gebühren',
  'Durchbruch in Hanoi',
  'Zweifel an der Reform',
  'Große Pläne für die Südstadt',
]

export const SOURCES = [
  'Süddeutsche Zeitung',
  'Die Welt',
  'FAZ',
  'taz',
  'Der Spiegel',
  'Kölner Stadt-Anzeiger',
]
export const AUTHORS = [
  'Jürgen Bätz',
  'Claudia Schöne',
  'Mehmet Yılmaz',
  'Anna Weißkopf',
  'Lars Müller-Lüdenscheidt',
]

function decimal(random: Random): string {
  return `${int(random, 1, 95)},${int(random, 1, 9)}`
}

function lower(s: string): string {
  if (!/^(Die|Der|Das|Ein|Eine) /.test(s)) return s
  return s.charAt(0).toLowerCase() + s.slice(1)
}

/** One sentence, with its closing punctuation. */
function sentence(random: Random): string {
  const subject = pick(random, SUBJECTS)
  const object = pick(random, OBJECTS)
  const verb = pick(random, VERBS)
  const adverbial = pick(random, ADVERBIALS)
  switch (int(random, 0, 11)) {
    case 0:
      return `„${pick(random, CLAUSES)}", sagte ${pick(random, SPEAKERS)} ${adverbial}.`
    case 1:
      return `${subject} ${verb} ${object} ${adverbial}, ${pick(random, REASONS)}.`
    case 2:
      return `Nach Angaben des Statistischen Landesamts stieg die Zahl der Anträge um ${decimal(random)} Prozent auf ${int(random, 2, 900)} 000.`
    case 3:
      return `Die Kosten für ${object.replace(/^(die|den|das) /, '')} belaufen sich auf ca. ${decimal(random)} Mio. Euro, teilte ${lower(subject)} mit.`
    case 4:
      return `Am ${int(random, 1, 28)}. ${pick(random, MONTHS)} ${verb} ${lower(subject)} ${object} erneut.`
    case 5:
      return `${pick(random, SPEAKERS).replace(/^./, (c) => c.toUpperCase())} sagte: „${pick(random, CLAUSES)}."`
    case 6:
      return `Ist ${object} wirklich ${pick(random, ['der richtige Weg', 'ein Erfolg', 'finanzierbar', 'gescheitert'])}?`
    case 7:
      return `Die Sitzung begann um ${int(random, 8, 20)}.${pick(random, ['00', '15', '30', '45'])} Uhr und dauerte länger als geplant.`
    case 8:
      return `${subject} ${verb} ${object}, während ${lower(pick(random, SUBJECTS))} vor "voreiligen Schlüssen" warnte.`
    default:
      return `${subject} ${verb} ${object} ${adverbial}.`
  }
}

export interface Article {
  title: string
  text: string
}

/** Article n of the corpus: a headline and `sentences` sentences in paragraphs of 3 to 7. */
export function article(seed: number, n: number, sentences = 50): Article {
  const random = streamFor(seed, n)
  const title = `${pick(random, HEADLINE_WORDS)} in ${pick(random, ['München', 'Köln', 'Berlin', 'Hanoi', 'Seoul', 'Lüneburg'])}`
  const paragraphs: string[] = [title]
  let left = sentences
  while (left > 0) {
    const size = Math.min(left, int(random, 3, 7))
    const parts: string[] = []
    for (let i = 0; i < size; i++) parts.push(sentence(random))
    paragraphs.push(parts.join(' '))
    left -= size
  }
  return { title, text: paragraphs.join('\n\n') }
}

export function articleMeta(
  seed: number,
  n: number,
): { source: string; author: string; date: string } {
  const random = streamFor(seed ^ 0x5bd1e995, n)
  const day = 1 + (n % 28)
  const month = 1 + (Math.floor(n / 28) % 12)
  return {
    source: pick(random, SOURCES),
    author: pick(random, AUTHORS),
    date: `2019-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  }
}
