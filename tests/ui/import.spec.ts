import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from './harness'

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url))
const GOOD = [
  'gipfel-hanoi.docx',
  'artikel-mit-rauschen.html',
  'windows-1252-crlf.txt',
  'excel-semikolon.csv',
].map((name) => join(FIXTURES, name))

/** Bad files of the kinds analysts really meet: empty, a renamed non-Word file, binary junk. */
async function badFiles(): Promise<{ dir: string; paths: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-bad-'))
  const junk = Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256))
  await writeFile(join(dir, 'leer.txt'), '')
  await writeFile(join(dir, 'kaputt.docx'), junk)
  await writeFile(join(dir, 'binär.txt'), junk)
  return { dir, paths: ['leer.txt', 'kaputt.docx', 'binär.txt'].map((n) => join(dir, n)) }
}

test('files from the file dialog: a report per file, umlauts intact, duplicates skipped the second time', async ({
  harness,
}) => {
  const bad = await badFiles()
  const app = await harness.start({ annotator: 'Import Analyst' })
  const { page } = app
  await app.ready()
  await expect(page.getByRole('navigation')).toContainText('5 documents')

  harness.dialogs.answer('chooseImportFiles', [...GOOD, ...bad.paths])
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Import documents' })
  await dialog.getByRole('button', { name: 'Choose files…' }).click()

  await expect(dialog.getByRole('status')).toHaveText(
    '6 imported, 0 skipped as duplicates, 3 failed',
  )
  const imported = dialog.getByRole('list', { name: /^Imported/ }).getByRole('listitem')
  await expect(imported).toHaveCount(6)
  for (const title of [
    'Gipfeltreffen in Hanoi ohne Einigung',
    'Trump und Kim gehen ohne Einigung auseinander',
    'Gipfel in Singapur',
    'Börse reagiert',
  ])
    await expect(imported.filter({ hasText: title })).toHaveCount(1)
  const failed = dialog.getByRole('list', { name: /^Failed/ }).getByRole('listitem')
  await expect(failed).toHaveCount(3)
  await expect(failed.filter({ hasText: 'leer.txt' })).toContainText('the file is empty')
  await expect(failed.filter({ hasText: 'kaputt.docx' })).toContainText('not a readable .docx')
  await expect(failed.filter({ hasText: 'binär.txt' })).toContainText('binary')
  await expect(dialog.getByRole('list', { name: /^Warnings/ })).toContainText(
    'read as Windows-1252',
  )
  await expect(page.getByRole('navigation')).toContainText('11 documents')

  // The Windows-1252 text, opened from the report, shows its umlauts, ß, „ “ and €.
  await dialog.getByRole('button', { name: 'Open Gipfel in Singapur' }).click()
  await expect(dialog).toBeHidden()
  await expect(app.article).toContainText(
    'Ärger über „Fake News“: Die Regierung in Köln äußerte sich',
  )
  await expect(app.article).toContainText('1,5 Mio. €')
  await expect(app.article).toContainText('Straßenfeste fielen aus.')

  // The same files again: nothing new, every good file a duplicate, the bad ones still explained.
  harness.dialogs.answer('chooseImportFiles', [...GOOD, ...bad.paths])
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await dialog.getByRole('button', { name: 'Choose files…' }).click()
  await expect(dialog.getByRole('status')).toHaveText(
    '0 imported, 6 skipped as duplicates, 3 failed',
  )
  const skipped = dialog.getByRole('list', { name: /^Skipped/ }).getByRole('listitem')
  await expect(skipped).toHaveCount(6)
  await expect(skipped.filter({ hasText: 'gipfel-hanoi.docx' })).toContainText(
    'already in the project as "gipfel-hanoi"',
  )
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('navigation')).toContainText('11 documents')
  await rm(bad.dir, { recursive: true, force: true })
})

test('files dropped onto the window are imported and listed', async ({ harness }) => {
  const app = await harness.start({ annotator: 'Import Analyst' })
  const { page } = app
  await app.ready()

  await page.evaluate(() => {
    const transfer = new DataTransfer()
    const text = (s: string) => new TextEncoder().encode(s)
    transfer.items.add(
      new File(
        [
          text(
            'Grüne Welle in München\n\nDie Bürgermeisterin äußerte sich über die Straßenbahn. Sie war zufrieden.',
          ),
        ],
        'münchen.txt',
      ),
    )
    transfer.items.add(new File([], 'leer.md'))
    window.dispatchEvent(
      new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }),
    )
    window.dispatchEvent(
      new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
    )
  })

  const dialog = page.getByRole('dialog', { name: 'Import documents' })
  await expect(dialog.getByRole('status')).toHaveText(
    '1 imported, 0 skipped as duplicates, 1 failed',
  )
  await expect(dialog.getByRole('list', { name: /^Failed/ })).toContainText('leer.md')
  await expect(app.document(/^Grüne Welle in München/)).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await app.document(/^Grüne Welle in München/).click()
  await expect(app.article).toContainText('Die Bürgermeisterin äußerte sich über die Straßenbahn.')
})

test('a large import cancelled while running leaves only complete documents', async ({
  harness,
}) => {
  const folder = await mkdtemp(join(tmpdir(), 'workbench-many-'))
  const many = join(folder, 'meldungen')
  await mkdir(many)
  const COUNT = 500
  await Promise.all(
    Array.from({ length: COUNT }, (_, i) =>
      writeFile(
        join(many, `meldung-${i + 1}.txt`),
        `Meldung ${i + 1} aus Köln\n\nDer Stadtrat tagte zum ${i + 1}. Mal. Die Bürger äußerten sich über die Straßen.`,
      ),
    ),
  )
  const app = await harness.start({ annotator: 'Import Analyst' })
  const { page } = app
  await app.ready()

  harness.dialogs.answer('chooseImportFolder', many)
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Import documents' })
  await dialog.getByRole('button', { name: 'Choose folder…' }).click()
  await expect(dialog.getByRole('progressbar', { name: 'Importing…' })).toBeVisible()
  await expect(dialog.getByText(new RegExp(`^[1-9]\\d* of ${COUNT}`))).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  await expect(dialog.getByText(/The import was cancelled/)).toBeVisible()
  const summary = await dialog.getByRole('status').textContent()
  const importedCount = Number(/^(\d+) imported/.exec(summary ?? '')?.[1])
  expect(importedCount).toBeGreaterThan(0)
  expect(importedCount).toBeLessThan(COUNT)

  // Every document in the list is whole: it has sentences, in the list and on disk. The list
  // is virtualised, so its count is read from its heading and the rows from the core.
  await expect(page.getByRole('navigation')).toContainText(`${5 + importedCount} documents`)
  const listed = harness.workbench!.service.listDocuments()
  expect(listed).toHaveLength(5 + importedCount)
  for (const d of listed) expect(d.sentenceCount, d.id).toBeGreaterThan(0)
  const files = (await readdir(join(harness.projectDir, 'documents'))).filter((f) =>
    f.endsWith('.json'),
  )
  expect(files).toHaveLength(5 + importedCount)
  for (const file of files) {
    const stored = JSON.parse(await readFile(join(harness.projectDir, 'documents', file), 'utf8'))
    expect(
      stored.document.units.filter((u: { kind: string }) => u.kind === 'sentence').length,
      file,
    ).toBeGreaterThan(0)
  }
  await rm(folder, { recursive: true, force: true })
})
