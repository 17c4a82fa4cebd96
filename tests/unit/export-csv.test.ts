import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SentenceAnnotation, Statement } from '../../electron/contract/model'
import { buildDocument } from '../../electron/core/corpus/document'
import { exportProject } from '../../electron/core/export/exporter'
import {
  openLowdbRepository,
  type LowdbProjectRepository,
} from '../../electron/core/storage/lowdbRepository'
import { smallCodebook, tempDir } from './helpers'

function annotation(statements: Statement[], note = ''): SentenceAnnotation {
  return {
    statements,
    uncertain: note !== '',
    note,
    annotator: 'Jörg Müller',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    codebookVersion: 1,
  }
}

const NOTES = [
  '=HYPERLINK("http://evil.example","Klick")',
  '+49 30 1234567',
  '-1',
  '@SUM(A1:A9)',
  '\tTabulator',
  'Mehrzeilig: "Zitat"\nzweite Zeile; mit Semikolon, Komma – Größe',
]

let dir: string
let cleanup: () => Promise<void>
let repo: LowdbProjectRepository
let units: string[]
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('export-csv-'))
  repo = await openLowdbRepository(join(dir, 'project'), {
    create: { name: 'CSV', codebook: smallCodebook },
  })
  // Article text can start a cell with - or @ too (a list item, a handle).
  const text =
    NOTES.map((_, i) => `Der ${i + 1}. Satz über Straßen in München.`).join(' ') +
    '\n\n- Aufzählung am Anfang.'
  const doc = buildDocument({
    id: 'doc',
    text,
    meta: { title: 'Überschrift "mit" Zitat', date: '2019-02-28' },
  })
  await repo.addDocument(doc)
  units = doc.units.map((u) => u.id)
  for (const [i, note] of NOTES.entries())
    await repo.putAnnotation(
      'doc',
      units[i],
      annotation([{ id: 's1', values: { stance: ['pro'] } }], note),
    )
  await repo.putAnnotation(
    'doc',
    units[0],
    annotation(
      [
        { id: 's1', values: { stance: ['pro'], actor: ['trump', 'kim'] } },
        { id: 's2', values: { stance: ['contra'], actor: ['kim'] } },
        { id: 's3', values: {} },
      ],
      NOTES[0],
    ),
  )
})
afterEach(async () => {
  await repo.close()
  await cleanup()
})

function parse(text: string): Array<Record<string, string>> {
  const result = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true })
  expect(result.errors).toEqual([])
  return result.data
}

