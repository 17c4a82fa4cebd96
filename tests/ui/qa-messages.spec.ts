/**
 * A German-speaking analyst's first import and export: the report of an article imported twice
 * said only "schon im Projekt als „004_ab6bd9ed8857ea67“", an id the document list never shows,
 * and an export that wrote nothing said it had exported 227 sentences "in keiner Datei".
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from './harness'

test.use({ locale: 'de-DE' })

const SAMPLE = fileURLToPath(new URL('../../corpus/', import.meta.url))

test('an article imported twice is named by its title and opens from the report', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Anna Beispiel' })
  const { page } = app
  await app.ready()
  harness.dialogs.answer('chooseImportFiles', [join(SAMPLE, '004_ab6bd9ed8857ea67.txt')])
  await page.getByRole('button', { name: 'Importieren', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Dokumente importieren' })
  await dialog.getByRole('button', { name: 'Dateien auswählen …' }).click()
  await expect(dialog.getByRole('status')).toHaveText(
    '0 importiert, 1 als Duplikat übersprungen, 0 fehlgeschlagen',
  )
  const skipped = dialog.getByRole('list', { name: /^Übersprungen/ }).getByRole('listitem')
  const title = 'Donald Trump will sich mit Kim Jong Un treffen.'
  await skipped.getByRole('button', { name: `${title} öffnen` }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(title)
})

test('an export that writes no file says so instead of "exportiert in keiner Datei"', async ({
  harness,
}) => {
  const folder = await mkdtemp(join(tmpdir(), 'workbench-qa-'))
  try {
    const app = await harness.start({ annotator: 'Anna Beispiel' })
    const { page } = app
    await app.ready()
    await page.getByRole('button', { name: 'Exportieren', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Exportieren' })
    await dialog
      .getByRole('combobox', { name: 'Format' })
      .selectOption({ label: 'Akteursnetzwerk (GraphML)' })
    const file = join(folder, 'netzwerk.graphml')
    harness.dialogs.answer('chooseSaveFile', file)
    await dialog.getByRole('button', { name: 'Exportieren …' }).click()
    await expect(dialog.getByRole('status')).toHaveText(
      `Es wurde keine Datei nach ${file} geschrieben.`,
    )
    await expect(dialog.getByRole('list', { name: 'Hinweise' })).toContainText(
      'Keine exportierte Aussage hat zugleich einen Akteur und ein Argument',
    )
    expect(await readdir(folder)).toEqual([])
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
})
