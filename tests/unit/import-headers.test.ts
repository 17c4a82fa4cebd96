/**
 * Headers of imported articles: a plain-text header block written without blank lines, and the
 * headings and title of an HTML page. What the analyst sees: the document's metadata fields and
 * the kinds of its first units.
 */
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatMessage } from '../../electron/contract/messages'
import type { StoredDocument } from '../../electron/contract/model'
import { buildDocument } from '../../electron/core/corpus/document'
import { importContents } from '../../electron/core/corpus/importer'
import { readSourceFile, type ImportedText } from '../../electron/core/corpus/import/readers'
import { openLowdbRepository } from '../../electron/core/storage/lowdbRepository'
import { smallCodebook, tempDir } from './helpers'

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

  it('takes the headline under a one-word kicker, and a headline that asks', async () => {
    const kicker = await importOne(
      'kicker.txt',
      `Politik\nGipfel ohne Ergebnis\nMittwoch, 27.02.2019\nVon Anna Schmidt, Hanoi\n\n${BODY}`,
    )
    expect(kicker.meta).toStrictEqual({
      title: 'Gipfel ohne Ergebnis',
      date: '2019-02-27',
      author: 'Anna Schmidt',
    })
    expect(units(kicker).slice(0, 4)).toEqual([
      'heading: Politik',
      'heading: Gipfel ohne Ergebnis',
      'meta: Mittwoch, 27.02.2019',
      'byline: Von Anna Schmidt, Hanoi',
    ])
    const asks = await importOne(
      'frage.txt',
      `Gipfel ohne Ergebnis: Was nun?\nVeröffentlicht am 27.02.2019\nAutorin: Anna Schmidt\n\n${BODY}`,
    )
    expect(asks.meta).toStrictEqual({
      title: 'Gipfel ohne Ergebnis: Was nun?',
      date: '2019-02-27',
      author: 'Anna Schmidt',
    })
    expect(units(asks)[0]).toBe('heading: Gipfel ohne Ergebnis: Was nun?')
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

const PAGE = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Hanoi-Gipfel: Keine Einigung | Nachrichtenportal</title></head><body>
<header><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav></header>
<main><article>
<h1>Trump und Kim gehen ohne Einigung auseinander</h1>
<p>Der Gipfel in Hanoi ist gescheitert. Beide Seiten geben einander die Schuld, und die Welt
rätselt, wie es weitergehen soll. Eine Abschlusserklärung gibt es nicht.</p>
<h2>Was bedeutet das für die Sanktionen?</h2>
<p>Die Sanktionen bleiben in Kraft. Nordkorea hatte ihre vollständige Aufhebung verlangt, die
USA lehnten ab. Ohne Zugeständnisse bei den Atomanlagen werde es keine Lockerung geben.</p>
<h3>Ein Treffen, das am Ende niemandem etwas brachte. Eine Bilanz</h3>
<p>Kim reiste mit dem Zug zurück. Trump flog noch am Abend nach Washington, wo er vor die Presse
trat und von einem guten Gespräch sprach, das nur eben zu keinem Ergebnis geführt habe.</p>
<h4>Reaktionen</h4>
<p>Südkorea zeigte sich enttäuscht. Japan begrüßte die harte Haltung der USA ausdrücklich.</p>
</article></main>
<footer><p>Impressum</p></footer>
</body></html>`

describe('an HTML page', () => {
  it("takes the title from the article's <h1> before <title>", async () => {
    const doc = await importOne('gipfel.html', PAGE)
    expect(doc.meta.title).toBe('Trump und Kim gehen ohne Einigung auseinander')
    // Without an <h1>, <title> still gives one.
    const untitled = await importOne('kurz.html', PAGE.replace(/<\/?h1>/g, ''))
    expect(untitled.meta.title).toBe('Hanoi-Gipfel: Keine Einigung | Nachrichtenportal')
    // A site logo in an <h1> outside the article is not the article's headline.
    const logo = await importOne(
      'logo.html',
      PAGE.replace(/<\/?h1>/g, '').replace('<nav>', '<h1>Nachrichtenportal</h1><nav>'),
    )
    expect(logo.meta.title).toBe('Hanoi-Gipfel: Keine Einigung | Nachrichtenportal')
  })

  it('makes <h2>–<h6> heading units whatever their wording, and they land on disk so', async () => {
    const { dir, cleanup } = await tempDir('import-headings-')
    try {
      const repo = await openLowdbRepository(join(dir, 'p'), {
        create: { name: 'T', codebook: smallCodebook },
      })
      const report = await importContents(repo, [{ name: 'gipfel.html', bytes: Buffer.from(PAGE) }])
      await repo.close()
      expect(report.failed).toEqual([])
      const [file] = (await readdir(join(dir, 'p', 'documents'))).filter((f) => f.endsWith('.json'))
      const stored = JSON.parse(await readFile(join(dir, 'p', 'documents', file), 'utf8')) as {
        document: StoredDocument
      }
      const d = stored.document
      const headings = d.units
        .filter((u) => u.kind === 'heading')
        .map((u) => d.text.slice(u.start, u.end))
      expect(headings).toContain('Was bedeutet das für die Sanktionen?')
      expect(headings).toContain('Ein Treffen, das am Ende niemandem etwas brachte. Eine Bilanz')
      expect(headings).toContain('Reaktionen')
      expect(headings).not.toContain('Die Sanktionen bleiben in Kraft.')
      const sentences = d.units.filter((u) => u.kind === 'sentence')
      expect(sentences.map((u) => d.text.slice(u.start, u.end))).toContain(
        'Südkorea zeigte sich enttäuscht.',
      )
    } finally {
      await cleanup()
    }
  })
})
