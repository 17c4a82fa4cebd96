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
    'Nothing was exported: no place was chosen, or its files were kept.',
  )

  const file = join(out, 'sätze.jsonl')
  harness.dialogs.answer('chooseSaveFile', file)
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog.getByRole('status')).toHaveText(
    `${sentences} sentences and no headings, bylines or captions from 5 documents, in one file, exported to ${file}`,
  )
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

test('exporting everything writes the seven files into the chosen folder, and asks before replacing them', async ({
  harness,
}) => {
  const parent = await mkdtemp(join(tmpdir(), 'workbench-export-'))
  const folder = join(parent, 'export-alles')
  const app = await harness.start({ annotator: 'Export Analyst' })
  const { page } = app
  await app.ready()
  // One statement with a stance, an actor and an argument: enough for every file, the network too.
  await app.press('1', 't', 'n')
  await app.waitSaved()

  harness.dialogs.answer('chooseExportFolder', folder)
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog
    .getByRole('combobox', { name: 'Format' })
    .selectOption({ label: 'Everything, into a folder' })
  // The network's dimensions come from the codebook.
  await expect(dialog.getByRole('combobox', { name: 'Actors' })).toHaveValue('actor')
  await expect(dialog.getByRole('combobox', { name: 'Concepts (arguments)' })).toHaveValue(
    'argument',
  )
  await expect(dialog.getByRole('combobox', { name: 'Stance of the ties' })).toHaveValue('stance')
  await dialog
    .getByRole('checkbox', { name: 'Byte order mark, so Excel reads umlauts correctly' })
    .check()
  await dialog
    .getByRole('combobox', { name: 'Cell separator' })
    .selectOption({ label: 'Semicolon (;), for Excel on German systems' })
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog.getByRole('status')).toContainText(`in 7 files, exported to ${folder}`)

  const seven = [
    'README.md',
    'codebook.json',
    'network.graphml',
    'project.qdpx',
    'sentences.csv',
    'sentences.jsonl',
    'statements.csv',
  ]
  const listed = await dialog
    .getByRole('list', { name: 'Files written' })
    .getByRole('listitem')
    .allInnerTexts()
  const paths = listed.map((text) => /^(.+?)\s+[\d.,]+ (?:B|KB|MB)$/.exec(text.trim())?.[1])
  expect(paths.map((p) => p?.slice(folder.length + 1)).sort()).toEqual(seven)
  expect((await readdir(folder)).sort()).toEqual(seven)
  for (const path of paths) expect((await stat(path!)).size, path).toBeGreaterThan(0)
  const csv = await readFile(join(folder, 'sentences.csv'))
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(csv.toString('utf8').slice(1, 40)).toBe('document_id;title;source;author;date;ur')
  expect(await dialog.getByRole('list', { name: 'Warnings' }).count()).toBe(0)

  // Again into the same folder: the analyst is asked first, and saying no keeps every file.
  const before = await readFile(join(folder, 'sentences.jsonl'))
  harness.dialogs.answer('chooseExportFolder', folder)
  harness.dialogs.answer('confirmOverwrite', false)
  await dialog.getByRole('button', { name: 'Export again' }).click()
  await dialog.getByRole('checkbox', { name: 'Include headings, bylines and captions' }).uncheck()
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog.getByRole('status')).toHaveText(
    'Nothing was exported: no place was chosen, or its files were kept.',
  )
  expect(harness.dialogs.asked.at(-1)).toEqual({
    dialog: 'confirmOverwrite',
    args: [folder, seven],
  })
  expect(await readFile(join(folder, 'sentences.jsonl'))).toEqual(before)

  harness.dialogs.answer('chooseExportFolder', folder)
  harness.dialogs.answer('confirmOverwrite', true)
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog.getByRole('status')).toContainText(`in 7 files, exported to ${folder}`)
  expect((await readFile(join(folder, 'sentences.jsonl'))).length).toBeLessThan(before.length)
  await rm(parent, { recursive: true, force: true })
})

test('an export that leaves something out says why in the dialog', async ({ harness }) => {
  const parent = await mkdtemp(join(tmpdir(), 'workbench-export-'))
  const app = await harness.start({ annotator: 'Export Analyst' })
  const { page } = app
  await app.ready()
  // A stance alone: there are statements, but none ties an actor to an argument.
  await app.press('2')
  await app.waitSaved()
  const folder = join(parent, 'nur-haltung')
  harness.dialogs.answer('chooseExportFolder', folder)
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog
    .getByRole('combobox', { name: 'Format' })
    .selectOption({ label: 'Everything, into a folder' })
  await dialog.getByRole('checkbox', { name: 'Only coded sentences' }).check()
  await dialog.getByRole('checkbox', { name: /^Split into train, dev and test/ }).check()
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog.getByRole('status')).toHaveText(
    `one sentence and no headings, bylines or captions from one document, in 9 files, exported to ${folder}`,
  )
  await expect(dialog.getByRole('list', { name: 'Warnings' }).getByRole('listitem')).toHaveText([
    'The dev part is empty (only 1 document was exported); its files were not written: sentences.dev.jsonl, sentences.dev.csv, statements.dev.csv.',
    'The test part is empty (only 1 document was exported); its files were not written: sentences.test.jsonl, sentences.test.csv, statements.test.csv.',
    'No network was written: no exported statement has both an actor and an argument.',
  ])
  expect((await readdir(folder)).sort()).toEqual([
    'README.md',
    'codebook.json',
    'project.qdpx',
    'sentences.csv',
    'sentences.jsonl',
    'sentences.train.csv',
    'sentences.train.jsonl',
    'statements.csv',
    'statements.train.csv',
  ])
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

test.describe('in German', () => {
  test.use({ locale: 'de-DE' })

  test('the dataset card is written in the language of the UI unless another is chosen', async ({
    harness,
  }) => {
    const parent = await mkdtemp(join(tmpdir(), 'workbench-export-'))
    const app = await harness.start({ annotator: 'Export Analystin' })
    const { page } = app
    await app.ready()
    await page.getByRole('button', { name: 'Exportieren', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Exportieren' })
    await dialog
      .getByRole('combobox', { name: 'Format' })
      .selectOption({ label: 'Datensatzbeschreibung (Markdown)' })
    const language = dialog.getByRole('combobox', { name: 'Sprache der Datensatzbeschreibung' })
    await expect(language).toHaveValue('de')
    const german = join(parent, 'LIESMICH.md')
    harness.dialogs.answer('chooseSaveFile', german)
    await dialog.getByRole('button', { name: 'Exportieren …' }).click()
    await expect(dialog.getByRole('status')).toContainText(`nach ${german} exportiert`)
    const card = await readFile(german, 'utf8')
    expect(card).toContain('## Verteilung der Labels')
    expect(card).toContain('| Nur codierte Sätze | nein |')

    await dialog.getByRole('button', { name: 'Erneut exportieren' }).click()
    await language.selectOption({ label: 'English (Englisch)' })
    const english = join(parent, 'README.md')
    harness.dialogs.answer('chooseSaveFile', english)
    await dialog.getByRole('button', { name: 'Exportieren …' }).click()
    await expect(dialog.getByRole('status')).toContainText(`nach ${english} exportiert`)
    expect(await readFile(english, 'utf8')).toContain('## Label distribution')
    await rm(parent, { recursive: true, force: true })
  })
})
