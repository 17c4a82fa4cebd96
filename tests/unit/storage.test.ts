import { readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SentenceAnnotation } from '../../electron/contract/model'
import { DamagedFileError } from '../../electron/core/storage/durableFile'
import { NotAProjectError, openLowdbRepository } from '../../electron/core/storage/lowdbRepository'
import { readJsonFromDisk, sampleDocument, smallCodebook, tempDir } from './helpers'

function annotation(stance: string): SentenceAnnotation {
  const now = '2026-01-01T00:00:00.000Z'
  return {
    statements: [{ id: 's1', values: { stance: [stance] } }],
    uncertain: false,
    note: '',
    annotator: 'A',
    createdAt: now,
    updatedAt: now,
    codebookVersion: 1,
  }
}

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const create = { create: { name: 'Test', codebook: smallCodebook } }

describe('the lowdb project repository', () => {
  it('creates a project folder whose files are real JSON on disk', async () => {
    const repo = await openLowdbRepository(dir, create)
    const doc = sampleDocument()
    await repo.addDocument(doc)
    await repo.putAnnotation(doc.id, doc.units[1].id, annotation('contra'))
    // No close(): an acknowledged write must already be on disk.
    const onDisk = await readJsonFromDisk<{ annotations: Record<string, SentenceAnnotation> }>(
      join(dir, 'annotations', 'solo', `${doc.id}.json`),
    )
    expect(onDisk.annotations[doc.units[1].id].statements[0].values.stance).toEqual(['contra'])
    const project = await readJsonFromDisk<{ schemaVersion: number; codebook: unknown }>(
      join(dir, 'project.json'),
    )
    expect(project.schemaVersion).toBe(2)
    // The codebook is its first immutable version, written by the coder who created the project.
    const version = await readJsonFromDisk<{ codebook: unknown; parents: string[] }>(
      join(dir, 'codebook', '0001-solo.json'),
    )
    expect(version).toMatchObject({ codebook: smallCodebook, parents: [], coder: 'solo' })
    expect(
      (
        await readJsonFromDisk<{ document: { text: string } }>(
          join(dir, 'documents', `${doc.id}.json`),
        )
      ).document.text,
    ).toBe(doc.text)
    await repo.close()
  })

  it('reopens with documents, annotations and counts intact', async () => {
    const repo = await openLowdbRepository(dir, create)
    const doc = sampleDocument()
    await repo.addDocument(doc)
    await repo.putAnnotation(doc.id, doc.units[0].id, annotation('pro'))
    await repo.close()
    const again = await openLowdbRepository(dir)
    expect(again.listDocuments()).toEqual([
      { id: doc.id, meta: doc.meta, sentenceCount: 3, annotatedCount: 1, labelCounts: { pro: 1 } },
    ])
    expect(
      (await again.getAnnotations(doc.id))[doc.units[0].id].statements[0].values.stance,
    ).toEqual(['pro'])
    await again.close()
  })

  it('recounts progress after a crash that left the index stale', async () => {
    const repo = await openLowdbRepository(dir, create)
    const doc = sampleDocument()
    await repo.addDocument(doc)
    await repo.close()
    const crashed = await openLowdbRepository(dir, { lock: false })
    await crashed.putAnnotation(doc.id, doc.units[0].id, annotation('pro'))
    await crashed.putAnnotation(doc.id, doc.units[2].id, annotation('contra'))
    // Simulate a kill: the index was not flushed, but the dirty mark was written before the change.
    expect(await readFile(join(dir, 'local', 'index.dirty'), 'utf8')).toContain(doc.id)
    const reopened = await openLowdbRepository(dir)
    expect(reopened.listDocuments()[0].annotatedCount).toBe(2)
    await reopened.close()
    await expect(stat(join(dir, 'local', 'index.dirty'))).rejects.toThrow()
  })

  it('rebuilds a missing or garbage index from the documents', async () => {
    const repo = await openLowdbRepository(dir, create)
    await repo.addDocument(sampleDocument('a'))
    await repo.addDocument(sampleDocument('b', 'Ein anderer Text. Mit zwei Sätzen.'))
    await repo.close()
    await writeFile(join(dir, 'local', 'index.json'), '{"schemaVersion":1,"documents":[{"id":')
    await rm(join(dir, 'local', 'index.json.bak'), { force: true })
    const again = await openLowdbRepository(dir)
    expect(again.listDocuments().map((d) => d.id)).toEqual(['a', 'b'])
    await again.close()
  })

  it('restores a truncated layer file from its backup and says so', async () => {
    // project.json, documents and codebook versions are written once; a coder's layer is the
    // file rewritten on every change, and the one a power cut can catch half written.
    const repo = await openLowdbRepository(dir, create)
    const doc = sampleDocument()
    await repo.addDocument(doc)
    await repo.putAnnotation(doc.id, doc.units[0].id, annotation('pro'))
    await repo.putAnnotation(doc.id, doc.units[1].id, annotation('contra'))
    await repo.close()
    const file = join(dir, 'annotations', 'solo', `${doc.id}.json`)
    await truncate(file, 10)
    const again = await openLowdbRepository(dir)
    const restored = await again.getAnnotations(doc.id)
    // The backup is the state before the last write.
    expect(Object.keys(restored)).toEqual([doc.units[0].id])
    expect(again.notices).toHaveLength(1)
    expect(again.notices[0].message).toMatchObject({
      code: 'storage.recovered',
      params: { file, from: { code: 'storage.from.backup' } },
    })
    await again.close()
  })

  it('refuses a damaged annotation file without a backup with a clear error, leaving it for rescue', async () => {
    const repo = await openLowdbRepository(dir, create)
    const doc = sampleDocument()
    await repo.addDocument(doc)
    await repo.close()
    const file = join(dir, 'annotations', 'solo', `${doc.id}.json`)
    await writeFile(file, '\u0000\u0001garbage')
    await rm(`${file}.bak`, { force: true })
    // The project opens (other documents stay workable); this document's annotations are refused.
    const again = await openLowdbRepository(dir)
    const error = await again.getAnnotations(doc.id).catch((e) => e)
    expect(error).toBeInstanceOf(DamagedFileError)
    expect((error as Error).message).toMatch(
      /is damaged and has no usable backup: the file is not valid JSON/,
    )
    await expect(again.putAnnotation(doc.id, doc.units[0].id, annotation('pro'))).rejects.toThrow(
      DamagedFileError,
    )
    expect(await readFile(file, 'utf8')).toBe('\u0000\u0001garbage')
    await again.close()
  })

  it('refuses a project written by a newer version of the app', async () => {
    const repo = await openLowdbRepository(dir, create)
    await repo.close()
    const project = await readJsonFromDisk(join(dir, 'project.json'))
    await writeFile(join(dir, 'project.json'), JSON.stringify({ ...project, schemaVersion: 99 }))
    await rm(join(dir, 'project.json.bak'), { force: true })
    await expect(openLowdbRepository(dir)).rejects.toThrow(/newer version of the app \(schema 99/)
  })

  it('never turns a folder without project.json into a project unless asked', async () => {
    await writeFile(join(dir, 'notes.txt'), 'mine')
    await expect(openLowdbRepository(dir)).rejects.toBeInstanceOf(NotAProjectError)
    expect(await readdir(dir)).toEqual(['notes.txt'])
  })

  it('refuses duplicates by content hash and removes documents completely', async () => {
    const repo = await openLowdbRepository(dir, create)
    const doc = sampleDocument()
    await repo.addDocument(doc)
    expect(repo.findByContentHash(doc.contentHash)).toBe(doc.id)
    await expect(repo.addDocument(doc)).rejects.toThrow(/already exists/)
    await repo.removeDocument(doc.id)
    expect(repo.listDocuments()).toEqual([])
    expect(await readdir(join(dir, 'documents'))).toEqual([])
    await repo.close()
  })
})

describe('counts under concurrent writes', () => {
  it('keeps progress and label counts exact when writes to one document overlap', async () => {
    const repo = await openLowdbRepository(dir, create)
    const doc = sampleDocument()
    await repo.addDocument(doc)
    // Not awaited one by one: the writes overlap, as quick key presses do.
    await Promise.all([
      repo.putAnnotation(doc.id, doc.units[0].id, annotation('pro')),
      repo.putAnnotation(doc.id, doc.units[1].id, annotation('contra')),
      repo.putAnnotation(doc.id, doc.units[2].id, annotation('contra')),
      repo.putAnnotation(doc.id, doc.units[0].id, annotation('contra')),
    ])
    expect(repo.listDocuments()[0]).toMatchObject({ annotatedCount: 3, labelCounts: { contra: 3 } })
    await repo.close()
  })
})

describe('first writes to a document not loaded yet', () => {
  it('share one load and land in order, without clashing on the temporary file', async () => {
    const first = await openLowdbRepository(dir, create)
    const doc = sampleDocument()
    await first.addDocument(doc)
    await first.close()
    const repo = await openLowdbRepository(dir)
    await Promise.all([
      repo.putAnnotation(doc.id, doc.units[0].id, annotation('pro')),
      repo.putAnnotation(doc.id, doc.units[1].id, annotation('contra')),
      repo.putAnnotation(doc.id, doc.units[2].id, annotation('pro')),
    ])
    const onDisk = await readJsonFromDisk<{ annotations: Record<string, unknown> }>(
      join(dir, 'annotations', 'solo', `${doc.id}.json`),
    )
    expect(Object.keys(onDisk.annotations).sort()).toEqual(doc.units.map((u) => u.id).sort())
    await repo.close()
  })
})
