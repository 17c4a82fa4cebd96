/**
 * A first day at the smallest window the app is made for (1024×700), in German: what an analyst
 * read in the shortcut sheet and the Team dialog ran into the text beside it.
 */
import type { Locator } from '@playwright/test'
import { expect, test } from './harness'

test.use({ locale: 'de-DE', viewport: { width: 1024, height: 700 } })

async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [p, q] = [await a.boundingBox(), await b.boundingBox()]
  if (!p || !q) throw new Error('an element is not on screen')
  return p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height
}

test('the shortcut sheet shows the commands beside, not under, the codebook keys', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Anna Beispiel' })
  await app.ready()
  await app.press('?')
  const sheet = app.page.getByRole('dialog', { name: 'Tastenkürzel' })
  const commands = sheet.getByRole('table', { name: 'Befehle' })
  await expect(commands).toContainText('Strg+Umschalt+Z')
  for (const dimension of ['Haltung', 'Akteur', 'Argument']) {
    const keys = sheet.getByRole('table', { name: dimension })
    await expect(keys).toBeVisible()
    expect(await overlap(commands, keys), `Befehle runs into ${dimension}`).toBe(false)
  }
})

test('the Team dialog shows a coder’s progress bar and count side by side', async ({ harness }) => {
  const app = await harness.start({ annotator: 'Anna Beispiel' })
  await app.ready()
  await app.press('1')
  await app.waitSaved()
  await app.toolbar.getByRole('button', { name: 'Team' }).click()
  const team = app.page.getByRole('dialog', { name: 'Team' })
  const count = team.getByText('1 von 227 Sätzen codiert')
  await expect(count).toBeVisible()
  const bar = team.getByRole('progressbar', { name: /Anna Beispiel/ })
  expect(await overlap(bar, count), 'the bar runs under the count').toBe(false)
})
