/**
 * File readers of the corpus import, on real files: a .docx written by pandoc, an HTML page with
 * site furniture, legacy encodings, Excel-style CSV, JSON Lines with a broken line.
 *
 * Fixtures in tests/fixtures/import/ (byte-exact, see .gitattributes there):
 * - gipfel-hanoi.docx: `pandoc gipfel-hanoi.md -o gipfel-hanoi.docx` (pandoc 2.17); CI has no
 *   pandoc, so the .docx is committed and the .md kept as its source.
 * - windows-1252-crlf.txt, iso-8859-1.txt, excel-semikolon.csv: written with iconv-lite in those
 *   encodings (the CSV as German Excel saves it: semicolons, Windows-1252, CRLF).
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { collectFiles } from '../../electron/core/corpus/import/files'
import {
  type ImportedText,
  type ReadResult,
  MAX_FILE_BYTES,
  SUPPORTED_EXTENSIONS,
  isAnnotatedExport,
  readSourceFile,
} from '../../electron/core/corpus/import/readers'
import { formatMessage } from '../../electron/contract/messages'

const FIXTURES = join(__dirname, '../fixtures/import')
const fixture = (name: string): Promise<Buffer> => readFile(join(FIXTURES, name))
const GERMAN = 'ä ö ü Ä Ö Ü ß „Zitat“ 5 €'

function docsOf(r: ReadResult): ImportedText[] {
  if (!r.ok) throw new Error(`expected ok, got: ${formatMessage(r.reason)}`)
  return r.docs
}
function onlyDoc(r: ReadResult): ImportedText {
  const docs = docsOf(r)
  expect(docs).toHaveLength(1)
  return docs[0]
}
function reasonOf(r: ReadResult): string {
  if (r.ok) throw new Error('expected a failure')
  return formatMessage(r.reason)
}
/** The warnings of a read, as the analyst reads them in English. */
function warningsOf(r: ReadResult): string[] | false {
  return r.ok && r.warnings.map((w) => formatMessage(w))
}
const txt = (s: string, encoding = 'utf-8', addBOM = false): Buffer =>
  iconv.encode(s, encoding, { addBOM })

