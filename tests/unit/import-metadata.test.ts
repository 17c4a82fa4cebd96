/**
 * Metadata read from the wording of plain article texts: the five sample articles of the
 * project corpus, and the datelines, bylines and credits German news texts commonly carry.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { normaliseDate, parseDate } from '../../electron/core/corpus/import/dates'
import { extractMetadata } from '../../electron/core/corpus/import/metadata'
import { readSourceFile } from '../../electron/core/corpus/import/readers'
import { formatMessage } from '../../electron/contract/messages'

const CORPUS = join(__dirname, '../../corpus')
const sample = (name: string): string => readFileSync(join(CORPUS, name), 'utf8')

describe('extractMetadata on the sample corpus', () => {
  it('000: the author credit in the middle of the text gives author and outlet', () => {
    const text = sample('000_21441c4ccb80678e.txt')
    expect(text).toContain('\n\nHao Gui, Redakteur in der Asienredaktion der Deutschen Welle\n\n')
    expect(extractMetadata(text)).toStrictEqual({ author: 'Hao Gui', source: 'Deutsche Welle' })
  })

  it('001–003: news texts without datelines or bylines give nothing (and no false title)', () => {
    for (const name of [
      '001_5dc783bd53dd825a.txt',
      '002_4aaa764273940afd.txt',
      '003_294f5652016ebd54.txt',
    ]) {
      // 001 has "Von einem Scheitern…" mid-paragraph; 002 has "Von „ökonomischen…“": no bylines.
      expect(extractMetadata(sample(name)), name).toStrictEqual({})
    }
  })

  it('004: inline date, byline ending the first paragraph, source line at the end', () => {
    const text = sample('004_ab6bd9ed8857ea67.txt')
    expect(text.startsWith(' date 2018-03 Donald Trump')).toBe(true)
    expect(extractMetadata(text)).toStrictEqual({
      date: '2018-03',
      author: 'Matthias Beermann',
      source: 'RP',
    })
  })

  it('leaves the text as it is: readSourceFile keeps the metadata lines in the text', async () => {
    const bytes = readFileSync(join(CORPUS, '004_ab6bd9ed8857ea67.txt'))
    const r = await readSourceFile('004_ab6bd9ed8857ea67.txt', bytes)
    if (!r.ok) throw new Error(formatMessage(r.reason))
    const [doc] = r.docs
    expect(doc.text).toBe(bytes.toString('utf8').trim())
    expect(doc.text.startsWith('date 2018-03 Donald Trump')).toBe(true)
    expect(doc.text.endsWith('\n\nQuelle: RP')).toBe(true)
    expect(doc.meta).toStrictEqual({ date: '2018-03', author: 'Matthias Beermann', source: 'RP' })
  })
})

describe('extractMetadata on typical article layouts', () => {
  it('datelines in German and ISO forms, and a headline after them', () => {
    expect(
      extractMetadata('12.06.2018\n\nGipfel in Singapur\n\nText hier. Mehr Text.'),
    ).toStrictEqual({
      date: '2018-06-12',
      title: 'Gipfel in Singapur',
    })
    expect(extractMetadata('Stand: 12. Juni 2018, 14:30 Uhr\n\nText.\n\nMehr.')).toStrictEqual({
      date: '2018-06-12',
    })
    expect(extractMetadata('Text.\n\n2018-06-12T10:00:00Z')).toStrictEqual({ date: '2018-06-12' })
    expect(extractMetadata('Donnerstag, 28. Februar 2019\n\nText.').date).toBe('2019-02-28')
    expect(extractMetadata('Veröffentlicht am 3.3.2019\n\nText.').date).toBe('2019-03-03')
  })

  it('bylines, co-authors, genre kickers, author lines and source lines', () => {
    expect(extractMetadata('Von Anna Müller und Peter Schmidt, Hanoi\n\nText.')).toStrictEqual({
      author: 'Anna Müller und Peter Schmidt',
    })
    expect(
      extractMetadata('Kommentar\n\nDie Lage ist ernst.\n\nEin Kommentar von Eva Maria Schmidt'),
    ).toStrictEqual({ author: 'Eva Maria Schmidt', genre: 'Kommentar' })
    expect(
      extractMetadata('Die Rede war lang.\n\nAutorin: Petra Groß\n\nQuelle: dpa'),
    ).toStrictEqual({
      author: 'Petra Groß',
      source: 'dpa',
    })
  })

  it('credits name the outlet in the nominative', () => {
    expect(
      extractMetadata(
        'Peter Meier, Korrespondent der Süddeutschen Zeitung in Peking\n\nText. Mehr.',
      ),
    ).toStrictEqual({ author: 'Peter Meier', source: 'Süddeutsche Zeitung' })
    expect(
      extractMetadata('Text.\n\nMaria Schulz, freie Journalistin bei der Badischen Zeitung'),
    ).toStrictEqual({ author: 'Maria Schulz', source: 'Badische Zeitung' })
  })

  it('does not take sentences, place phrases or single lines for metadata', () => {
    expect(
      extractMetadata('Ein Text über Trump.\n\nVon Berlin aus gesehen ist das weit.'),
    ).toStrictEqual({})
    expect(extractMetadata('Nur eine Zeile ohne Punkt')).toStrictEqual({})
    expect(extractMetadata('Eine Frage am Anfang?\n\nText.')).toStrictEqual({})
    expect(extractMetadata('Ein Satz. Von einem Scheitern will er nichts wissen.')).toStrictEqual(
      {},
    )
    expect(extractMetadata('2019\n\nDas Jahr war lang.')).toStrictEqual({})
  })
})

describe('dates', () => {
  it('parses German and ISO dates to ISO, and keeps what it cannot read', () => {
    expect(parseDate('12.06.2018')).toBe('2018-06-12')
    expect(parseDate('1. März 2019')).toBe('2019-03-01')
    expect(parseDate('Okt. 2017')).toBe('2017-10')
    expect(parseDate('2019-02-28T11:42:00+01:00')).toBe('2019-02-28')
    expect(parseDate('31.02.2019')).toBeUndefined()
    expect(normaliseDate(' Frühjahr 2019 ')).toBe('Frühjahr 2019')
  })
})
