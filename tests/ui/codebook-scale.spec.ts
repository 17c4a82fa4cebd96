import type { Locator } from '@playwright/test'
import { codebookOnDisk, expect, test } from './harness'

function labelGroup(editor: Locator, name: string): Locator {
  return editor.getByRole('group', { name: `Label ${name}`, exact: true })
}

test('a single-choice dimension is put on an interval scale, each label given its number, and saved', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Test Analyst' })
  await app.ready()
  await app.page.getByRole('button', { name: 'Codebook', exact: true }).click()
  const editor = app.page.getByRole('dialog', { name: 'Codebook' })
  const stance = editor.getByRole('group', { name: 'Dimension Stance', exact: true })
  const save = editor.getByRole('button', { name: 'Save' })
  // Multiple-choice dimensions are always nominal: they offer no scale.
  await expect(
    editor
      .getByRole('group', { name: 'Dimension Actor', exact: true })
      .getByRole('combobox', { name: 'Scale', exact: true }),
  ).toHaveCount(0)

  await stance
    .getByRole('combobox', { name: 'Scale', exact: true })
    .selectOption({ label: 'interval (each label a number)' })
  await expect(
    labelGroup(editor, 'supportive').getByText(
      'On the interval scale of "Stance" every label needs a number: give "supportive" one.',
    ),
  ).toBeVisible()
  await expect(save).toBeDisabled()
  const values: Record<string, string> = {
    supportive: '1',
    critical: '-1',
    neutral: '0',
    mixed: '0',
  }
  for (const [name, value] of Object.entries(values))
    await labelGroup(editor, name)
      .getByRole('spinbutton', { name: 'Value on the scale' })
      .fill(value)
  await labelGroup(editor, 'mixed').getByRole('spinbutton').press('Tab')
  await expect(labelGroup(editor, 'supportive').getByRole('listitem')).toHaveCount(0)

  // A ratio scale starts at zero: the critical label's -1 is refused until the scale is interval.
  await stance
    .getByRole('combobox', { name: 'Scale', exact: true })
    .selectOption({ label: 'ratio (each label a number from zero)' })
  await expect(
    labelGroup(editor, 'critical').getByText(
      'A ratio scale starts at zero: "critical" in "Stance" has -1; choose the interval scale or a value of 0 or more.',
    ),
  ).toBeVisible()
  await expect(save).toBeDisabled()
  await stance
    .getByRole('combobox', { name: 'Scale', exact: true })
    .selectOption({ label: 'interval (each label a number)' })
  await expect(save).toBeEnabled()
  await save.click()
  await expect(editor.getByRole('status')).toHaveText('Saved as version 2.')

  const stored = (await codebookOnDisk(harness)).dimensions[0]
  expect(stored.scale).toBe('interval')
  expect(stored.labels.map((l) => [l.id, l.value])).toEqual([
    ['supportive', 1],
    ['critical', -1],
    ['neutral', 0],
    ['mixed', 0],
  ])
})