describe('readSourceFile: encodings', () => {
  it('reads UTF-8 with and without BOM', async () => {
    for (const bom of [false, true]) {
      const doc = onlyDoc(await readSourceFile('a.txt', txt(GERMAN, 'utf-8', bom)))
      expect(doc.text).toBe(GERMAN)
    }
  })

  it('reads UTF-16 LE and BE with BOM, and BOM-less UTF-16 by its NUL pattern', async () => {
    const text = `${GERMAN}\n\nZweiter Absatz über Öl.`
    for (const enc of ['utf-16le', 'utf-16be']) {
      const withBom = await readSourceFile('a.txt', txt(text, enc, true))
      expect(onlyDoc(withBom).text).toBe(text)
      const bomless = await readSourceFile('a.txt', txt(text, enc, false))
      expect(onlyDoc(bomless).text).toBe(text)
    }
  })

  it('detects Windows-1252 (committed fixture, CRLF) and keeps umlauts, ß, „ “ and €', async () => {
    const bytes = await fixture('windows-1252-crlf.txt')
    // Guard against the fixture having been re-saved as UTF-8 or with LF line endings.
    expect(bytes.includes(Buffer.from([0x84]))).toBe(true) // „ in Windows-1252
    expect(bytes.includes(Buffer.from('\r\n'))).toBe(true)
    const r = await readSourceFile('windows-1252-crlf.txt', bytes)
    const doc = onlyDoc(r)
    expect(doc.text).toContain('Ärger über „Fake News“: Die Regierung in Köln äußerte sich')
    expect(doc.text).toContain('1,5 Mio. €')
    expect(doc.text).toContain('Öffentliche Übertragungen waren groß angekündigt; Straßenfeste')
    expect(doc.text).not.toContain('\r')
    expect(warningsOf(r)).toEqual(['the file is not UTF-8; it was read as Windows-1252'])
    expect(doc.meta).toEqual({
      date: '2018-06-12',
      title: 'Gipfel in Singapur',
      author: 'Jürgen Weiß',
    })
  })

  it('detects ISO-8859-1 (committed fixture)', async () => {
    const bytes = await fixture('iso-8859-1.txt')
    expect(bytes.includes(Buffer.from([0xdf]))).toBe(true) // ß in Latin-1
    const doc = onlyDoc(await readSourceFile('iso-8859-1.txt', bytes))
    expect(doc.text).toMatch(
      /^Größere Übungen für Äpfel, Öl und Überschüsse\n\nDie Straße in München/,
    )
    expect(doc.text).toContain('30 °C voll. «Schön»')
    expect(doc.text).toContain('1½ nach der Wahl" (§ 12')
    expect(doc.meta.source).toBe('Süddeutsche Zeitung')
    expect(doc.meta.title).toBe('Größere Übungen für Äpfel, Öl und Überschüsse')
  })

  it('reads short legacy texts that chardet cannot place, and ISO-8859-15 €', async () => {
    const cp1252 = await readSourceFile('kurz.txt', txt(GERMAN, 'windows-1252'))
    expect(onlyDoc(cp1252).text).toBe(GERMAN)
    const latin9 = await readSourceFile(
      'euro.txt',
      txt('Preis: 5 € für Öl und Größe', 'iso-8859-15'),
    )
    expect(onlyDoc(latin9).text).toBe('Preis: 5 € für Öl und Größe')
  })

  it('reads all five sample articles back from Windows-1252, ISO-8859-1 and UTF-16', async () => {
    const corpus = join(__dirname, '../../corpus')
    const samples = (await readdir(corpus)).filter((f) => f.endsWith('.txt'))
    expect(samples.length).toBeGreaterThanOrEqual(5)
    for (const name of samples) {
      const original = (await readFile(join(corpus, name), 'utf8')).trim()
      for (const enc of ['windows-1252', 'iso-8859-1', 'utf-16le']) {
        const bytes = iconv.encode(original.replace(/\n/g, '\r\n'), enc, {
          addBOM: enc !== 'iso-8859-1',
        })
        expect(onlyDoc(await readSourceFile(name, bytes)).text, `${name} ${enc}`).toBe(original)
      }
    }
  })

  it('turns CRLF and CR into \\n and normalises to NFC', async () => {
    const decomposed = 'Mu\u0308ller sagt: Gru\u0308ße.\r\n\r\nZweiter Absatz.\rDritte Zeile.'
    const doc = onlyDoc(await readSourceFile('crlf.txt', txt(decomposed)))
    expect(doc.text).toBe('Müller sagt: Grüße.\n\nZweiter Absatz.\nDritte Zeile.')
    expect(doc.text).toBe(doc.text.normalize('NFC'))
  })
})

