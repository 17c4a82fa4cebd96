import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildDocument } from '../../electron/core/corpus/document'
import { exportProject } from '../../electron/core/export/exporter'
import { assignSplits, mulberry32, splitSizes } from '../../electron/core/export/split'
import {
  openLowdbRepository,
  type LowdbProjectRepository,
} from '../../electron/core/storage/lowdbRepository'
import { smallCodebook, tempDir } from './helpers'

const ids = Array.from({ length: 40 }, (_, i) => `doc-${String(i).padStart(2, '0')}`)
const fractions = { train: 0.8, dev: 0.1, test: 0.1 }

describe('the document split', () => {
  it('is reproducible from its seed and independent of the order of the ids', () => {
    const a = assignSplits(ids, { ...fractions, seed: 7 })
    const b = assignSplits([...ids].reverse(), { ...fractions, seed: 7 })
    expect([...a].sort()).toEqual([...b].sort())
    const c = assignSplits(ids, { ...fractions, seed: 8 })
    expect(ids.map((id) => a.get(id))).not.toEqual(ids.map((id) => c.get(id)))
  })

  it('puts every document in exactly one split, in the proportions asked for', () => {
    const splits = assignSplits(ids, { ...fractions, seed: 1 })
    expect(splits.size).toBe(40)
    const counts = { train: 0, dev: 0, test: 0 }
    for (const s of splits.values()) counts[s]++
    expect(counts).toEqual({ train: 32, dev: 4, test: 4 })
    const none = assignSplits(ids, { train: 1, dev: 0, test: 0, seed: 1 })
    expect(new Set(none.values())).toEqual(new Set(['train']))
  })

  it('gives every part asked for a document once there are enough, so small corpora get dev and test', () => {
    const sizes = (n: number, train = 0.8, dev = 0.1, test = 0.1) =>
      splitSizes(n, { train, dev, test, seed: 1 })
    // Rounding the cumulative fractions gave 4/1/0 for five documents: no test file at all.
    expect(sizes(5)).toEqual([3, 1, 1])
    expect(sizes(3)).toEqual([1, 1, 1])
    expect(sizes(4)).toEqual([2, 1, 1])
    expect(sizes(10)).toEqual([8, 1, 1])
    expect(sizes(40)).toEqual([32, 4, 4])
    expect(sizes(7, 0.5, 0.25, 0.25)).toEqual([3, 2, 2])
    // Too few to go round, and parts not asked for, stay empty.
    expect(sizes(2)).toEqual([2, 0, 0])
    expect(sizes(0)).toEqual([0, 0, 0])
    expect(sizes(9, 0.5, 0.5, 0)).toEqual([5, 4, 0])
    expect(sizes(6, 1, 0, 0)).toEqual([6, 0, 0])
  })

  it('uses a fixed PRNG: mulberry32 gives the same numbers on every platform', () => {
    const random = mulberry32(42)
    const values = [random(), random(), random()]
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true)
    const again = mulberry32(42)
    expect([again(), again(), again()]).toEqual(values)
  })
})

let dir: string
let cleanup: () => Promise<void>
let repo: LowdbProjectRepository
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('export-split-'))
  repo = await openLowdbRepository(join(dir, 'project'), {
    create: { name: 'Split', codebook: smallCodebook },
  })
  for (const id of ids.slice(0, 20))
    await repo.addDocument(
      buildDocument({ id, text: `Erster Satz von ${id}. Zweiter Satz von ${id}.`, meta: {} }),
    )
})
afterEach(async () => {
  await repo.close()
  await cleanup()
})

describe('a split export', () => {
  it('splits the documents actually exported: only coded sentences still give dev and test files', async () => {
    const coded = (stance: string) => ({
      statements: [{ id: 's1', values: { stance: [stance] } }],
      uncertain: false,
      note: '',
      annotator: 'Anna',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      codebookVersion: 1,
    })
    // Five of the twenty documents have a coded sentence; one more is coded only by Bernd.
    for (const id of ids.slice(0, 6)) {
      const unit = (await repo.getDocument(id)).units[0].id
      await repo.putAnnotation(id, unit, {
        ...coded('pro'),
        annotator: id === ids[5] ? 'Bernd' : 'Anna',
      })
    }
    const result = await exportProject(repo, {
      format: 'jsonl',
      out: join(dir, 'coded.jsonl'),
      onlyAnnotated: true,
      annotator: 'Anna',
      split: { ...fractions, seed: 2 },
    })
    expect(result.warnings).toEqual([])
    expect(result.files.map((f) => [f.path.slice(dir.length + 1), f.counts])).toEqual([
      ['coded.jsonl', { lines: 5, documents: 5 }],
      ['coded.train.jsonl', { lines: 3, documents: 3 }],
      ['coded.dev.jsonl', { lines: 1, documents: 1 }],
      ['coded.test.jsonl', { lines: 1, documents: 1 }],
    ])
  })

  it('writes train, dev and test files beside the full file, whole documents in one split each', async () => {
    await exportProject(repo, {
      format: 'jsonl',
      out: join(dir, 'data.jsonl'),
      split: { ...fractions, seed: 3 },
    })
    expect((await readdir(dir)).sort()).toEqual([
      'data.dev.jsonl',
      'data.jsonl',
      'data.test.jsonl',
      'data.train.jsonl',
      'project',
    ])
    const read = async (name: string) =>
      (await readFile(join(dir, name), 'utf8'))
        .trimEnd()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { document_id: string; split: string })
    const all = await read('data.jsonl')
    expect(all).toHaveLength(40)
    const seen = new Map<string, string>()
    for (const split of ['train', 'dev', 'test']) {
      const lines = await read(`data.${split}.jsonl`)
      for (const line of lines) {
        expect(line.split).toBe(split)
        expect(seen.get(line.document_id) ?? split).toBe(split)
        seen.set(line.document_id, split)
      }
    }
    expect(seen.size).toBe(20)
    for (const line of all) expect(line.split).toBe(seen.get(line.document_id))
    expect([...seen.values()].filter((s) => s === 'train')).toHaveLength(16)
  })

  it('writes the same split for the same seed, a split column in the CSV, and into a chosen folder', async () => {
    const first = await exportProject(repo, {
      format: 'csv-sentences',
      out: join(dir, 'a.csv'),
      split: { ...fractions, seed: 5 },
    })
    await exportProject(repo, {
      format: 'csv-sentences',
      out: join(dir, 'b.csv'),
      split: { ...fractions, seed: 5 },
    })
    expect(await readFile(join(dir, 'a.test.csv'), 'utf8')).toBe(
      await readFile(join(dir, 'b.test.csv'), 'utf8'),
    )
    expect(first.files.map((f) => f.counts.rows)).toEqual([40, 32, 4, 4])
    const rows = Papa.parse<Record<string, string>>(await readFile(join(dir, 'a.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data
    expect(new Set(rows.map((r) => r.split))).toEqual(new Set(['train', 'dev', 'test']))
    // The app asks for a folder when the export is split: the files go in under their usual names.
    await mkdir(join(dir, 'chosen'))
    await exportProject(
      repo,
      { format: 'jsonl', split: { ...fractions, seed: 5 } },
      join(dir, 'chosen'),
    )
    expect((await readdir(join(dir, 'chosen'))).sort()).toEqual([
      'sentences.dev.jsonl',
      'sentences.jsonl',
      'sentences.test.jsonl',
      'sentences.train.jsonl',
    ])
  })
})