describe('the CSV exports', () => {
  it('writes one row per sentence that a CSV parser reads back intact, formulas neutralised', async () => {
    const out = join(dir, 'sentences.csv')
    await exportProject(repo, { format: 'csv-sentences', out })
    const text = await readFile(out, 'utf8')
    expect(text.charCodeAt(0)).not.toBe(0xfeff)
    const rows = parse(text)
    expect(rows).toHaveLength(units.length)
    expect(rows.map((r) => r.note)).toEqual([
      `'${NOTES[0]}`,
      "'+49 30 1234567",
      "'-1",
      "'@SUM(A1:A9)",
      "'\tTabulator",
      NOTES[5],
      '',
    ])
    // Labels by name, several joined with "; ", the union over all statements.
    expect(rows[0]).toMatchObject({
      stance: 'pro; contra',
      actor: 'Trump; Kim',
      annotated: '1',
      uncertain: '1',
    })
    expect(rows[6]).toMatchObject({
      text: "'- Aufzählung am Anfang.",
      stance: '',
      annotated: '0',
      uncertain: '',
    })
    expect(rows[1]).toMatchObject({
      document_id: 'doc',
      title: 'Überschrift "mit" Zitat',
      date: '2019-02-28',
      text: 'Der 2. Satz über Straßen in München.',
      annotator: 'Jörg Müller',
      index: '1',
    })
  })

  it('adds a byte order mark and one-hot columns on request', async () => {
    const out = join(dir, 'sentences.csv')
    await exportProject(repo, { format: 'csv-sentences', out, bom: true, oneHot: true })
    const bytes = await readFile(out)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parse(bytes.toString('utf8').slice(1))
    expect(Object.keys(rows[0])).toEqual(
      expect.arrayContaining(['stance:pro', 'stance:contra', 'actor:trump', 'actor:kim']),
    )
    expect(rows[0]).toMatchObject({
      'stance:pro': '1',
      'stance:contra': '1',
      'actor:trump': '1',
      'actor:kim': '1',
    })
    expect(rows[1]).toMatchObject({
      'stance:pro': '1',
      'stance:contra': '0',
      'actor:trump': '0',
      'actor:kim': '0',
    })
  })

  it('writes one row per statement with labels, leaving out empty statements', async () => {
    const out = join(dir, 'statements.csv')
    const result = await exportProject(repo, { format: 'csv-statements', out })
    const rows = parse(await readFile(out, 'utf8'))
    expect(rows.map((r) => [r.sentence_id, r.statement_id, r.stance, r.actor])).toEqual([
      [units[0], 's1', 'pro', 'Trump; Kim'],
      [units[0], 's2', 'contra', 'Kim'],
      ...units.slice(1, 6).map((id) => [id, 's1', 'pro', '']),
    ])
    expect(Object.keys(rows[0])).toEqual([
      'document_id',
      'title',
      'source',
      'author',
      'date',
      'url',
      'genre',
      'sentence_id',
      'index',
      'statement_id',
      'text',
      'stance',
      'actor',
      'uncertain',
      'note',
      'annotator',
    ])
    expect(rows[0]).toMatchObject({ note: `'${NOTES[0]}`, title: 'Überschrift "mit" Zitat' })
    expect(rows[2]).toMatchObject({ note: "'+49 30 1234567", source: '' })
    expect(result.files[0].counts).toEqual({ rows: 7, documents: 1 })
  })

  it('gives every metadata field a column of its own in both shapes, free keys too', async () => {
    const stored = await repo.getDocument('doc')
    const meta = {
      title: 'Gipfel',
      source: 'Der Spiegel',
      author: 'Anna Beispiel',
      date: '2019-02-28',
      url: 'https://example.org/gipfel',
      genre: 'Kommentar',
      // `title` as a free key clashes with the fixed column: it gets a name of its own.
      extra: { Ressort: 'Ausland', Seite: '7', title: 'Untertitel' },
    }
    await repo.replaceDocument({ ...stored, meta }, await repo.getAnnotations('doc'))
    const other = buildDocument({
      id: 'other',
      text: 'Ein Satz.',
      meta: { extra: { Auflage: '1' } },
    })
    await repo.addDocument(other)
    await repo.putAnnotation(
      'other',
      other.units[0].id,
      annotation([{ id: 's1', values: { stance: ['pro'] } }]),
    )
    const expected = {
      document_id: 'doc',
      title: 'Gipfel',
      source: 'Der Spiegel',
      author: 'Anna Beispiel',
      date: '2019-02-28',
      url: 'https://example.org/gipfel',
      genre: 'Kommentar',
      Auflage: '',
      Ressort: 'Ausland',
      Seite: '7',
      title_meta: 'Untertitel',
    }
    for (const format of ['csv-sentences', 'csv-statements'] as const) {
      const out = join(dir, `${format}.csv`)
      await exportProject(repo, { format, out })
      const rows = parse(await readFile(out, 'utf8'))
      expect(Object.keys(rows[0]).slice(0, 11)).toEqual(Object.keys(expected))
      expect(rows[0]).toMatchObject(expected)
      expect(rows.at(-1)).toMatchObject({
        document_id: 'other',
        Auflage: '1',
        Ressort: '',
        title: '',
      })
    }
  })

  it('separates cells with a semicolon for German Excel when asked', async () => {
    const out = join(dir, 'semikolon.csv')
    await exportProject(repo, { format: 'csv-sentences', out, delimiter: ';' })
    const text = await readFile(out, 'utf8')
    expect(text.split('\r\n')[0]).toBe(
      'document_id;title;source;author;date;url;genre;sentence_id;index;kind;start;end;text;stance;actor;annotated;uncertain;needs_review;note;annotator;codebook_version;created_at;updated_at',
    )
    const rows = Papa.parse<Record<string, string>>(text, {
      header: true,
      delimiter: ';',
      skipEmptyLines: true,
    })
    expect(rows.errors).toEqual([])
    // The note holds a semicolon: it is quoted, so it stays one cell.
    expect(rows.data[5].note).toBe(NOTES[5])
    expect(rows.data[5].title).toBe('Überschrift "mit" Zitat')
  })
})
