/**
 * REFI-QDA in the app: a MAXQDA-style project comes in through the import dialog with a report
 * of what could not be mapped, and the export dialog writes a .qdpx.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import JSZip from 'jszip'
import { expect, test } from './harness'

const FIXTURE = fileURLToPath(new URL('../fixtures/qdpx/maxqda-style/', import.meta.url))

async function zipFixture(file: string): Promise<void> {
  const zip = new JSZip()
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const path = join(d, e.name)
      if (e.isDirectory()) await walk(path)
      else zip.file(relative(FIXTURE, path), await readFile(path))
    }
  }
  await walk(FIXTURE)
  await writeFile(file, await zip.generateAsync({ type: 'uint8array' }))
}

test('a MAXQDA project imports with a report of what could not be mapped; the project exports as .qdpx', async ({
  harness,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-qdpx-'))
  const file = join(dir, 'gipfel.qdpx')
  await zipFixture(file)
  const app = await harness.start({ annotator: 'QDA Analyst' })
  const { page } = app
  await app.ready()

  harness.dialogs.answer('chooseImportFiles', [file])
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Import documents' })
  await dialog.getByRole('button', { name: 'Choose files…' }).click()
  await expect(dialog.getByRole('status')).toHaveText(
    '1 imported, 0 skipped as duplicates, 0 failed',
  )
  const warnings = dialog.getByRole('list', { name: /^Warnings/ })
  await expect(warnings).toContainText(
    'covers only part of the sentence “Der Gipfel gilt als historisch.”; the sentence was not given the label.',
  )
  await expect(warnings).toContainText('Coded by Anna Schmidt, Ben Müller')
  await expect(page.getByRole('navigation')).toContainText('6 documents')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const exporting = page.getByRole('dialog', { name: 'Export' })
  await exporting
    .getByRole('combobox', { name: 'Format' })
    .selectOption({ label: 'REFI-QDA project for MAXQDA, ATLAS.ti, NVivo, QualCoder (.qdpx)' })
  await exporting
    .getByRole('checkbox', {
      name: 'Windows line endings (CRLF) in the texts, for MAXQDA versions that expect them',
    })
    .check()
  const out = join(dir, 'projekt.qdpx')
  harness.dialogs.answer('chooseSaveFile', out)
  await exporting.getByRole('button', { name: 'Export…' }).click()
  await expect(exporting.getByRole('status')).toContainText(`exported to ${out}`)
  expect(harness.dialogs.asked.at(-1)?.args[0]).toBe('project.qdpx')
  const zip = await JSZip.loadAsync(await readFile(out))
  const qde = await zip.file('project.qde')!.async('string')
  expect(qde).toContain('name="Singapur-Gipfel"')
  const sources = Object.keys(zip.files).filter((p) => p.startsWith('sources/') && !p.endsWith('/'))
  expect(sources).toHaveLength(6)
  for (const source of sources) expect(await zip.file(source)!.async('string')).toContain('\r\n')
  await rm(dir, { recursive: true, force: true })
})
