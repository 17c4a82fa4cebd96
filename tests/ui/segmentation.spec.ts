import { expect, test } from './harness'

test('a sentence is split and merged in the UI, and its labels follow, marked for review', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Seg Analyst' })
  await app.ready()
  const total = await app.sentences.count()
  await app.press('ArrowDown', '2', 't')
  await expect(app.focusedSentence).toHaveText(/^Einiges deutete im Vorfeld darauf hin, dass/)

  await app.codingPanel.getByRole('button', { name: 'Split…' }).click()
  await app.codingPanel.getByRole('button', { name: 'Split before “dass”' }).click()
  await expect(app.sentences).toHaveCount(total + 1)
  await expect(app.focusedSentence).toHaveText('Einiges deutete im Vorfeld darauf hin,')
  await expect(app.label('critical')).toHaveAttribute('aria-pressed', 'true')
  await expect(app.codingPanel.getByRole('note')).toContainText(
    'split: both halves kept the labels',
  )
  await app.press('ArrowDown')
  await expect(app.focusedSentence).toHaveText(/^dass die politische Symbolkraft/)
  await expect(app.label('Trump')).toHaveAttribute('aria-pressed', 'true')

  // Back to the first half, merge it with the second: one sentence again, labels united.
  await app.press('ArrowUp')
  await app.codingPanel.getByRole('button', { name: 'Merge with next' }).click()
  await expect(app.sentences).toHaveCount(total)
  await expect(app.focusedSentence).toHaveText(/^Einiges deutete im Vorfeld darauf hin, dass/)
  await expect(app.label('critical')).toHaveAttribute('aria-pressed', 'true')
  await app.codingPanel.getByRole('button', { name: 'Checked' }).click()
  await expect(app.codingPanel.getByRole('note')).toHaveCount(0)

  // A heading can be included in coding.
  await app.page.getByRole('button', { name: 'Include this heading in coding' }).first().click()
  await expect(app.sentences).toHaveCount(total + 1)

  // Segmenting again restores the segmenter's sentences and keeps the labels.
  await app.page.getByRole('button', { name: 'Segment again' }).click()
  await expect(app.page.getByRole('status').filter({ hasText: /Segmented again/ })).toBeVisible()
  const again = await harness.restart()
  await again.ready()
  await expect(again.sentences.nth(1)).toHaveAccessibleDescription(/^coded: critical, Trump/)
})
