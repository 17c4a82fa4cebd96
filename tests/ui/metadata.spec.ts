import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator } from '@playwright/test'
import type { WorkbenchPage } from '../support/workbenchPage'
import { expect, layerOnDisk, test, type Harness } from './harness'

const DOC = '000_21441c4ccb80678e'
const FIRST_TITLE = /^Viel Aufregung, kein Fortschritt/

/**
 * The document's metadata as the disk holds it: edited metadata is the coder's correction, kept
 * in the coder's layer of the document; until there is one, the imported document's own.
 */
async function metaOnDisk(harness: Harness): Promise<Record<string, unknown>> {
  const layer = await layerOnDisk(harness, DOC).catch(() => null)
  if (layer?.meta) return { ...layer.meta }
  const file = join(harness.projectDir, 'documents', `${DOC}.json`)
  return JSON.parse(await readFile(file, 'utf8')).document.meta
}

/** The row's edit button shows when the pointer is over the document, as its other actions do. */
async function openMetadata(app: WorkbenchPage, title: RegExp): Promise<Locator> {
  const row = app.page
    .getByRole('navigation')
    .getByRole('listitem')
    .filter({ has: app.page.getByRole('button', { name: title }) })
  await row.hover()
  await row.getByRole('button', { name: /^Edit metadata of/ }).click()
  const dialog = app.page.getByRole('dialog', { name: /^Metadata of/ })
  await expect(dialog).toBeVisible()
  return dialog
}

test('edited metadata shows in the list, lands in the document file and survives a restart', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Meta Analyst' })
  await app.ready()

  const dialog = await openMetadata(app, FIRST_TITLE)
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Gipfel ohne Ergebnis')
  await dialog.getByRole('textbox', { name: 'Source (outlet)' }).fill('Süddeutsche Zeitung')
  await dialog.getByRole('textbox', { name: 'Date' }).fill('2019-02-28')
  await dialog.getByRole('combobox', { name: 'Genre' }).selectOption({ label: 'Commentary' })
  await dialog.getByRole('button', { name: 'Add field' }).click()
  await dialog.getByRole('textbox', { name: 'Name of field 1' }).fill('Ressort')
  await dialog.getByRole('textbox', { name: 'Value of field 1' }).fill('Außenpolitik')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()

  await expect(app.document(/^Gipfel ohne Ergebnis/)).toContainText(
    'Süddeutsche Zeitung · 2019-02-28',
  )
  expect(await metaOnDisk(harness)).toMatchObject({
    title: 'Gipfel ohne Ergebnis',
    source: 'Süddeutsche Zeitung',
    date: '2019-02-28',
    genre: 'commentary',
    extra: { Ressort: 'Außenpolitik' },
  })

  const again = await harness.restart()
  await again.ready()
  const reopened = await openMetadata(again, /^Gipfel ohne Ergebnis/)
  await expect(reopened.getByRole('textbox', { name: 'Source (outlet)' })).toHaveValue(
    'Süddeutsche Zeitung',
  )
  await expect(reopened.getByRole('combobox', { name: 'Genre' })).toHaveValue('commentary')
  await expect(reopened.getByRole('textbox', { name: 'Value of field 1' })).toHaveValue(
    'Außenpolitik',
  )

  // A field removed and an own genre: saved as such.
  await reopened.getByRole('button', { name: 'Remove field Ressort' }).click()
  await reopened.getByRole('combobox', { name: 'Genre' }).selectOption({ label: 'Other…' })
  await reopened.getByRole('textbox', { name: 'Genre (own term)' }).fill('Leitartikel')
  await reopened.getByRole('button', { name: 'Save' }).click()
  await expect(reopened).toBeHidden()
  const meta = await metaOnDisk(harness)
  expect(meta.genre).toBe('Leitartikel')
  expect(meta.extra).toBeUndefined()
})

test('a title with markup is shown as text and never runs', async ({ harness }) => {
  const hostile = '<img src=x onerror="window.__pwned=1">'
  const app = await harness.start({ annotator: 'Meta Analyst' })
  const { page } = app
  await app.ready()

  const dialog = await openMetadata(app, FIRST_TITLE)
  await dialog.getByRole('textbox', { name: 'Title' }).fill(hostile)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()

  const nav = page.getByRole('navigation')
  await expect(nav.getByText(hostile, { exact: true })).toBeVisible()
  await expect(nav.locator('img')).toHaveCount(0)
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined()

  const reopened = await openMetadata(app, /^<img src=x/)
  await expect(reopened).toHaveAccessibleName(`Metadata of ${hostile}`)
  await expect(reopened.getByRole('heading', { name: `Metadata of ${hostile}` })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(reopened).toBeHidden()
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined()
})

test('a field without a name or a name used twice is refused with a reason, and nothing is saved', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Meta Analyst' })
  await app.ready()
  const before = await metaOnDisk(harness)

  const dialog = await openMetadata(app, FIRST_TITLE)
  await dialog.getByRole('button', { name: 'Add field' }).click()
  await dialog.getByRole('button', { name: 'Add field' }).click()
  await dialog.getByRole('textbox', { name: 'Name of field 1' }).fill('Seite')
  await dialog.getByRole('textbox', { name: 'Name of field 2' }).fill('Seite')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('The field “Seite” appears twice.')

  await dialog.getByRole('textbox', { name: 'Name of field 2' }).fill('')
  await dialog.getByRole('textbox', { name: 'Value of field 2' }).fill('7')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Field 2 has a value but no name.')

  await app.page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(await metaOnDisk(harness)).toEqual(before)
})
