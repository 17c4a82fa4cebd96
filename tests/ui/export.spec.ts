import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './harness'

test('JSONL export: the file chosen in the save dialog gets one line per sentence', async ({
  harness,
}) => {
  const out = await mkdtemp(join(tmpdir(), 'workbench-export-'))
  const app = await harness.start({ annotator: 'Export Analyst' })
  const { page } = app
  await app.ready()
  const progress = await page
    .getByText(/\d+ of \d+ sentences coded/)
    .first()
    .textContent()
  const sentences = Number(/of (\d+) sentences/.exec(progress ?? '')?.[1])
  expect(sentences).toBeGreaterThan(0)

  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog
    .getByRole('combobox', { name: 'Format' })
    .selectOption({ label: 'JSON Lines, one line per sentence' })
  await dialog.getByRole('checkbox', { name: 'Include headings, bylines and captions' }).uncheck()

  // No place chosen: nothing is written, and the analyst is told so.
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog.getByRole('status')).toHaveText(
    'Nothing was exported: no place to save was chosen.',
  )

  const file = join(out, 'sätze.jsonl')
  harness.dialogs.answer('chooseSaveFile', file)
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog.getByRole('status')).toHaveText(`${sentences} sentences exported to ${file}`)
  expect(harness.dialogs.asked.at(-1)?.args[0]).toBe('sentences.jsonl')

  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim())
  expect(lines).toHaveLength(sentences)
  for (const line of lines) expect(() => JSON.parse(line)).not.toThrow()
  const files = dialog.getByRole('list', { name: 'Files written' }).getByRole('listitem')
  await expect(files).toHaveCount(1)
  await expect(files).toContainText(file)

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await rm(out, { recursive: true, force: true })
})

test('exporting everything writes every file the summary lists into the chosen folder', async ({
  harness,
}) => {
  const parent = await mkdtemp(join(tmpdir(), 'workbench-export-'))
  const folder = join(parent, 'export-alles')
  const app = await harness.start({ annotator: 'Export Analyst' })
  const { page } = app
  await app.ready()
  await app.press('1')
  await app.waitSaved()

  harness.dialogs.answer('chooseExportFolder', folder)
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog
    .getByRole('combobox', { name: 'Format' })
    .selectOption({ label: 'Everything, into a folder' })
  await dialog
    .getByRole('checkbox', { name: 'Byte order mark, so Excel reads umlauts correctly' })
    .check()
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog.getByRole('status')).toContainText(`sentences exported to ${folder}`)

  const listed = await dialog
    .getByRole('list', { name: 'Files written' })
    .getByRole('listitem')
    .allInnerTexts()
  const paths = listed.map((text) => /^(.+?)\s+[\d.,]+ (?:B|KB|MB)$/.exec(text.trim())?.[1])
  expect(paths.length).toBeGreaterThanOrEqual(4)
  for (const path of paths) {
    expect(path?.startsWith(folder), String(path)).toBe(true)
    expect((await stat(path!)).size, path).toBeGreaterThan(0)
  }
  expect((await readdir(folder)).sort()).toEqual(
    paths.map((p) => p!.slice(folder.length + 1)).sort(),
  )
  const csv = await readFile(join(folder, 'sentences.csv'))
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  await rm(parent, { recursive: true, force: true })
})

test('split fractions that do not add up are refused before anything is asked', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Export Analyst' })
  const { page } = app
  await app.ready()
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByRole('checkbox', { name: /^Split into train, dev and test/ }).check()
  await dialog.getByRole('spinbutton', { name: 'Train' }).fill('0.7')
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('The three parts must add up to 1 (now 0.9).')
  expect(harness.dialogs.asked).toEqual([])
})
