import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SentenceAnnotation } from '../../electron/contract/model'
import { buildDocument } from '../../electron/core/corpus/document'
import { exportProject } from '../../electron/core/export/exporter'
import {
  openLowdbRepository,
  type LowdbProjectRepository,
} from '../../electron/core/storage/lowdbRepository'
import { smallCodebook, tempDir } from './helpers'

function coded(values: Record<string, string[]>, annotator = 'Anna'): SentenceAnnotation {
  return {
    statements: [{ id: 's1', values }],
    uncertain: false,
    note: '',
    annotator,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    codebookVersion: 1,
  }
}

type Line = {
  document_id: string
  split?: string
  statements: Array<{ label_ids: Record<string, string[]>; label_names: Record<string, string[]> }>
}

async function readLines(file: string): Promise<Line[]> {
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line)
}

let dir: string
let cleanup: () => Promise<void>
let repo: LowdbProjectRepository
const project = () => join(dir, 'project')

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('export-stream-'))
  repo = await openLowdbRepository(project(), {
    create: { name: 'Stream', codebook: smallCodebook },
  })
  for (const id of ['a', 'b', 'c', 'd', 'e', 'f'])
    await repo.addDocument(
      buildDocument({
        id,
        text: `Der erste Satz über Dokument ${id} ist kurz. Der zweite Satz ist auch kurz.`,
        meta: {},
      }),
    )
})
afterEach(async () => {
  await repo.close()
  await cleanup()
})

/** Everything in the temporary folder but the project: what an export left behind. */
async function leftovers(): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n !== 'project').sort()
}

describe('a streamed export', () => {
  it('lists a dimension only annotations know in every line, also in lines written before it was met', async () => {
    const [a, e] = [await repo.getDocument('a'), await repo.getDocument('e')]
    await repo.putAnnotation('a', a.units[0].id, coded({ stance: ['pro'] }))
    // Far into the corpus, a dimension and a label the codebook does not have.
    await repo.putAnnotation('e', e.units[1].id, coded({ frame: ['economy'], stance: ['maybe'] }))
    const progress: number[] = []
    const result = await exportProject(
      repo,
      { format: 'all', out: join(dir, 'export'), oneHot: true },
      { onProgress: (p) => progress.push(p.done) },
    )
    expect(result).toMatchObject({ documents: 6, units: 12, annotated: 2, statements: 2 })
    const lines = await readLines(join(dir, 'export', 'sentences.jsonl'))
    expect(lines).toHaveLength(12)
    const statements = lines.flatMap((l) => l.statements)
    expect(statements).toHaveLength(2)
    for (const s of statements) {
      expect(Object.keys(s.label_ids)).toEqual(['stance', 'actor', 'frame'])
      expect(Object.keys(s.label_names)).toEqual(['stance', 'actor', 'frame'])
    }
    expect(statements[0].label_ids).toEqual({ stance: ['pro'], actor: [], frame: [] })
    expect(statements[1].label_names).toEqual({ stance: ['maybe'], actor: [], frame: ['economy'] })
    const csv = Papa.parse<Record<string, string>>(
      await readFile(join(dir, 'export', 'sentences.csv'), 'utf8'),
      { header: true, skipEmptyLines: true },
    )
    expect(csv.meta.fields).toEqual(
      expect.arrayContaining(['frame', 'frame:economy', 'stance:maybe']),
    )
    expect(csv.data[0]).toMatchObject({ stance: 'pro', frame: '', 'frame:economy': '0' })
    const card = await readFile(join(dir, 'export', 'README.md'), 'utf8')
    expect(card).toContain('| economy | `economy` | 1 | 1 | 50.0 % |')
    // It started again once it met the new dimension; the last report is the whole corpus.
    expect(progress.at(-1)).toBe(6)
    expect(await readdir(join(dir, 'export'))).not.toContain(expect.stringMatching(/tmp/))
    expect(await leftovers()).toEqual(['export'])
  })

  it('puts a document the index does not count as exportable (headings only) into a split', async () => {
    const text = 'Nur eine Überschrift'
    const heading = buildDocument({ id: 'h', text, meta: {} })
    await repo.addDocument({
      ...heading,
      units: [{ id: `u0-${text.length}`, start: 0, end: text.length, kind: 'heading' }],
    })
    expect(repo.listDocuments().find((d) => d.id === 'h')?.sentenceCount).toBe(0)
    const split = { train: 0.5, dev: 0.25, test: 0.25, seed: 11 }
    const result = await exportProject(repo, { format: 'jsonl', out: join(dir, 'd.jsonl'), split })
    expect(result.documents).toBe(7)
    const all = await readLines(join(dir, 'd.jsonl'))
    expect(all).toHaveLength(13)
    const seen = new Map<string, string>()
    for (const name of ['train', 'dev', 'test'])
      for (const line of await readLines(join(dir, `d.${name}.jsonl`))) {
        expect(line.split).toBe(name)
        expect(seen.get(line.document_id) ?? name).toBe(name)
        seen.set(line.document_id, name)
      }
    expect(seen.size).toBe(7)
    for (const line of all) expect(line.split).toBe(seen.get(line.document_id))
    // 7 documents at 0.5/0.25/0.25: every part gets at least one, the rest by largest remainder.
    expect(result.files.map((f) => f.counts.documents)).toEqual([7, 3, 2, 2])
  })

  it('fails on a damaged document file with an error naming it, and leaves nothing behind', async () => {
    await repo.close()
    const file = join(project(), 'documents', 'c.json')
    // Cut short by a crash, with no backup to fall back on.
    await writeFile(file, '{"schemaVersion":1,"document":{"id":"c","te')
    await rm(`${file}.bak`, { force: true })
    repo = await openLowdbRepository(project())
    const error = await exportProject(repo, { format: 'all', out: join(dir, 'export') }).catch(
      (e: unknown) => e as Error,
    )
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toBe(
      `${file} is damaged and has no usable backup: the file is not valid JSON (truncated or overwritten)`,
    )
    expect(await leftovers()).toEqual([])
  })

  it('reads a file of the wrong shape the careful way, so it is refused, not exported', async () => {
    await repo.close()
    const file = join(project(), 'annotations', 'solo', 'b.json')
    const b = JSON.parse(await readFile(join(project(), 'documents', 'b.json'), 'utf8'))
    const unit = b.document.units[0].id as string
    // Well-formed JSON, but labels that are not a list: a quick reader would write them as they are.
    const annotation = { ...coded({}), statements: [{ id: 's1', values: { stance: 'pro' } }] }
    await writeFile(
      file,
      JSON.stringify({ schemaVersion: 1, documentId: 'b', annotations: { [unit]: annotation } }),
    )
    await rm(`${file}.bak`, { force: true })
    repo = await openLowdbRepository(project())
    await expect(
      exportProject(repo, { format: 'jsonl', out: join(dir, 'x.jsonl') }),
    ).rejects.toThrow(
      `${file} is damaged and has no usable backup: the annotation file does not have the expected shape`,
    )
    expect(await leftovers()).toEqual([])
  })
})