describe('readSourceFile: plain text and markdown', () => {
  it('keeps a .txt as it is and gives the file name as id and origin', async () => {
    const r = await readSourceFile(
      '/some/folder/Artikel 7.TXT',
      txt('  Erster Satz.\n\n\n\nZweiter.  \n'),
    )
    expect(onlyDoc(r)).toEqual({
      origin: 'Artikel 7.TXT',
      suggestedId: 'Artikel 7',
      text: 'Erster Satz.\n\nZweiter.',
      meta: {},
    })
  })

  it('strips markdown lightly and takes the first heading as title', async () => {
    const md = await fixture('gipfel-hanoi.md')
    const doc = onlyDoc(await readSourceFile('gipfel-hanoi.md', md))
    expect(doc.meta).toEqual({
      title: 'Gipfeltreffen in Hanoi ohne Einigung',
      author: 'Jörg Weiß',
      date: '2019-02-28',
    })
    expect(doc.text).toMatch(/^Der zweite Gipfel zwischen/)
    expect(doc.text).toContain('\n\nStreit über die Sanktionen\n\nNach Angaben des Weißen Hauses')
    expect(doc.text).not.toMatch(/[#*]|---/)

    const inline =
      '# Überschrift *mit* Betonung\nText mit **fett**, _kursiv_ und [Link](https://x.de).\n\n- Punkt eins\n- Punkt zwei\n\n> Zitat'
    const plain = onlyDoc(await readSourceFile('b.md', txt(inline)))
    expect(plain.meta.title).toBe('Überschrift mit Betonung')
    expect(plain.text).toBe(
      'Überschrift mit Betonung\n\nText mit fett, kursiv und Link.\n\nPunkt eins\nPunkt zwei\n\nZitat',
    )
  })
})

describe('readSourceFile: HTML', () => {
  it('extracts only the article text, title and meta tags from a noisy page', async () => {
    const r = await readSourceFile('artikel.html', await fixture('artikel-mit-rauschen.html'))
    const doc = onlyDoc(r)
    expect(doc.meta).toEqual({
      title: 'Trump und Kim gehen ohne Einigung auseinander',
      author: 'Anna Müller',
      date: '2019-02-28',
      source: 'Nachrichten-Portal',
      url: 'https://www.example.de/politik/gipfel-hanoi-100.html',
    })
    const paragraphs = doc.text.split('\n\n')
    expect(paragraphs).toContain('Streit über die Sanktionen')
    expect(paragraphs).toContain('Wie geht es weiter?')
    expect(doc.text).toContain(
      'Der zweite Gipfel zwischen US-Präsident Donald Trump und Nordkoreas Machthaber Kim Jong Un ist überraschend früh zu Ende gegangen. Ein geplantes Mittagessen fiel aus',
    )
    expect(doc.text).toContain('„Manchmal muss man gehen“, sagte Trump')
    expect(doc.text).toContain('bleiben.\nExperten rechnen damit') // <br> inside a paragraph
    for (const noise of [
      'Cookies',
      'akzeptieren',
      'Datenschutz',
      'Kultur',
      'Panorama',
      'Sport',
      'Startseite',
      'Anzeige',
      'Traumreise',
      'Mehr zum Thema',
      'Newsletter',
      'Impressum',
      'dataLayer',
      'gtag',
      'loadAd',
      'position: fixed',
      'NewsArticle',
      'Suche',
    ]) {
      expect(doc.text, noise).not.toContain(noise)
    }
  })

  it('falls back to the body text on tiny pages, without navigation and scripts', async () => {
    const html = `<html><head><title>Kurz</title><script>var x = 1</script></head><body>
      <nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
      <header>Seitenkopf</header>
      <p>Nur ein kurzer Satz über Öl.</p><p>Und noch einer.</p>
      <footer>© Verlag</footer></body></html>`
    const doc = onlyDoc(await readSourceFile('kurz.htm', txt(html)))
    expect(doc.text).toBe('Nur ein kurzer Satz über Öl.\n\nUnd noch einer.')
    expect(doc.meta.title).toBe('Kurz')
  })

  it('lets a BOM win over a wrong <meta charset>, and lays out tables row by row', async () => {
    const html =
      '<html><head><meta charset="windows-1252"></head><body><p>Grüße</p><table><tr><th>Partei</th><th>Anteil</th></tr><tr><td><p>SPD</p></td><td>20 %</td></tr></table></body></html>'
    const doc = onlyDoc(await readSourceFile('bom.html', txt(html, 'utf-16le', true)))
    expect(doc.text).toBe('Grüße\n\nPartei\tAnteil\n\nSPD\t20 %')
  })

  it('respects <meta charset> for legacy pages', async () => {
    const html =
      '<html><head><meta charset="windows-1252"><title>Gruß</title></head><body><p>Straße, Öl, „Zitat“, 5 €</p></body></html>'
    const doc = onlyDoc(await readSourceFile('alt.html', iconv.encode(html, 'windows-1252')))
    expect(doc.text).toBe('Straße, Öl, „Zitat“, 5 €')
    expect(doc.meta.title).toBe('Gruß')
  })

  it('refuses a page without any text', async () => {
    const r = await readSourceFile(
      'leer.html',
      txt('<html><body><script>x()</script></body></html>'),
    )
    expect(reasonOf(r)).toBe('the HTML page contains no readable text')
  })
})

describe('readSourceFile: .docx', () => {
  it('reads a pandoc-written German .docx with headings and core properties', async () => {
    const doc = onlyDoc(
      await readSourceFile('gipfel-hanoi.docx', await fixture('gipfel-hanoi.docx')),
    )
    expect(doc.suggestedId).toBe('gipfel-hanoi')
    expect(doc.meta).toEqual({
      title: 'Gipfeltreffen in Hanoi ohne Einigung', // docProps/core.xml
      author: 'Jörg Weiß', // docProps/core.xml
      date: '2019-02-28', // the date paragraph in the text
      // The file's creation time (when pandoc ran) is kept, but never taken for the article's date.
      extra: { created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    })
    const paragraphs = doc.text.split('\n\n')
    expect(paragraphs.slice(0, 5)).toEqual([
      'Gipfeltreffen in Hanoi ohne Einigung',
      'Jörg Weiß',
      '2019-02-28',
      'Der zweite Gipfel zwischen US-Präsident Donald Trump und Nordkoreas Machthaber Kim Jong Un ist überraschend früh zu Ende gegangen. Eine gemeinsame Erklärung gab es nicht.',
      'Streit über die Sanktionen',
    ])
    expect(paragraphs).toContain('Reaktionen in Südkorea')
    expect(doc.text).toContain('„Manchmal muss man gehen“')
    expect(doc.text).toContain('Ökonomen schätzen die Kosten einer Annäherung auf über 100 Mrd. €.')
  })

  it('refuses a truncated .docx and one that is really something else', async () => {
    const bytes = await fixture('gipfel-hanoi.docx')
    for (const cut of [bytes.subarray(0, bytes.length - 200), bytes.subarray(0, 3000)]) {
      const r = await readSourceFile('kaputt.docx', cut)
      expect(reasonOf(r)).toBe('not a readable .docx (the file is damaged or truncated)')
    }
    const text = await readSourceFile('umbenannt.docx', txt('Eigentlich eine Textdatei.'))
    expect(reasonOf(text)).toBe('not a readable .docx (the file is damaged or truncated)')
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512, 1),
    ])
    expect(reasonOf(await readSourceFile('alt.docx', ole))).toMatch(/old Word 97–2003 document/)
  })
})

