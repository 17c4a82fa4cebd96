import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SentenceAnnotation } from '../../electron/contract/model'
import { buildDocument } from '../../electron/core/corpus/document'
import { exportProject } from '../../electron/core/export/exporter'
import { JSONL_COLUMNS } from '../../electron/core/export/jsonl'
import {
  openLowdbRepository,
  type LowdbProjectRepository,
} from '../../electron/core/storage/lowdbRepository'
import { smallCodebook, tempDir } from './helpers'

function coded(stance: string, annotator = 'Anna', actors: string[] = []): SentenceAnnotation {
  return {
    statements: [
      { id: 's1', values: { stance: [stance], ...(actors.length ? { actor: actors } : {}) } },
    ],
    uncertain: false,
    note: '',
    annotator,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    codebookVersion: 1,
  }
}

/** Two documents: one with a heading, one with free metadata; three annotations by two people. */
async function smallProject(dir: string): Promise<LowdbProjectRepository> {
  const repo = await openLowdbRepository(dir, {
    create: { name: 'Klein', codebook: smallCodebook },
  })
  const a = buildDocument({
    id: 'a',
    text: 'Gipfel in Hanoi\n\nTrump traf Kim. Das Treffen endete früh. Beide reisten ab.',
    meta: { title: 'Gipfel', source: 'Spiegel Online', extra: { Ressort: 'Politik' } },
  })
  const b = buildDocument({
    id: 'b',
    text: 'Ein anderer Text. Mit zwei Sätzen.',
    meta: { title: 'Anderes', source: 'taz' },
  })
  await repo.addDocument(a)
  await repo.addDocument(b)
  const sentences = a.units.filter((u) => u.kind === 'sentence')
  await repo.putAnnotation('a', sentences[0].id, coded('pro', 'Anna', ['trump', 'kim']))
  await repo.putAnnotation('a', sentences[1].id, coded('contra', 'Bernd'))
  await repo.putAnnotation('b', b.units[1].id, coded('pro', 'Bernd'))
  return repo
}

async function readLines(file: string): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(file, 'utf8')
  return text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
}

function typeOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v
}

let dir: string
let cleanup: () => Promise<void>
let repo: LowdbProjectRepository
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('export-jsonl-'))
  repo = await smallProject(join(dir, 'project'))
})
afterEach(async () => {
  await repo.close()
  await cleanup()
})

