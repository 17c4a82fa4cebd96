/**
 * A project of the single-annotator layout (schema 1) becomes a team project on its first open:
 * every annotation lands in the layer of its annotator, nothing is lost.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SentenceAnnotation } from '../../electron/contract/model'
import { formatMessage } from '../../electron/contract/messages'
import { openLowdbRepository } from '../../electron/core/storage/lowdbRepository'
import { readJsonFromDisk, sampleDocument, smallCodebook, tempDir } from './helpers'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const doc = sampleDocument()
const labelled = (annotator: string, stance: string): SentenceAnnotation => ({
  statements: [{ id: 's1', values: { stance: [stance] } }],
  uncertain: false,
  note: 'eine Notiz',
  annotator,
  createdAt: '2025-01-01T10:00:00.000Z',
  updatedAt: '2025-01-02T10:00:00.000Z',
  codebookVersion: 1,
})

/** A project folder exactly as the app wrote it before team projects. */
async function writeSchemaOneProject(annotator: string): Promise<void> {
  const json = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`
  await mkdir(join(dir, 'documents'), { recursive: true })
  await mkdir(join(dir, 'annotations'), { recursive: true })
  await writeFile(
    join(dir, 'project.json'),
    json({
      schemaVersion: 1,
      name: 'Gipfel',
      createdAt: '2025-01-01T09:00:00.000Z',
      codebook: smallCodebook,
    }),
  )
  await writeFile(
    join(dir, 'documents', `${doc.id}.json`),
    json({ schemaVersion: 1, document: { ...doc, importedAt: '2025-01-01T09:30:00.000Z' } }),
  )
  await writeFile(
    join(dir, 'annotations', `${doc.id}.json`),
    json({
      schemaVersion: 1,
      documentId: doc.id,
      annotations: {
        [doc.units[0].id]: labelled(annotator, 'pro'),
        [doc.units[2].id]: labelled(annotator, 'contra'),
      },
    }),
  )
  await writeFile(join(dir, 'index.json'), json({ schemaVersion: 1, documents: [] }))
}

describe('the migration to the team layout', () => {
  it("makes the annotations the layer of the coder who opens the project, when they are that coder's", async () => {
    await writeSchemaOneProject('Ana')
    const repo = await openLowdbRepository(dir, { coder: 'cana00000001', coderName: 'Ana' })
    const annotations = await repo.getAnnotations(doc.id)
    expect(Object.keys(annotations).sort()).toEqual([doc.units[0].id, doc.units[2].id].sort())
    expect(annotations[doc.units[0].id]).toEqual({
      ...labelled('Ana', 'pro'),
      coder: 'cana00000001',
    })
    expect(repo.getCodebook()).toEqual(smallCodebook)
    expect((await repo.getDocument(doc.id)).importedAt).toBe('2025-01-01T09:30:00.000Z')
    expect(repo.listDocuments()[0]).toMatchObject({ id: doc.id, annotatedCount: 2 })
    expect(repo.notices.map((n) => formatMessage(n.message))).toEqual([
      'The project now has the team layout: 2 annotations became the layer of Ana.',
    ])
    await repo.close()

    // On disk: the team layout, and nothing of the old one.
    expect((await readJsonFromDisk(join(dir, 'project.json'))).codebook).toBeUndefined()
    expect((await readJsonFromDisk(join(dir, 'project.json'))).schemaVersion).toBe(2)
    expect(await readdir(join(dir, 'annotations'))).toEqual(['cana00000001'])
    expect(await readdir(join(dir, 'codebook'))).toEqual(['0001-cana00000001.json'])
    const shared = await readJsonFromDisk<{ document: Record<string, unknown> }>(
      join(dir, 'documents', `${doc.id}.json`),
    )
    expect(shared.document.importedAt).toBeUndefined()
    expect(shared.document.text).toBe(doc.text)
    expect((await readdir(dir)).sort()).toEqual(
      [
        '.gitignore',
        '.stignore',
        'annotations',
        'codebook',
        'documents',
        'local',
        'project.json',
      ].sort(),
    )

    // A second open finds nothing to migrate and says nothing.
    const again = await openLowdbRepository(dir, { coder: 'cana00000001', coderName: 'Ana' })
    expect(again.notices).toEqual([])
    expect(Object.keys(await again.getAnnotations(doc.id))).toHaveLength(2)
    await again.close()
  })

  it('gives the annotations of someone else a coder of their own, shown beside the opener', async () => {
    await writeSchemaOneProject('Ben')
    const repo = await openLowdbRepository(dir, { coder: 'cana00000001', coderName: 'Ana' })
    expect(await repo.getAnnotations(doc.id)).toEqual({})
    await repo.close()
    const layers = (await readdir(join(dir, 'annotations'))).filter((c) => c !== 'cana00000001')
    expect(layers).toHaveLength(1)
    const [ben] = layers
    const layer = await readJsonFromDisk<{ coder: string; annotations: Record<string, unknown> }>(
      join(dir, 'annotations', ben, `${doc.id}.json`),
    )
    expect(layer.coder).toBe(ben)
    expect(layer.annotations[doc.units[2].id]).toEqual({ ...labelled('Ben', 'contra'), coder: ben })
    expect(await readJsonFromDisk(join(dir, 'coders', `${ben}.json`))).toEqual({
      schemaVersion: 1,
      id: ben,
      name: 'Ben',
    })
  })
})