describe('readSourceFile: CSV', () => {
  it('reads a German Excel CSV: semicolons, Windows-1252, CRLF, multi-line quoted fields', async () => {
    const r = await readSourceFile('excel-semikolon.csv', await fixture('excel-semikolon.csv'))
    const docs = docsOf(r)
    expect(docs.map((d) => d.suggestedId)).toEqual(['a-001', 'a-002', 'a-004'])
    expect(docs.map((d) => d.origin)).toEqual([
      'excel-semikolon.csv#1',
      'excel-semikolon.csv#2',
      'excel-semikolon.csv#4',
    ])
    expect(docs[0]).toEqual({
      origin: 'excel-semikolon.csv#1',
      suggestedId: 'a-001',
      text: 'Der Gipfel in Hanoi endete früher als geplant.\n\n„Manchmal muss man gehen“, sagte Trump.',
      meta: {
        title: 'Gipfel ohne Einigung',
        source: 'Süddeutsche Zeitung',
        author: 'Jörg Weiß',
        date: '2019-02-28',
        url: 'https://example.de/a1',
        genre: 'Politik',
        extra: { Seite: '7' },
      },
    })
    expect(docs[2].text).toBe(
      'Ob Trump die Geduld aufbringt? Das ist die Frage.\nEine Antwort gibt es nicht.',
    )
    expect(docs[2].meta.date).toBe('2019-03-04')
    expect(warningsOf(r)).toEqual([
      'the file is not UTF-8; it was read as Windows-1252',
      'row 3: the column "Text" is empty; skipped',
    ])
  })

  it('detects comma and tab delimiters and falls back to the longest column', async () => {
    const comma = 'title,text,views\nEins,"Ein Text, mit Komma.",3\n'
    const bom = onlyDoc(await readSourceFile('k.csv', txt(comma, 'utf-8', true)))
    expect([bom.text, bom.meta]).toEqual([
      'Ein Text, mit Komma.',
      { title: 'Eins', extra: { views: '3' } },
    ])
    const tab = 'Nr\tÜberschrift\tWortlaut\n1\tKurz\tEin deutlich längerer Wortlaut über Öl.\n'
    const r = await readSourceFile('t.csv', txt(tab))
    const doc = onlyDoc(r)
    expect(doc).toMatchObject({
      suggestedId: 't-1',
      text: 'Ein deutlich längerer Wortlaut über Öl.',
      meta: { title: 'Kurz', extra: { Nr: '1' } },
    })
    const warnings = warningsOf(r)
    expect(warnings && warnings[0]).toMatch(/using "Wortlaut", which has the longest entries/)
  })

  it('refuses a CSV without data rows or without any text', async () => {
    expect(reasonOf(await readSourceFile('h.csv', txt('id;text\n')))).toMatch(/no rows below/)
    expect(reasonOf(await readSourceFile('e.csv', txt('id;text\n1;\n2; \n')))).toMatch(
      /^no row has any text/,
    )
  })
})