describe('the JSONL export', () => {
  it('writes lines a data frame reads as a table: same keys, consistent types, UTF-8, \\n', async () => {
    const out = join(dir, 'out.jsonl')
    const result = await exportProject(repo, { format: 'jsonl', out })
    const bytes = await readFile(out)
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text).not.toMatch(/\r/)
    expect(text).not.toMatch(/NaN|Infinity/)
    expect(text.endsWith('\n')).toBe(true)
    const lines = await readLines(out)
    expect(lines).toHaveLength(6)
    expect(result.files).toEqual([
      { path: out, format: 'jsonl', bytes: bytes.length, counts: { lines: 6, documents: 2 } },
    ])
    // Every column has one type, or that type and null.
    for (const key of JSONL_COLUMNS) {
      const types = new Set(lines.map((l) => typeOf(l[key])))
      types.delete('null')
      expect(types.size, key).toBeLessThanOrEqual(1)
    }
    for (const line of lines) expect(Object.keys(line)).toEqual([...JSONL_COLUMNS])
    // Nested objects have fixed keys too: every dimension in every statement.
    for (const line of lines) {
      expect(Object.keys(line.document_meta as object)).toEqual([
        'title',
        'source',
        'author',
        'date',
        'url',
        'genre',
        'extra',
      ])
      for (const s of line.statements as Array<Record<string, Record<string, unknown>>>)
        for (const part of ['label_ids', 'label_names', 'provenance'])
          expect(Object.keys(s[part])).toEqual(['stance', 'actor'])
    }
  })

  it('carries document, unit and annotation fields, with label names beside the ids', async () => {
    const out = join(dir, 'out.jsonl')
    await exportProject(repo, { format: 'jsonl', out })
    const lines = await readLines(out)
    const doc = await repo.getDocument('a')
    expect(lines[0]).toMatchObject({
      document_id: 'a',
      document_meta: {
        title: 'Gipfel',
        source: 'Spiegel Online',
        extra: [{ key: 'Ressort', value: 'Politik' }],
        url: null,
      },
      document_units: 4,
      sentence_id: doc.units[0].id,
      index: 0,
      kind: 'heading',
      text: 'Gipfel in Hanoi',
      annotated: false,
      statements: [],
      annotator: null,
      note: null,
    })
    expect(lines[1]).toMatchObject({
      index: 1,
      kind: 'sentence',
      text_before: '\n\n',
      text: 'Trump traf Kim.',
      start: doc.units[1].start,
      end: doc.units[1].end,
      annotated: true,
      annotator: 'Anna',
      codebook_version: 1,
      uncertain: false,
      statements: [
        {
          statement_id: 's1',
          label_ids: { stance: ['pro'], actor: ['trump', 'kim'] },
          label_names: { stance: ['pro'], actor: ['Trump', 'Kim'] },
          provenance: { stance: [null], actor: [null, null] },
        },
      ],
    })
    const text = lines
      .filter((l) => l.document_id === 'a')
      .map((l) => `${l.text_before}${l.text}${l.text_after}`)
      .join('')
    expect(text).toBe(doc.text)
  })

  it('counts a sentence as coded the way the codebook does: the required stance, or marked done', async () => {
    await repo.setCodebook({
      ...smallCodebook,
      dimensions: smallCodebook.dimensions.map((d) => ({ ...d, required: d.id === 'stance' })),
    })
    const b = await repo.getDocument('b')
    const actorOnly = { ...coded('pro'), statements: [{ id: 's1', values: { actor: ['kim'] } }] }
    await repo.putAnnotation('b', b.units[0].id, actorOnly)
    const out = join(dir, 'coded.jsonl')
    const result = await exportProject(repo, { format: 'jsonl', out, onlyAnnotated: true })
    // The sentence with an actor but no stance is not coded yet, as the app's progress says.
    expect((await readLines(out)).map((l) => [l.text, l.annotated])).toEqual([
      ['Trump traf Kim.', true],
      ['Das Treffen endete früh.', true],
      ['Mit zwei Sätzen.', true],
    ])
    expect(result).toMatchObject({ units: 3, annotated: 3 })
    await repo.putAnnotation('b', b.units[0].id, { ...actorOnly, done: true })
    const all = await exportProject(repo, { format: 'jsonl', out })
    expect(all.annotated).toBe(4)
    expect((await readLines(out)).find((l) => l.text === 'Ein anderer Text.')?.annotated).toBe(true)
  })

  it('leaves out headings, unannotated sentences and other annotators on request', async () => {
    const out = join(dir, 'out.jsonl')
    await exportProject(repo, { format: 'jsonl', out, includeNonSentences: false })
    expect((await readLines(out)).map((l) => l.kind)).toEqual(Array(5).fill('sentence'))
    await exportProject(repo, { format: 'jsonl', out, onlyAnnotated: true })
    expect((await readLines(out)).map((l) => l.text)).toEqual([
      'Trump traf Kim.',
      'Das Treffen endete früh.',
      'Mit zwei Sätzen.',
    ])
    const result = await exportProject(repo, {
      format: 'jsonl',
      out,
      onlyAnnotated: true,
      annotator: 'Bernd',
    })
    expect((await readLines(out)).map((l) => l.annotator)).toEqual(['Bernd', 'Bernd'])
    expect(result).toMatchObject({ documents: 2, units: 2, annotated: 2 })
    // Without onlyAnnotated, another annotator's sentence is there, but unannotated.
    await exportProject(repo, { format: 'jsonl', out, annotator: 'Bernd' })
    expect((await readLines(out))[1]).toMatchObject({
      text: 'Trump traf Kim.',
      annotated: false,
      statements: [],
    })
  })

  it('chooses documents by id or by a metadata substring, and refuses unknown ids', async () => {
    const out = join(dir, 'out.jsonl')
    await exportProject(repo, { format: 'jsonl', out, documents: { ids: ['b'] } })
    expect(new Set((await readLines(out)).map((l) => l.document_id))).toEqual(new Set(['b']))
    await exportProject(repo, {
      format: 'jsonl',
      out,
      documents: { meta: { field: 'source', value: 'SPIEGEL' } },
    })
    expect(new Set((await readLines(out)).map((l) => l.document_id))).toEqual(new Set(['a']))
    await exportProject(repo, {
      format: 'jsonl',
      out,
      documents: { meta: { field: 'Ressort', value: 'polit' } },
    })
    expect(new Set((await readLines(out)).map((l) => l.document_id))).toEqual(new Set(['a']))
    await expect(
      exportProject(repo, { format: 'jsonl', out, documents: { ids: ['a', 'nope'] } }),
    ).rejects.toThrow('There is no document "nope" in this project.')
  })

  it('reports progress once per document, and refuses bad options clearly', async () => {
    const progress: Array<{ done: number; total: number }> = []
    await exportProject(
      repo,
      { format: 'jsonl', out: join(dir, 'out.jsonl') },
      { onProgress: (p) => progress.push(p) },
    )
    expect(progress).toEqual([
      { done: 0, total: 2 },
      { done: 1, total: 2 },
      { done: 2, total: 2 },
    ])
    const bad = {
      format: 'jsonl' as const,
      out: join(dir, 'x.jsonl'),
      split: { train: 0.5, dev: 0.1, test: 0.1, seed: 1 },
    }
    await expect(exportProject(repo, bad)).rejects.toThrow(
      'Invalid export option split: the split fractions must add up to 1',
    )
    await expect(
      exportProject(repo, { format: 'xml' as 'jsonl', out: join(dir, 'x') }),
    ).rejects.toThrow(/the format is one of jsonl/)
  })

  it('takes the target as a separate argument, as the app passes it', async () => {
    const out = join(dir, 'app.jsonl')
    const result = await exportProject(repo, { format: 'jsonl', onlyAnnotated: true }, out, {})
    expect(result.path).toBe(out)
    expect(await readLines(out)).toHaveLength(3)
  })
})
