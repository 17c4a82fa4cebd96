/**
 * Headers of imported articles: a plain-text header block written without blank lines, and the
 * headings and title of an HTML page. What the analyst sees: the document's metadata fields and
 * the kinds of its first units.
 */
import { describe, expect, it } from 'vitest'
import { formatMessage } from '../../electron/contract/messages'
import { buildDocument } from '../../electron/core/corpus/document'
import { readSourceFile, type ImportedText } from '../../electron/core/corpus/import/readers'

async function importOne(name: string, content: string): Promise<ImportedText> {
  const r = await readSourceFile(name, Buffer.from(content, 'utf8'))
  if (!r.ok) throw new Error(formatMessage(r.reason))
  expect(r.docs).toHaveLength(1)
  return r.docs[0]
}

function units(doc: ImportedText): string[] {
  const stored = buildDocument({ id: 'd', text: doc.text, meta: doc.meta })
  return stored.units.map((u) => `${u.kind}: ${stored.text.slice(u.start, u.end)}`)
}

const BODY = 'Der Gipfel in Hanoi ist gescheitert. Trump reiste früher ab.\n\nKim schwieg.'

describe('a plain-text header block without blank lines', () => {
  it('becomes title, date, author and source, and units of those kinds', async () => {
    const doc = await importOne(
      'gipfel.txt',
      `Gipfel ohne Ergebnis\n27. Februar 2019\nVon Anna Schmidt\nQuelle: dpa\n\n${BODY}`,
    )
    expect(doc.meta).toStrictEqual({
      title: 'Gipfel ohne Ergebnis',
      date: '2019-02-27',
      author: 'Anna Schmidt',
      source: 'dpa',
    })
    expect(units(doc).slice(0, 5)).toEqual([
      'heading: Gipfel ohne Ergebnis',
      'meta: 27. Februar 2019',
      'byline: Von Anna Schmidt',
      'meta: Quelle: dpa',
      'sentence: Der Gipfel in Hanoi ist gescheitert.',
    ])
  })

  it('reads the same block in another order and with a labelled date, with CRLF', async () => {
    const doc = await importOne(
      'gipfel.txt',
      `Trump und Kim ohne Einigung\r\nVon Peter Klein\r\nStand: 28.02.2019 10:15 Uhr\r\nQuelle: Süddeutsche Zeitung\r\n\r\n${BODY}`,
    )
    expect(doc.meta).toStrictEqual({
      title: 'Trump und Kim ohne Einigung',
      date: '2019-02-28',
      author: 'Peter Klein',
      source: 'Süddeutsche Zeitung',
    })
    expect(units(doc).slice(0, 4)).toEqual([
      'heading: Trump und Kim ohne Einigung',
      'byline: Von Peter Klein',
      'meta: Stand: 28.02.2019 10:15 Uhr',
      'meta: Quelle: Süddeutsche Zeitung',
    ])
  })

  it('leaves running text with a line break alone', async () => {
    const doc = await importOne(
      'brief.txt',
      'Die Mauer fiel am 9. November 1989.\nNiemand hatte es erwartet.\n\nDanach kam die Einheit.',
    )
    expect(doc.meta).toStrictEqual({})
    expect(units(doc)).toEqual([
      'sentence: Die Mauer fiel am 9. November 1989.',
      'sentence: Niemand hatte es erwartet.',
      'sentence: Danach kam die Einheit.',
    ])
  })
})
