/**
 * The suggestion engine as the app wires it: through the handler table (arguments validated),
 * trained on the analyst's own layer after 20 labels in two classes, told of each saved label
 * after the save, and leaving a model's acceptance on disk with its version and confidence.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Envelope } from '../../electron/contract/api'
import type { SentenceAnnotationInput } from '../../electron/contract/model'
import type { QueueHit, SentenceSuggestions } from '../../electron/contract/suggest'
import { buildDocument } from '../../electron/core/corpus/document'
import { noDialogs } from '../../electron/core/dialogs'
import { createHandlers, type Handlers } from '../../electron/core/handlers'
import { JobRunner } from '../../electron/core/jobs'
import { ProjectService } from '../../electron/core/project'
import { openSettings } from '../../electron/core/settings'
import { openLowdbRepository } from '../../electron/core/storage/lowdbRepository'
import { smallCodebook, tempDir } from './helpers'

const PRO = ['lobt', 'begrüßt', 'feiert', 'unterstützt']
const CONTRA = ['kritisiert', 'verurteilt', 'bemängelt', 'verspottet']
const WHO = ['Der Minister', 'Die Presse', 'Seoul', 'Peking', 'Tokio']

function stance(label: string): SentenceAnnotationInput {
  return { statements: [{ id: 's1', values: { stance: [label] } }], uncertain: false, note: '' }
}

function value<T>(e: Envelope<unknown>): T {
  if (!e.ok) throw new Error(`${e.code}: ${e.error}`)
  return e.value as T
}

describe('the suggestion engine of a project', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let service: ProjectService
  let handlers: Handlers
  let units: string[]

  beforeEach(async () => {
    ;({ dir, cleanup } = await tempDir('suggest-service-'))
    const repo = await openLowdbRepository(join(dir, 'p'), {
      create: { name: 'Gipfel', codebook: smallCodebook },
    })
    const sentences = Array.from({ length: 40 }, (_, i) => {
      const verbs = i % 2 === 0 ? PRO : CONTRA
      return `${WHO[i % 5]} ${verbs[(i >> 1) % 4]} das Treffen in Hanoi am ${1 + (i % 27)}. Februar.`
    })
    const doc = buildDocument({ id: 'gipfel', text: sentences.join(' '), meta: { title: 'G' } })
    await repo.addDocument(doc)
    units = doc.units.filter((u) => u.kind === 'sentence').map((u) => u.id)
    const settings = await openSettings(join(dir, 'settings.json'))
    await settings.update({ annotator: 'Ana' })
    service = new ProjectService(repo, settings)
    handlers = createHandlers(service, { dialogs: noDialogs, jobs: new JobRunner(), log: () => {} })
  })

  afterEach(async () => {
    await service.closeSuggestions()
    await service.repo.close()
    await cleanup()
  })

  const suggestionsOf = async (unitId: string) =>
    value<SentenceSuggestions>(await handlers.getSuggestions('gipfel', unitId)).dimensions.find(
      (d) => d.dimensionId === 'stance',
    )!

  it('says how many labels are missing, then suggests with confidence and learns each save', async () => {
    for (let i = 0; i < 19; i++)
      value(await handlers.saveAnnotation('gipfel', units[i], stance(i % 2 ? 'contra' : 'pro')))
    const cold = await suggestionsOf(units[30])
    expect(cold).toMatchObject({ state: 'cold', needed: 1, count: 19, labels: [] })

    value(await handlers.saveAnnotation('gipfel', units[19], stance('contra')))
    const ready = await suggestionsOf(units[30])
    expect(ready.state).toBe('ready')
    expect(ready.count).toBe(20)
    // Sentence 30 is a "pro" one (even): the same verbs as the coded pro sentences.
    expect(ready.labels[0].labelId).toBe('pro')
    expect(ready.labels[0].confidence).toBeGreaterThan(0.5)
    expect(ready.version).toMatch(/^[0-9a-f]{8}\+0$/)

    value(await handlers.saveAnnotation('gipfel', units[20], stance('pro')))
    const after = await suggestionsOf(units[30])
    expect(after.version).toMatch(/\+1$/)
    expect(after.count).toBe(21)
    // The model lives in the machine-local folder.
    expect(
      (await readFile(join(dir, 'p', 'local', 'suggest', 'stance.model')))
        .subarray(0, 4)
        .toString(),
    ).toBe('PCSM')
  })

  it('queues the least and the most sure uncoded sentence, and leaves out the one skipped', async () => {
    for (let i = 0; i < 24; i++)
      value(await handlers.saveAnnotation('gipfel', units[i], stance(i % 2 ? 'contra' : 'pro')))
    const unsure = value<QueueHit>(await handlers.nextSuggested('uncertain', null, null))
    const sure = value<QueueHit>(await handlers.nextSuggested('confident', 'stance', null))
    expect(units.slice(24)).toContain(unsure.unitId)
    expect(unsure.margin).toBeLessThanOrEqual(sure.margin)
    const other = value<QueueHit>(
      await handlers.nextSuggested('uncertain', null, {
        documentId: 'gipfel',
        unitId: unsure.unitId,
      }),
    )
    expect(other.unitId).not.toBe(unsure.unitId)
  })

  it('keeps an accepted suggestion with its provenance, and a switch turns suggestions off', async () => {
    for (let i = 0; i < 20; i++)
      value(await handlers.saveAnnotation('gipfel', units[i], stance(i % 2 ? 'contra' : 'pro')))
    const s = await suggestionsOf(units[30])
    const provenance = {
      source: 'suggested-model',
      version: s.version!,
      confidence: s.labels[0].confidence,
    }
    value(
      await handlers.saveAnnotation('gipfel', units[30], {
        statements: [
          {
            id: 's1',
            values: { stance: [s.labels[0].labelId] },
            provenance: { [s.labels[0].labelId]: provenance },
          },
        ],
        uncertain: false,
        note: '',
      }),
    )
    const file = JSON.parse(
      await readFile(join(dir, 'p', 'annotations', service.repo.coder, 'gipfel.json'), 'utf8'),
    )
    expect(JSON.stringify(file)).toContain(JSON.stringify(provenance))

    value(await handlers.setSuggestionSwitches({ enabled: true, off: ['stance'] }))
    expect((await suggestionsOf(units[31])).state).toBe('off')
    const refused = await handlers.setSuggestionSwitches({ enabled: true, off: ['nope'] })
    expect(refused).toMatchObject({ ok: false, code: 'suggest.noDimension' })
    const bad = await handlers.getSuggestions('gipfel', 42)
    expect(bad).toMatchObject({ ok: false, code: 'api.refused' })
  })

  it('reports cross-validated quality with a learning curve, and refuses it below the threshold', async () => {
    const early = await handlers.getSuggestionQuality('stance')
    expect(early).toMatchObject({ ok: false, code: 'suggest.tooFewLabels' })
    for (let i = 0; i < 30; i++)
      value(await handlers.saveAnnotation('gipfel', units[i], stance(i % 2 ? 'contra' : 'pro')))
    const q = value<{
      macroF1: number
      perLabel: unknown[]
      learningCurve: unknown[]
      coded: number
    }>(await handlers.getSuggestionQuality('stance'))
    expect(q.coded).toBe(30)
    expect(q.macroF1).toBeGreaterThan(0.5)
    expect(q.perLabel).toHaveLength(2)
    expect(q.learningCurve.length).toBeGreaterThan(0)
  })
})
