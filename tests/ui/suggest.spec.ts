/**
 * Learned suggestions with the real core: after 30 coded sentences the coding panel shows the
 * model's label for the next one with its confidence; '=' accepts it and the disk records the
 * provenance `suggested-model` with the model's version and confidence; the uncertainty queue
 * jumps to the sentence the model is least sure of; a sentence of a blind reliability sample
 * shows no suggestion.
 */
import type { QueueHit } from '../../electron/contract/suggest'
import { annotationsOnDisk, expect, test } from './harness'

test('the model suggests after 30 labels, an accepted suggestion keeps its provenance, the queue asks about the least sure, a blind sample shows none', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Ana' })
  await app.ready()
  const service = harness.workbench!.service
  const [first, second] = service.listDocuments()
  expect(first.sentenceCount).toBe(28)

  // 28 sentences of the first article and 2 of the second: every third one critical.
  const panel = app.codingPanel
  await app.sentences.first().click()
  const before = panel.getByRole('status').filter({ hasText: /suggestions start after/ })
  await expect(before.first()).toBeVisible()
  for (let i = 0; i < 30; i++) {
    if (i === 28) {
      await app.press('PageDown')
      await expect(panel.getByText(/sentence 1 of/i)).toBeVisible()
    }
    await app.press(i % 3 === 0 ? '2' : '1')
    if (i !== 27 && i !== 29) await app.press('ArrowDown')
  }
  await app.press('ArrowDown')
  await app.waitSaved()
  await expect(panel.getByText(/sentence 3 of/i)).toBeVisible()

  // The third sentence of the second article: a ghost with its confidence, nothing saved yet.
  const ghost = panel.getByRole('button', { name: /^Accept the model’s suggestion .+ \(\d+ %\)$/ })
  await expect(ghost.first()).toBeVisible()
  const view = await service.getDocument(second.id)
  const third = view.document.units.filter((u) => u.kind === 'sentence')[2]
  expect((await annotationsOnDisk(harness, second.id))[third.id]).toBeUndefined()
  const shown = Number(/\((\d+) %\)$/.exec((await ghost.first().getAttribute('aria-label'))!)![1])

  await app.press('=')
  await app.waitSaved()
  await expect(ghost).toHaveCount(0)
  const saved = (await annotationsOnDisk(harness, second.id))[third.id]
  const [labelId] = saved.statements[0].values.stance
  const provenance = saved.statements[0].provenance?.[labelId]
  expect(provenance).toMatchObject({
    source: 'suggested-model',
    version: expect.stringMatching(/^[0-9a-f]{8}\+\d+$/),
  })
  const confidence = (provenance as { confidence: number }).confidence
  expect(Math.round(100 * confidence)).toBe(shown)

  // The uncertainty queue: the sentence the core's model is least sure of, which the panel then shows.
  const expected = (await harness.workbench!.handlers.nextSuggested('uncertain', null, {
    documentId: second.id,
    unitId: third.id,
  })) as { ok: true; value: QueueHit }
  const confident = (await harness.workbench!.handlers.nextSuggested('confident', null, null)) as {
    ok: true
    value: QueueHit
  }
  expect(expected.value.margin).toBeLessThan(confident.value.margin)
  await panel.getByRole('button', { name: 'Most uncertain next' }).click()
  const target = await service.getDocument(expected.value.documentId)
  const unit = target.document.units.find((u) => u.id === expected.value.unitId)!
  const text = target.document.text.slice(unit.start, unit.end)
  await expect(panel.getByRole('blockquote')).toHaveText(text)
  await expect(app.notice(/least sure sentence: margin \d+ %/)).toBeVisible()
  await expect(ghost.first()).toBeVisible()

  // A reliability sample of every article, this coder among its coders: blind, no suggestions.
  const drawn = await harness.workbench!.handlers.drawSample({
    name: 'Round 1',
    unit: 'documents',
    size: 5,
    seed: 1,
    stratifyBy: null,
    coders: [service.repo.coder, 'cbenbenben01'],
  })
  expect(drawn.ok).toBe(true)
  await app.press('ArrowDown')
  await expect(panel.getByRole('status').filter({ hasText: 'coded blind' })).toBeVisible()
  await expect(ghost).toHaveCount(0)
})
