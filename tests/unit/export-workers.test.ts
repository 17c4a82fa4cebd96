import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SentenceAnnotation } from '../../electron/contract/model'
import { buildDocument } from '../../electron/core/corpus/document'
import { exportProject, type ExportRun } from '../../electron/core/export/exporter'
import { resolveExportOptions, type ExportOptionsInput } from '../../electron/core/export/options'
import { DimensionCatalog } from '../../electron/core/export/rows'
import { startWorkers, stopWorkers } from '../../electron/core/export/workerPool'
import {
  openLowdbRepository,
  type LowdbProjectRepository,
} from '../../electron/core/storage/lowdbRepository'
import { smallCodebook, tempDir } from './helpers'

function coded(values: Record<string, string[]>): SentenceAnnotation {
  return {
    statements: [{ id: 's1', values }],
    uncertain: false,
    note: 'ä „Zitat“ \u2028',
    annotator: 'Anna',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    codebookVersion: 1,
  }
}

let dir: string
let cleanup: () => Promise<void>
let repo: LowdbProjectRepository
const project = () => join(dir, 'project')
/** More documents than two workers' batches, so every worker gets several. */
const IDS = Array.from({ length: 150 }, (_, i) => `doc-${String(i).padStart(3, '0')}`)

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('export-workers-'))
  repo = await openLowdbRepository(project(), {
    create: { name: 'Workers', codebook: smallCodebook },
  })
  const labels = smallCodebook.dimensions[0]
  for (const [i, id] of IDS.entries()) {
    const document = buildDocument({
      id,
      text: `Überschrift ${i}\n\nDer erste Satz über „${id}“ ist kurz. Der zweite Satz ist auch kurz.`,
      meta: { title: `Titel ${i}`, extra: { ressort: 'Politik' } },
    })
    await repo.addDocument(document)
    if (i % 3 === 0)
      await repo.putAnnotation(
        id,
        document.units[1].id,
        coded({ [labels.id]: [labels.labels[0].id] }),
      )
  }
  // A fresh open: nothing held in memory, so the workers read every document.
  await repo.close()
  repo = await openLowdbRepository(project())
})
afterEach(async () => {
  await repo.close()
  await cleanup()
})

async function exportBoth(input: ExportOptionsInput, name: string) {
  const files = async (run: ExportRun, folder: string) => {
    const out = join(dir, folder, name)
    await rm(join(dir, folder), { recursive: true, force: true })
    await mkdir(join(dir, folder))
    const result = await exportProject(repo, { ...input, out }, run)
    const names = (await readdir(join(dir, folder))).sort()
    const contents = await Promise.all(names.map((n) => readFile(join(dir, folder, n))))
    return { result, names, contents }
  }
  const single = await files({ workers: 0 }, 'single')
  const progress: number[] = []
  const threaded = await files({ workers: 2, onProgress: (p) => progress.push(p.done) }, 'workers')
  return { single, threaded, progress }
}

describe('an export with worker threads', () => {
  it('starts its workers from the TypeScript source', async () => {
    const options = resolveExportOptions(
      { format: 'jsonl', out: join(dir, 'x.jsonl') },
      repo.getCodebook(),
    )
    const dimensions = new DimensionCatalog(repo.getCodebook()).dimensions
    const setup = {
      dir: project(),
      coder: repo.coder,
      columns: { dimensions, metaKeys: [] },
      options,
      formats: [],
      labelsMatter: false,
      metaMatters: false,
    }
    const workers = await startWorkers(2, { ...setup, formats: ['jsonl' as const] })
    expect(workers).toHaveLength(2)
    await stopWorkers(workers ?? [])
  })

  for (const [name, input] of [
    ['data.jsonl', { format: 'jsonl' }],
    ['data.csv', { format: 'csv-sentences', oneHot: true, bom: true }],
    ['statements.csv', { format: 'csv-statements', onlyAnnotated: true }],
    ['split.jsonl', { format: 'jsonl', split: { train: 0.6, dev: 0.2, test: 0.2, seed: 7 } }],
  ] as Array<[string, ExportOptionsInput]>)
    it(`writes the same bytes as one thread: ${input.format}${input.split ? ', split' : ''}`, async () => {
      const { single, threaded, progress } = await exportBoth(input, name)
      expect(threaded.names).toEqual(single.names)
      for (const [i, bytes] of threaded.contents.entries())
        expect(bytes.equals(single.contents[i]), threaded.names[i]).toBe(true)
      const result = (r: typeof single.result) => ({
        ...r,
        path: '',
        files: r.files.map((f) => ({ ...f, path: '' })),
      })
      expect(result(threaded.result)).toEqual(result(single.result))
      expect(progress.at(-1)).toBe(IDS.length)
    })

  it('reads a document held in memory on the main thread, with its latest annotation', async () => {
    const document = await repo.getDocument('doc-004')
    const labels = smallCodebook.dimensions[0]
    await repo.putAnnotation(
      'doc-004',
      document.units[2].id,
      coded({ [labels.id]: [labels.labels[1].id] }),
    )
    const { single, threaded } = await exportBoth({ format: 'jsonl' }, 'data.jsonl')
    expect(threaded.contents[0].equals(single.contents[0])).toBe(true)
    expect(threaded.contents[0].toString()).toContain(labels.labels[1].id)
  })

  it('names a damaged document file in a worker batch as one thread does, leaving nothing', async () => {
    await repo.close()
    const file = join(project(), 'documents', 'doc-070.json')
    await writeFile(file, '{"schemaVersion":1,"document":{"id":"doc-070","te')
    await rm(`${file}.bak`, { force: true })
    repo = await openLowdbRepository(project())
    const out = join(dir, 'data.jsonl')
    const error = await exportProject(repo, { format: 'jsonl', out }, { workers: 2 }).catch(
      (e: unknown) => e as Error,
    )
    expect((error as Error).message).toBe(
      `${file} is damaged and has no usable backup: the file is not valid JSON (truncated or overwritten)`,
    )
    expect(await readdir(dir)).toEqual(['project'])
  })

  it('exports on one thread when the workers cannot start', async () => {
    const out = join(dir, 'data.jsonl')
    const run = { workers: 2, workerScript: join(dir, 'missing-worker.js') }
    const result = await exportProject(repo, { format: 'jsonl', out }, run)
    expect(result.documents).toBe(IDS.length)
    const single = await exportProject(
      repo,
      { format: 'jsonl', out: join(dir, 'one.jsonl') },
      { workers: 0 },
    )
    expect(await readFile(out)).toEqual(await readFile(single.path))
  })

  it('stops when cancelled and leaves nothing behind', async () => {
    const controller = new AbortController()
    const out = join(dir, 'data.jsonl')
    const run = {
      workers: 2,
      signal: controller.signal,
      onProgress: (p: { done: number }) => p.done === 40 && controller.abort(),
    }
    const error = await exportProject(repo, { format: 'jsonl', out }, run).catch((e: Error) => e)
    expect((error as Error).name).toBe('AbortError')
    expect(await readdir(dir)).toEqual(['project'])
  })
})
