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
    expect(Object.keys(rows[0]).slice(0, 7)).toEqual([
      'document_id',
      'title',
      'date',
      'sentence_id',
      'index',
      'statement_id',
      'text',
    ])
    expect(result.files[0].counts).toEqual({ rows: 7, documents: 1 })
  })
})