describe('readSourceFile: JSON Lines and JSON', () => {
  it('imports the good lines of a JSONL file and names the broken one', async () => {
    const r = await readSourceFile('k.jsonl', await fixture('artikel-eine-kaputte-zeile.jsonl'))
    const docs = docsOf(r)
    expect(docs.map((d) => [d.suggestedId, d.origin])).toEqual([
      ['k1', 'k.jsonl#1'],
      ['k2', 'k.jsonl#2'],
      ['k4', 'k.jsonl#5'],
    ])
    expect(docs[0].meta).toEqual({
      title: 'Erster Artikel',
      source: 'dpa',
      author: 'Max Mustermann',
      date: '2019-02-27',
      genre: 'Ausland',
    })
    expect(docs[1].text).toBe('Erster Absatz über Südkorea.\n\nZweiter Absatz über die Börse.')
    expect(docs[1].meta.extra).toEqual({ body: 'ignored', tags: 'Korea, Gipfel' })
    expect(docs[2].meta).toEqual({ title: 'Vierter Artikel', url: 'https://example.de/k4' })
    if (!r.ok) return
    expect(r.warnings).toHaveLength(1)
    expect(formatMessage(r.warnings[0])).toMatch(/^line 3: not valid JSON \(.+\); skipped$/)
  })

  it('fails when no line is valid, and recognises the annotated export', async () => {
    const broken = await readSourceFile('b.jsonl', txt('{"text": \nnicht json\n'))
    expect(reasonOf(broken)).toMatch(/^no line holds a valid JSON object \(line 1: not valid JSON/)
    const sentence = {
      document_id: 'd1',
      sentence_id: 'u0-12',
      text: 'Ein Satz.',
      start: 0,
      end: 9,
    }
    expect(isAnnotatedExport(sentence)).toBe(true)
    expect(isAnnotatedExport({ id: 'd1', text: 'x' })).toBe(false)
    const exported = await readSourceFile('export.jsonl', txt(`${JSON.stringify(sentence)}\n`))
    expect(reasonOf(exported)).toMatch(/^This is an annotated export/)
  })

  it('reads a JSON array with German field names, and an object with "documents"', async () => {
    const docs = docsOf(
      await readSourceFile('artikel-liste.json', await fixture('artikel-liste.json')),
    )
    expect(docs).toEqual([
      {
        origin: 'artikel-liste.json#1',
        suggestedId: 'j1',
        text: 'Der zweite Gipfel begann mit einem Abendessen.',
        meta: { title: 'Gipfel in Hanoi', source: 'ARD', date: '2019-02-27' },
      },
      {
        origin: 'artikel-liste.json#2',
        suggestedId: 'j2',
        text: 'Die Gespräche endeten ohne Erklärung.\n\nTrump reiste früher ab.',
        meta: { title: 'Keine Einigung', source: 'ZDF', author: 'Eva Schäfer' },
      },
    ])
    const wrapped = JSON.stringify({ documents: [{ content: 'Text A' }, 5, { content: 'Text B' }] })
    const r = await readSourceFile('w.json', txt(wrapped))
    expect(docsOf(r).map((d) => [d.suggestedId, d.text])).toEqual([
      ['w-1', 'Text A'],
      ['w-3', 'Text B'],
    ])
    expect(warningsOf(r)).toEqual(['item 2: not a JSON object; skipped'])
  })

  it('refuses invalid JSON with a line number, and JSON of the wrong shape', async () => {
    const bad = await readSourceFile('x.json', txt('[\n  {"text": "a"},\n  {"text": }\n]'))
    expect(reasonOf(bad)).toMatch(/^not valid JSON: Unexpected token '}'/)
    expect(reasonOf(bad)).not.toContain('\n')
    const shape = await readSourceFile('y.json', txt('{"count": 3}'))
    expect(reasonOf(shape)).toMatch(/neither a list of documents nor/)
  })
})

describe('readSourceFile: refusals', () => {
  it('lists the supported extensions and states the size limit', async () => {
    expect(SUPPORTED_EXTENSIONS).toEqual([
      '.txt',
      '.md',
      '.html',
      '.htm',
      '.docx',
      '.csv',
      '.jsonl',
      '.json',
      '.qdpx',
    ])
    expect(MAX_FILE_BYTES).toBe(50 * 1024 * 1024)
    expect(reasonOf(await readSourceFile('a.pdf', txt('%PDF-1.4')))).toBe(
      'unsupported file type .pdf (supported: .txt, .md, .html, .htm, .docx, .csv, .jsonl, .json, .qdpx)',
    )
    const big = await readSourceFile('big.txt', txt('x'.repeat(3000)), { maxBytes: 2048 })
    expect(reasonOf(big)).toBe('the file is 2.9 KB, more than the import limit of 2 KB')
  })

  it('refuses empty, whitespace-only and binary files', async () => {
    for (const name of ['a.txt', 'a.md', 'a.csv', 'a.jsonl', 'a.json', 'a.html', 'a.docx']) {
      expect(reasonOf(await readSourceFile(name, new Uint8Array()))).toBe('the file is empty')
    }
    expect(reasonOf(await readSourceFile('w.txt', txt(' \r\n\t\n ')))).toBe('the file is empty')
    expect(reasonOf(await readSourceFile('w.txt', txt('\ufeff  \n', 'utf-16le', true)))).toBe(
      'the file is empty',
    )
    const nul = txt('Ein Text\u0000mit NUL-Bytes mittendrin.')
    expect(reasonOf(await readSourceFile('nul.txt', nul))).toBe(
      'looks like a binary file, not text',
    )
    const controls = Buffer.from(
      Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x41 : (i % 30) + 1)),
    )
    expect(reasonOf(await readSourceFile('c.txt', controls))).toBe(
      'looks like a binary file, not text',
    )
  })
})

