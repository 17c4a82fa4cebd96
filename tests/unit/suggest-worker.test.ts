import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SentenceAnnotation } from '../../electron/contract/model'
import { buildDocument } from '../../electron/core/corpus/document'
import {
  openLowdbRepository,
  type LowdbProjectRepository,
} from '../../electron/core/storage/lowdbRepository'
import { SuggestionModel, type LabeledSentence } from '../../electron/core/suggest/model'
import { decodeModel, encodeModel, modelPath } from '../../electron/core/suggest/modelFile'
import { SuggestionWorker, trainDimension } from '../../electron/core/suggest/workerClient'
import { smallCodebook, tempDir } from './helpers'

const PRO = ['lobt', 'begrüßt', 'feiert', 'unterstützt']
const CONTRA = ['kritisiert', 'verurteilt', 'bemängelt', 'verspottet']
const text = (i: number) =>
  `${['Trump', 'Kim', 'Seoul'][i % 3]} ${(i % 2 === 0 ? PRO : CONTRA)[(i >> 1) % 4]} das Treffen am ${1 + (i % 27)}. Februar.`

function coded(stance: string): SentenceAnnotation {
  return {
    statements: [{ id: 's1', values: { stance: [stance] } }],
    uncertain: false,
    note: '',
    annotator: 'Anna',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    codebookVersion: 1,
  }
}

describe('a saved model', () => {
  const data: LabeledSentence[] = Array.from({ length: 30 }, (_, i) => ({
    input: { text: text(i), index: i, count: 30, actors: i % 3 === 0 ? ['trump'] : [] },
    labels: [i % 2 === 0 ? 'pro' : 'contra'],
  }))

  it('predicts exactly as the model it was saved from, and goes on learning', () => {
    const model = new SuggestionModel(['pro', 'contra'], false)
    model.fit(data)
    const restored = decodeModel(encodeModel(model, 'k1'), 'k1')!
    expect(restored.size).toBe(30)
    const probe = { text: 'Kim verurteilt den Gipfel.', index: 2, count: 10 }
    expect(restored.predict(probe)).toEqual(model.predict(probe))
    const more = { input: { text: 'Seoul jubelt über das Treffen.' }, labels: ['pro'] }
    model.update(more)
    restored.update(more)
    expect(restored.size).toBe(31)
    expect(restored.predict(more.input)[0].label).toBe(model.predict(more.input)[0].label)
  })

  it('is stale under another key, and unreadable when cut short', () => {
    const model = new SuggestionModel(['a', 'b', 'c'], true)
    model.fit(data.map((d, i) => ({ ...d, labels: i % 3 ? ['a'] : ['b', 'c'] })))
    const bytes = encodeModel(model, 'k1')
    expect(decodeModel(bytes, 'k2')).toBeNull()
    expect(decodeModel(bytes.subarray(0, bytes.length - 100), 'k1')).toBeNull()
    expect(decodeModel(Buffer.from('not a model'), 'k1')).toBeNull()
    const back = decodeModel(bytes, 'k1')!
    expect(back.multi).toBe(true)
    expect(back.predict(data[0].input)).toEqual(model.predict(data[0].input))
  })
})

describe('the suggestion worker', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let repo: LowdbProjectRepository
  let worker: SuggestionWorker | undefined
  let units: string[]

  beforeEach(async () => {
    ;({ dir, cleanup } = await tempDir('suggest-worker-'))
    repo = await openLowdbRepository(join(dir, 'p'), {
      create: { name: 'Gipfel', codebook: smallCodebook },
    })
    const doc = buildDocument({
      id: 'gipfel',
      text: Array.from({ length: 30 }, (_, i) => text(i)).join(' '),
      meta: { title: 'Gipfel' },
    })
    await repo.addDocument(doc)
    units = doc.units.filter((u) => u.kind === 'sentence').map((u) => u.id)
    await repo.putAnnotations(
      'gipfel',
      units.slice(0, 24).map((id, i) => [id, coded(i % 2 === 0 ? 'pro' : 'contra')]),
    )
  })
  afterEach(async () => {
    await worker?.close()
    await repo.close()
    await cleanup()
  })

  it('trains off the main thread, keeps the model in the machine-local folder, and reloads it while the labels stay the same', async () => {
    worker = await SuggestionWorker.start()
    const first = await trainDimension(worker, repo, 'stance')
    expect(first).toMatchObject({ size: 24, fromCache: false })
    const file = modelPath(repo.path, 'stance')
    expect(file).toBe(join(repo.path, 'local', 'suggest', 'stance.model'))
    expect(existsSync(file)).toBe(true)
    const uncoded = first.data.uncoded.map((s) => s.input)
    expect(uncoded).toHaveLength(6)
    const predicted = await worker.predict('stance', uncoded)
    expect(predicted.map((p) => p[0].label)).toEqual([
      'pro',
      'contra',
      'pro',
      'contra',
      'pro',
      'contra',
    ])
    await worker.close()

    worker = await SuggestionWorker.start()
    const again = await trainDimension(worker, repo, 'stance')
    expect(again).toMatchObject({ size: 24, fromCache: true })
    expect(await worker.predict('stance', uncoded)).toEqual(predicted)

    // One more label makes the saved model stale: it is retrained.
    await repo.putAnnotation('gipfel', units[24], coded('pro'))
    expect(await trainDimension(worker, repo, 'stance')).toMatchObject({
      size: 25,
      fromCache: false,
    })
  })

  it('learns a label online and says why it cannot predict an untrained dimension', async () => {
    worker = await SuggestionWorker.start()
    await trainDimension(worker, repo, 'stance')
    expect(await worker.update('stance', { input: { text: text(24) }, labels: ['pro'] })).toEqual({
      size: 25,
    })
    await expect(worker.predict('actor', [{ text: 'Trump' }])).rejects.toThrow(
      'no model for dimension "actor": train it first',
    )
  })
})
