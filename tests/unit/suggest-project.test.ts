import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SentenceAnnotation } from '../../electron/contract/model'
import { buildDocument } from '../../electron/core/corpus/document'
import { openLowdbRepository } from '../../electron/core/storage/lowdbRepository'
import { REPO, smallCodebook, tempDir } from './helpers'

function cli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'electron/cli.ts'), ...args], {
    cwd: REPO,
    encoding: 'utf8',
  })
}

function coded(values: Record<string, string[]>): SentenceAnnotation {
  return {
    statements: [{ id: 's1', values }],
    uncertain: false,
    note: '',
    annotator: 'Anna',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    codebookVersion: 1,
  }
}

const PRO = ['lobt', 'begrüßt', 'feiert', 'unterstützt']
const CONTRA = ['kritisiert', 'verurteilt', 'bemängelt', 'verspottet']
const WHO = ['Trump', 'Kim', 'Der Minister', 'Die Presse', 'Seoul']

/** One article of 40 sentences, pro and contra in turn; the first `codedCount` are coded. */
async function project(dir: string, codedCount: number): Promise<string[]> {
  const repo = await openLowdbRepository(dir, {
    create: { name: 'Gipfel', codebook: smallCodebook },
  })
  const sentences = Array.from({ length: 40 }, (_, i) => {
    const verbs = i % 2 === 0 ? PRO : CONTRA
    return `${WHO[i % 5]} ${verbs[(i >> 1) % 4]} das Treffen in Hanoi am ${1 + (i % 27)}. Februar.`
  })
  const doc = buildDocument({ id: 'gipfel', text: sentences.join(' '), meta: { title: 'Gipfel' } })
  await repo.addDocument(doc)
  const units = doc.units.filter((u) => u.kind === 'sentence')
  expect(units).toHaveLength(40)
  await repo.putAnnotations(
    'gipfel',
    units
      .slice(0, codedCount)
      .map((u, i) => [u.id, coded({ stance: [i % 2 === 0 ? 'pro' : 'contra'] })]),
  )
  await repo.close()
  return units.map((u) => u.id)
}

describe('model predict', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => ({ dir, cleanup } = await tempDir('suggest-project-')))
  afterEach(() => cleanup())

  it('writes a marked prediction with probabilities for every uncoded sentence', async () => {
    const ids = await project(join(dir, 'p'), 30)
    const out = join(dir, 'predictions.jsonl')
    const r = cli([
      'model',
      'predict',
      '--project',
      join(dir, 'p'),
      '--dimension',
      'stance',
      '--out',
      out,
      '--json',
    ])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ predictions: 10, trained_on: 30 })
    const lines = (await readFile(out, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => l.sentence_id)).toEqual(ids.slice(30))
    lines.forEach((l, i) => {
      expect(l.prediction).toBe(true)
      expect(l.dimension).toBe('stance')
      // the held-out sentences alternate pro, contra like the coded ones
      expect(l.predicted_label_names).toEqual([(30 + i) % 2 === 0 ? 'pro' : 'contra'])
      const total = l.probabilities.reduce(
        (s: number, p: { probability: number }) => s + p.probability,
        0,
      )
      expect(total).toBeCloseTo(1, 9)
      expect(l.probabilities[0].label_id).toBe(l.predicted_label_ids[0])
    })
  })

  it('refuses before enough sentences are coded, saying how many there are, and writes nothing', async () => {
    await project(join(dir, 'p'), 8)
    const out = join(dir, 'predictions.jsonl')
    const r = cli([
      'model',
      'predict',
      '--project',
      join(dir, 'p'),
      '--dimension',
      'stance',
      '--out',
      out,
    ])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(
      'Suggestions for "Stance" start at 20 coded sentences in at least two labels; 8 are coded so far.',
    )
    expect(existsSync(out)).toBe(false)
  })

  it('names the dimensions there are when asked for one that is not', async () => {
    await project(join(dir, 'p'), 30)
    const r = cli([
      'model',
      'predict',
      '--project',
      join(dir, 'p'),
      '--dimension',
      'topic',
      '--out',
      join(dir, 'x.jsonl'),
    ])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('The codebook has no dimension "topic" (it has: stance, actor).')
  })
})

describe('model quality', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => ({ dir, cleanup } = await tempDir('suggest-quality-')))
  afterEach(() => cleanup())

  it('reports cross-validated figures by label name and a learning curve', async () => {
    await project(join(dir, 'p'), 40)
    const r = cli(['model', 'quality', '--project', join(dir, 'p'), '--dimension', 'Stance'])
    expect(r.stderr).toBe('')
    const q = JSON.parse(r.stdout)
    expect(q).toMatchObject({ dimension: 'stance', coded: 40, folds: 5 })
    expect(Object.keys(q.per_label).sort()).toEqual(['contra', 'pro'])
    expect(q.per_label.pro.support).toBe(20)
    expect(q.macro_f1).toBeGreaterThan(0.9)
    expect(q.learning_curve.map((c: { coded: number }) => c.coded)).toEqual([10, 20, 32])
  })
})

describe('model evaluate on the JSONL export', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => ({ dir, cleanup } = await tempDir('suggest-export-')))
  afterEach(() => cleanup())

  it('reads the labels of the dimension named by --dimension', async () => {
    await project(join(dir, 'p'), 40)
    const file = join(dir, 'all.jsonl')
    const exported = cli([
      'export',
      '--project',
      join(dir, 'p'),
      '--format',
      'jsonl',
      '--out',
      file,
    ])
    expect(exported.status, exported.stderr).toBe(0)
    const r = cli([
      'model',
      'evaluate',
      '--train',
      file,
      '--test',
      file,
      '--dimension',
      'stance',
      '--json',
    ])
    expect(r.stderr).toBe('')
    const result = JSON.parse(r.stdout)
    expect(result.train_size).toBe(40)
    expect(Object.keys(result.per_label).sort()).toEqual(['contra', 'pro'])
    expect(result.macro_f1).toBe(1)
    for (const key of ['macro_f1', 'accuracy', 'per_label', 'train_s', 'predict_s'])
      expect(result).toHaveProperty(key)
  })
})
