import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  isAnnotated,
  type Codebook,
  type SentenceAnnotation,
  type SentenceAnnotationInput,
} from '../../electron/contract/model'
import { ProjectService } from '../../electron/core/project'
import { openSettings } from '../../electron/core/settings'
import {
  openLowdbRepository,
  type LowdbProjectRepository,
} from '../../electron/core/storage/lowdbRepository'
import { sampleDocument, smallCodebook, tempDir } from './helpers'

const stanceRequired: Codebook = {
  ...smallCodebook,
  dimensions: smallCodebook.dimensions.map((d) =>
    d.id === 'stance' ? { ...d, required: true } : d,
  ),
}

function annotation(values: Record<string, string[]>, extra = {}): SentenceAnnotation {
  return {
    statements: [{ id: 's1', values }],
    uncertain: false,
    note: '',
    annotator: 'Ana',
    createdAt: '',
    updatedAt: '',
    codebookVersion: 1,
    ...extra,
  }
}

describe('what counts as coded', () => {
  it('needs a label of every required dimension', () => {
    expect(isAnnotated(annotation({ actor: ['trump'] }), stanceRequired)).toBe(false)
    expect(isAnnotated(annotation({ stance: ['pro'] }), stanceRequired)).toBe(true)
  })

  it('counts a sentence the analyst marked done, whatever its labels', () => {
    expect(isAnnotated(annotation({}, { done: true }), stanceRequired)).toBe(true)
  })

  it('counts any label when the codebook marks no dimension required', () => {
    expect(isAnnotated(annotation({ actor: ['trump'] }), smallCodebook)).toBe(true)
    expect(isAnnotated(annotation({}), smallCodebook)).toBe(false)
  })
})

describe('progress in the index follows the codebook', () => {
  let cleanup: () => Promise<void>
  let repo: LowdbProjectRepository
  let service: ProjectService
  const doc = sampleDocument()
  const input = (values: Record<string, string[]>): SentenceAnnotationInput => ({
    statements: [{ id: 's1', values }],
    uncertain: false,
    note: '',
  })

  beforeEach(async () => {
    let dir: string
    ;({ dir, cleanup } = await tempDir())
    repo = await openLowdbRepository(join(dir, 'p'), {
      create: { name: 'T', codebook: stanceRequired },
    })
    await repo.addDocument(doc)
    const settings = await openSettings(join(dir, 'settings.json'))
    await settings.update({ annotator: 'Ana' })
    service = new ProjectService(repo, settings)
  })
  afterEach(async () => {
    await repo.close()
    await cleanup()
  })

  it('does not count a sentence with actors but no stance, and recounts when the rule changes', async () => {
    await service.saveAnnotation(doc.id, doc.units[0].id, input({ actor: ['trump'] }))
    await service.saveAnnotation(doc.id, doc.units[1].id, input({ stance: ['pro'] }))
    expect(service.listDocuments()[0].annotatedCount).toBe(1)

    await service.saveCodebook({ ...smallCodebook, version: repo.getCodebook().version })
    expect(service.listDocuments()[0].annotatedCount).toBe(2)
  })

  it('keeps the dismissed suggestions and the done mark of a sentence on disk', async () => {
    const saved = await service.saveAnnotation(doc.id, doc.units[0].id, {
      ...input({}),
      done: true,
      dismissed: ['trump', 'trump'],
    })
    expect(saved).toMatchObject({ done: true, dismissed: ['trump'] })
    expect((await repo.getAnnotations(doc.id))[doc.units[0].id]).toMatchObject({
      done: true,
      dismissed: ['trump'],
    })
    expect(service.listDocuments()[0].annotatedCount).toBe(1)
  })
})
