import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SentenceAnnotationInput } from '../../electron/contract/model'
import { noDialogs } from '../../electron/core/dialogs'
import { createHandlers, type Handlers } from '../../electron/core/handlers'
import { JobRunner } from '../../electron/core/jobs'
import { ProjectService } from '../../electron/core/project'
import { openSettings } from '../../electron/core/settings'
import {
  openLowdbRepository,
  type LowdbProjectRepository,
} from '../../electron/core/storage/lowdbRepository'
import { readJsonFromDisk, sampleDocument, smallCodebook, tempDir } from './helpers'

let dir: string
let cleanup: () => Promise<void>
let repo: LowdbProjectRepository
let service: ProjectService
let handlers: Handlers
const doc = sampleDocument()

function input(values: Record<string, string[]>): SentenceAnnotationInput {
  return { statements: [{ id: 's1', values }], uncertain: false, note: '' }
}

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  repo = await openLowdbRepository(join(dir, 'p'), {
    create: { name: 'T', codebook: smallCodebook },
  })
  await repo.addDocument(doc)
  const settings = await openSettings(join(dir, 'settings.json'))
  await settings.update({ annotator: 'Ana' })
  service = new ProjectService(repo, settings, () => new Date('2026-03-01T10:00:00Z'))
  handlers = createHandlers(service, { dialogs: noDialogs, jobs: new JobRunner(), log: () => {} })
})
afterEach(async () => {
  await repo.close()
  await cleanup()
})

const annotationsFile = () => join(dir, 'p', 'annotations', 'solo', `${doc.id}.json`)

describe('saving annotations', () => {
  it('stamps annotator, time and codebook version', async () => {
    const saved = await service.saveAnnotation(
      doc.id,
      doc.units[0].id,
      input({ stance: ['pro'], actor: ['trump', 'kim'] }),
    )
    expect(saved).toMatchObject({
      annotator: 'Ana',
      createdAt: '2026-03-01T10:00:00.000Z',
      codebookVersion: 1,
    })
    const onDisk = await readJsonFromDisk<{ annotations: Record<string, { statements: unknown }> }>(
      annotationsFile(),
    )
    expect(onDisk.annotations[doc.units[0].id].statements).toEqual([
      { id: 's1', values: { stance: ['pro'], actor: ['trump', 'kim'] } },
    ])
  })

  it('refuses two labels in a single-choice dimension, unknown labels and unknown sentences', async () => {
    await expect(
      service.saveAnnotation(doc.id, doc.units[0].id, input({ stance: ['pro', 'contra'] })),
    ).rejects.toThrow('"Stance" takes one label per statement.')
    await expect(
      service.saveAnnotation(doc.id, doc.units[0].id, input({ stance: ['maybe'] })),
    ).rejects.toThrow('"Stance" has no label "maybe".')
    await expect(
      service.saveAnnotation(doc.id, 'u0-1', input({ stance: ['pro'] })),
    ).rejects.toThrow(/does not exist/)
    expect(await repo.getAnnotations(doc.id)).toEqual({})
  })

  it('removes the annotation when nothing is left on the sentence', async () => {
    await service.saveAnnotation(doc.id, doc.units[0].id, input({ stance: ['pro'] }))
    expect(service.listDocuments()[0].annotatedCount).toBe(1)
    await service.saveAnnotation(doc.id, doc.units[0].id, input({}))
    expect(service.listDocuments()[0].annotatedCount).toBe(0)
    expect(
      (await readJsonFromDisk<{ annotations: object }>(annotationsFile())).annotations,
    ).toEqual({})
  })

  it('asks for an annotator before the first label', async () => {
    await service.setAnnotator('   ')
    await expect(
      service.saveAnnotation(doc.id, doc.units[0].id, input({ stance: ['pro'] })),
    ).rejects.toThrow(/annotator/)
  })
})

describe('the handler table', () => {
  it('refuses malformed arguments with a message and changes nothing', async () => {
    const cases: unknown[][] = [
      [],
      [doc.id],
      [doc.id, doc.units[0].id, { statements: 'nope', uncertain: false, note: '' }],
      ['../../etc/passwd', doc.units[0].id, null],
      [doc.id, doc.units[0].id, input({ stance: ['pro'] }), 'extra'],
      [doc.id, doc.units[0].id, { ...input({ stance: ['pro'] }), note: 'x'.repeat(200_000) }],
    ]
    for (const args of cases) {
      const result = await handlers.saveAnnotation(...args)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error).toMatch(/^Refused saveAnnotation: /)
    }
    expect(await repo.getAnnotations(doc.id)).toEqual({})
    expect(
      (await readJsonFromDisk<{ annotations: object }>(annotationsFile())).annotations,
    ).toEqual({})
  })

  it('returns domain errors as messages, not crashes', async () => {
    const result = await handlers.getDocument('no-such-doc')
    expect(result).toEqual({
      ok: false,
      error: 'There is no document "no-such-doc" in this project.',
      code: 'document.notFound',
      params: { documentId: 'no-such-doc' },
    })
  })

  it('serves the project info through the same table main registers', async () => {
    const result = await handlers.getProject()
    expect(result.ok && result.value).toMatchObject({
      name: 'T',
      annotator: 'Ana',
      documentCount: 1,
      sentenceCount: 3,
    })
  })
})

describe('order of writes', () => {
  it('lands overlapping saves of one sentence in the order they were made', async () => {
    const unit = doc.units[0].id
    const steps = [['pro'], ['contra'], ['pro'], ['contra'], ['pro'], ['contra'], ['pro']]
    await Promise.all(
      steps.map((stance) => service.saveAnnotation(doc.id, unit, input({ stance }))),
    )
    const onDisk = await readJsonFromDisk<{
      annotations: Record<string, { statements: Array<{ values: object }> }>
    }>(annotationsFile())
    expect(onDisk.annotations[unit].statements[0].values).toEqual({ stance: ['pro'] })
  })
})
