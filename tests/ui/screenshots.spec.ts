import { mkdir } from 'node:fs/promises'
import { expect, test } from './harness'

// The README's pictures come from the real app: this test codes part of an article and
// photographs the main screen. It asserts what the picture must show, so a broken screen fails.
test('the main screen, photographed for the README', async ({ harness }) => {
  const app = await harness.start({ annotator: 'Erika Mustermann' })
  await app.ready()
  await app.document(/Ist es ein Scheitern mit Ansage/).click()
  await expect(app.focusedSentence).toHaveText(/^Ist es ein Scheitern mit Ansage\?/)
  const codes = [
    ['2', 'a', 'y'],
    ['4', 'a'],
    ['2', 'a', 'y'],
    ['3', 'a'],
    ['2', 'a', 't'],
    ['3', 'Enter'],
    ['2', 't', 'Enter'],
  ]
  for (const keys of codes) {
    await app.press(...keys, 'ArrowDown')
  }
  await app.press('t', 'x', 'Enter')
  await app.waitSaved()
  await expect(app.sentences.and(app.page.locator('.coded'))).toHaveCount(8)
  await mkdir('docs/screenshots', { recursive: true })
  await app.page.screenshot({ path: 'docs/screenshots/main.png' })

  // The overview: sentences per label, and the stance profile of every document.
  await app.page.getByRole('button', { name: 'Overview' }).click()
  const overview = app.page.getByRole('dialog', { name: 'Overview of the coding' })
  await expect(
    overview.getByRole('button', {
      name: /^Open Ist es ein Scheitern mit Ansage\?: critical 6 %, neutral 3 %, mixed 1 %/,
    }),
  ).toBeVisible()
  await expect(overview.getByRole('row', { name: /^Trump/ })).toHaveText(/Trump\s*4/)
  await overview.screenshot({ path: 'docs/screenshots/overview.png' })
})