describe('a folder of bad files', () => {
  it('gives every bad file a clear reason and still imports the good lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'import-bad-'))
    try {
      const docx = await fixture('gipfel-hanoi.docx')
      const random = randomBytes(4096)
      random[10] = 0 // random bytes nearly always hold NULs; make sure of it
      const files: Record<string, Uint8Array> = {
        'leer.txt': new Uint8Array(),
        'nur-leerzeichen.md': txt('   \n\n  '),
        'zufall.txt': random,
        'abgeschnitten.docx': docx.subarray(0, Math.floor(docx.length / 2)),
        'eine-kaputte-zeile.jsonl': await fixture('artikel-eine-kaputte-zeile.jsonl'),
        'mit-nul.txt': txt('Ein Satz über Öl.\u0000\u0000Noch einer.'),
        'bericht.pdf': txt('%PDF-1.7\n%âãÏÓ\n'),
        'gut.txt': txt('Ein guter Text über Grüße.'),
      }
      for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes)
      // A sparse file: over the limit on paper, without writing 50 MB.
      await writeFile(join(dir, 'riesig.txt'), 'x')
      await truncate(join(dir, 'riesig.txt'), 60 * 1024 * 1024)

      const { files: found, problems } = await collectFiles([dir])
      const outcome: Record<string, string> = {}
      for (const p of problems) outcome[basename(p.path)] = formatMessage(p.reason)
      for (const f of found) {
        const r = await readSourceFile(f.name, await readFile(f.path))
        outcome[f.name] = r.ok
          ? `ok: ${r.docs.length} docs; ${r.warnings.map((w) => formatMessage(w)).join(' | ')}`
          : formatMessage(r.reason)
      }
      expect(outcome).toEqual({
        'leer.txt': 'the file is empty',
        'nur-leerzeichen.md': 'the file is empty',
        'zufall.txt': 'looks like a binary file, not text',
        'abgeschnitten.docx': 'not a readable .docx (the file is damaged or truncated)',
        'eine-kaputte-zeile.jsonl': expect.stringMatching(
          /^ok: 3 docs; line 3: not valid JSON \(.+\); skipped$/,
        ),
        'mit-nul.txt': 'looks like a binary file, not text',
        'bericht.pdf':
          'unsupported file type .pdf (supported: .txt, .md, .html, .htm, .docx, .csv, .jsonl, .json, .qdpx)',
        'riesig.txt': 'the file is 60 MB, more than the import limit of 50 MB',
        'gut.txt': 'ok: 1 docs; ',
      })
      // Found files come sorted as a file manager shows them (numbers as numbers, case-blind).
      expect(found.map((f) => f.name)).toEqual([
        'abgeschnitten.docx',
        'eine-kaputte-zeile.jsonl',
        'gut.txt',
        'mit-nul.txt',
        'nur-leerzeichen.md',
        'zufall.txt',
      ])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('readSourceFile: HTML fragments', () => {
  it('reads pages without <html>/<body> and bare fragments', async () => {
    const noBody =
      '<html><head><title>Ohne Body</title></head><p>Erster Absatz.</p><p>Zweiter.</p></html>'
    const a = onlyDoc(await readSourceFile('a.html', txt(noBody)))
    expect([a.text, a.meta.title]).toEqual(['Erster Absatz.\n\nZweiter.', 'Ohne Body'])
    const fragment =
      '<!DOCTYPE html><title>Fragment</title><h2>Zwischentitel</h2><p>Text über Öl.</p>'
    const b = onlyDoc(await readSourceFile('b.html', txt(fragment)))
    expect([b.text, b.meta.title]).toEqual(['Zwischentitel\n\nText über Öl.', 'Fragment'])
    const plain = onlyDoc(await readSourceFile('c.htm', txt('Nur Text, gar kein Markup.')))
    expect(plain.text).toBe('Nur Text, gar kein Markup.')
  })
})
