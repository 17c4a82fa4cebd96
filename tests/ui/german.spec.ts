/**
 * A German-speaking analyst's first hour: the system speaks German, so the app does, through an
 * import with bad files, a codebook key collision and an export that warns. At every step no
 * text of the English catalogues may be on the screen.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { CATALOGUES } from '../../electron/contract/messages'
import { rendererCatalogues, type Catalogues } from '../support/catalogues'
import { expect, test } from './harness'

test.use({ locale: 'de-DE' })

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url))

/** Every text of a catalogue, nested objects and singular/plural forms included. */
function texts(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree]
  if (tree && typeof tree === 'object') return Object.values(tree).flatMap(texts)
  return []
}

/**
 * The English phrases the German UI must never show: every text of the English catalogues
 * (the renderer's and core's), cut at its parameters and plural bars into literal pieces. A piece
 * the German catalogues contain as well (Format, CSV, GraphML, Version …) proves nothing, and
 * pieces of a single short word ("of", "and") would match German article text by chance.
 */
function englishPhrases(renderer: Catalogues): string[] {
  const german = [...texts(renderer.de), ...texts(CATALOGUES.de)].join('\n')
  const pieces = [...texts(renderer.en), ...texts(CATALOGUES.en)]
    .flatMap((t) => t.split(/\{\w+\}|\s\|\s|[…“”"()]/))
    .map((p) => p.trim().replace(/^[\s,.:;!?–-]+|[\s,.:;!?–-]+$/g, ''))
    .filter((p) => /[a-z]{2}/i.test(p))
    .filter((p) => (p.includes(' ') ? p.length >= 6 : p.length >= 5))
    .filter((p) => !german.includes(p))
  return [...new Set(pieces)]
}

let ENGLISH: string[] = []
test.beforeAll(async () => {
  ENGLISH = englishPhrases(await rendererCatalogues())
})

/**
 * The English phrases on screen right now, as whole words: in the text the analyst reads and in
 * the names a screen reader says (aria-label), tooltips and placeholders.
 */
async function englishOnScreen(page: Page): Promise<string[]> {
  const shown = await page.locator('body').innerText()
  const spoken = await page.evaluate(() =>
    [...document.querySelectorAll('[aria-label], [title], [placeholder]')]
      .flatMap((el) => ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''))
      .join('\n'),
  )
  const screen = `${shown}\n${spoken}`
  return ENGLISH.filter((phrase) => {
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'u').test(screen)
  })
}

async function expectNoEnglish(page: Page, where: string): Promise<void> {
  expect(await englishOnScreen(page), `English on screen: ${where}`).toEqual([])
}

test('the German UI speaks German through an import with bad files, a key collision and an export warning', async ({
  harness,
}) => {
  expect(ENGLISH.length, 'the check has English phrases to look for').toBeGreaterThan(300)
  const bad = await mkdtemp(join(tmpdir(), 'workbench-de-'))
  await writeFile(join(bad, 'leer.txt'), '')
  await writeFile(join(bad, 'bericht.pdf'), '%PDF-1.4\n')
  try {
    const app = await harness.start({ annotator: 'Anna Beispiel' })
    const { page } = app
    await app.ready()

    // A new project in German: its name, its codebook and the toolbar.
    await expect(app.label('unterstützend')).toBeVisible()
    await expect(app.label('kritisch')).toBeVisible()
    await expect(page.getByRole('navigation')).toContainText('5 Dokumente')
    expect(harness.workbench?.service.info().name).toBe('Beispielkorpus')
    await expectNoEnglish(page, 'the main screen')

    // Import: two good files with warnings, an empty file and an unsupported one.
    harness.dialogs.answer('chooseImportFiles', [
      join(FIXTURES, 'windows-1252-crlf.txt'),
      join(FIXTURES, 'artikel-eine-kaputte-zeile.jsonl'),
      join(bad, 'leer.txt'),
      join(bad, 'bericht.pdf'),
    ])
    await page.getByRole('button', { name: 'Importieren', exact: true }).click()
    const importDialog = page.getByRole('dialog', { name: 'Dokumente importieren' })
    await importDialog.getByRole('button', { name: 'Dateien auswählen …' }).click()
    await expect(importDialog.getByRole('status')).toHaveText(
      /^\d+ importiert, 0 als Duplikat übersprungen, 2 fehlgeschlagen$/,
    )
    const failed = importDialog.getByRole('list', { name: /^Fehlgeschlagen/ }).getByRole('listitem')
    await expect(failed.filter({ hasText: 'leer.txt' })).toContainText('die Datei ist leer')
    await expect(failed.filter({ hasText: 'bericht.pdf' })).toContainText(
      'nicht unterstützter Dateityp .pdf (unterstützt: .txt',
    )
    const warnings = importDialog.getByRole('list', { name: /^Hinweise/ })
    await expect(warnings).toContainText(
      'die Datei ist nicht in UTF-8; sie wurde als Windows-1252 gelesen',
    )
    await expect(warnings).toContainText(/Zeile \d+: kein gültiges JSON \(.+\); übersprungen/)
    await expectNoEnglish(page, 'the import report')
    await importDialog.getByRole('button', { name: 'Schließen' }).first().click()
    await expect(importDialog).toBeHidden()

    // The codebook editor: a key taken twice is refused in German.
    await page.getByRole('button', { name: 'Codebuch', exact: true }).click()
    const editor = page.getByRole('dialog', { name: 'Codebuch' })
    const critical = editor.getByRole('group', { name: 'Label kritisch', exact: true })
    const key = critical.getByRole('textbox', { name: 'Taste' })
    await key.press('t')
    await expect(
      critical.getByText(
        'Die Taste „t“ ist schon „Trump“ (Akteur) zugeordnet; wählen Sie für „kritisch“ eine andere Taste.',
      ),
    ).toBeVisible()
    await expect(editor.getByText('Beheben Sie vor dem Speichern ein Problem.')).toBeVisible()
    await expect(editor.getByRole('button', { name: 'Speichern' })).toBeDisabled()
    await expectNoEnglish(page, 'the codebook editor with a collision')
    await page.keyboard.press('Escape')
    const discard = page.getByRole('alertdialog', { name: 'Ungespeicherte Änderungen verwerfen?' })
    await discard.getByRole('button', { name: 'Änderungen verwerfen' }).click()
    await expect(editor).toBeHidden()

    // An actor network of a corpus where no statement has an actor and an argument: a warning.
    harness.dialogs.answer('chooseSaveFile', join(bad, 'netzwerk.graphml'))
    await page.getByRole('button', { name: 'Exportieren', exact: true }).click()
    const exportDialog = page.getByRole('dialog', { name: 'Exportieren' })
    await exportDialog.getByRole('combobox', { name: 'Format' }).selectOption('graphml')
    await expectNoEnglish(page, 'the export dialog')
    await exportDialog.getByRole('button', { name: 'Exportieren …' }).click()
    await expect(
      exportDialog.getByText(
        'Es wurde kein Netzwerk geschrieben: Keine exportierte Aussage hat zugleich einen Akteur und ein Argument.',
      ),
    ).toBeVisible()
    await expectNoEnglish(page, 'the export result with its warning')

    // The shortcut sheet names the keys as a German keyboard prints them.
    await exportDialog.getByRole('button', { name: 'Schließen' }).first().click()
    await expect(exportDialog).toBeHidden()
    await app.sentences.first().click()
    await page.keyboard.press('?')
    const sheet = page.getByRole('dialog', { name: 'Tastenkürzel' })
    for (const name of ['Bild ↓ / Bild ↑', 'Leertaste', 'Entf / Rücktaste', 'Strg+Z'])
      await expect(sheet.getByRole('rowheader', { name, exact: true })).toBeVisible()
    await expectNoEnglish(page, 'the shortcut sheet')
    await page.keyboard.press('Escape')
    await expect(sheet).toBeHidden()

    // Split and merge a coded sentence: what was done, and why to check it, in German.
    await app.press('ArrowDown', '2', 't')
    await expect(app.focusedSentence).toHaveText(/^Einiges deutete im Vorfeld darauf hin, dass/)
    await app.codingPanel.getByRole('button', { name: 'Teilen …' }).click()
    await app.codingPanel.getByRole('button', { name: 'Vor „dass“ teilen' }).click()
    await expect(
      app.notice('Geteilt. Beide Hälften haben die Labels behalten; prüfen Sie sie.'),
    ).toBeVisible()
    await expect(app.codingPanel.getByRole('note')).toContainText(
      'Labels prüfen: geteilt: Beide Hälften haben die Labels des ganzen Satzes behalten',
    )
    await expectNoEnglish(page, 'a split sentence')
    await app.codingPanel.getByRole('button', { name: 'Mit dem nächsten verbinden' }).click()
    await expect(app.codingPanel.getByRole('note')).toContainText(
      'Labels prüfen: verbunden: Prüfen Sie die Labels des verbundenen Satzes',
    )
    await page.getByRole('button', { name: 'Neu segmentieren' }).click()
    await expect(app.notice(/^Neu segmentiert/)).toBeVisible()
    await expectNoEnglish(page, 'after merging and segmenting again')

    // The find panel and the overview.
    await page.getByRole('button', { name: 'Suchen', exact: true }).first().click()
    await expectNoEnglish(page, 'the find panel')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Überblick', exact: true }).click()
    await expect(page.getByRole('dialog', { name: 'Überblick über die Codierung' })).toBeVisible()
    await expectNoEnglish(page, 'the overview')
  } finally {
    await rm(bad, { recursive: true, force: true })
  }
})
