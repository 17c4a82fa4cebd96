import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestInfo } from '@playwright/test'
import type { DocumentView } from '../../electron/contract/model'
import { openCoder } from '../support/syncCoder'
import { syncOnce } from '../support/syncFolders'
import type { WorkbenchPage } from '../support/workbenchPage'
import { expect, test } from './harness'

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)))

/**
 * Where a picture goes: into the README's folder (docs/screenshots) only on request
 * (`npm run screenshots`, which sets SCREENSHOTS=1), so `npm test` leaves the work tree clean;
 * otherwise beside the test's results. Either way the test asserts what the picture must show.
 */
async function picture(testInfo: TestInfo, name: string): Promise<string> {
  if (process.env.SCREENSHOTS !== '1') return testInfo.outputPath(name)
  const dir = join(REPO, 'docs', 'screenshots')
  await mkdir(dir, { recursive: true })
  return join(dir, name)
}

/** Labels the first eight sentences of "Ist es ein Scheitern mit Ansage?" from the keyboard. */
async function codeEightSentences(app: WorkbenchPage): Promise<void> {
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
  for (const keys of codes) await app.press(...keys, 'ArrowDown')
  // The eighth gets actors and an argument but no stance: by the codebook it is not coded yet.
  await app.press('t', 'x', 'Enter')
  await app.waitSaved()
  await expect(app.documentProgress).toContainText('7 of 67 coded')
}

// The README's pictures come from the real app: this test codes part of an article and
// photographs the main screen. It asserts what the picture must show, so a broken screen fails.
test('the main screen, photographed for the README', async ({ harness }, testInfo) => {
  const app = await harness.start({ annotator: 'Erika Mustermann' })
  await app.ready()
  await codeEightSentences(app)
  await app.page.screenshot({ path: await picture(testInfo, 'main.png') })

  // The overview: sentences per label, and the stance profile of every document.
  await app.page.getByRole('button', { name: 'Overview' }).click()
  const overview = app.page.getByRole('dialog', { name: 'Overview of the coding' })
  await expect(
    overview.getByRole('button', {
      name: /^Open Ist es ein Scheitern mit Ansage\?: critical 6 %, neutral 3 %, mixed 1 %/,
    }),
  ).toBeVisible()
  await expect(overview.getByRole('row', { name: /^Trump/ })).toHaveText(/Trump\s*4/)
  await overview.screenshot({ path: await picture(testInfo, 'overview.png') })
})

test('the whole layout at 1024×700, photographed for the README', async ({ harness }, testInfo) => {
  await harness.page.setViewportSize({ width: 1024, height: 700 })
  const app = await harness.start({ annotator: 'Erika Mustermann' })
  await app.ready()
  await codeEightSentences(app)
  await app.press('/')
  await app.page.keyboard.type('Trump Kim')
  const find = app.page.getByRole('search')
  await expect(find.getByRole('status')).toHaveText(/^\d+ sentences$/)
  await expect(app.highlights(find.getByRole('list', { name: 'Results' })).first()).toBeVisible()
  // The whole layout is on screen: toolbar, documents with the find panel, article, coding panel.
  for (const region of [
    app.toolbar,
    app.page.getByRole('navigation'),
    find,
    app.page.getByRole('main'),
    app.codingPanel,
  ])
    await expect(region).toBeInViewport()
  const sideways = await app.page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  )
  expect(sideways).toBe(false)
  await app.page.screenshot({ path: await picture(testInfo, 'layout-1024x700.png') })
})

/** Stance, actors and arguments of the first five sentences, per coder: where they differ. */
const TEAM_CODINGS: Record<string, Array<[string, string[], string[]]>> = {
  'Jonas Weber': [
    ['critical', ['trump', 'kim'], ['symbolic-politics']],
    ['critical', ['trump'], []],
    ['neutral', ['kim'], ['denuclearisation']],
    ['mixed', ['trump', 'kim'], []],
    ['critical', [], []],
  ],
  'Lena Vogel': [
    ['critical', ['trump', 'kim'], ['symbolic-politics']],
    ['critical', ['trump', 'kim'], []],
    ['critical', ['kim'], ['denuclearisation', 'sanctions']],
    ['mixed', ['trump'], []],
    ['neutral', [], []],
  ],
  'Mehmet Aydın': [
    ['critical', ['trump', 'kim'], ['symbolic-politics']],
    ['supportive', ['trump'], []],
    ['critical', ['kim'], ['denuclearisation']],
    ['mixed', ['trump', 'kim'], []],
    ['critical', ['experts'], []],
  ],
}

test('the adjudication view, photographed for the README', async ({ harness }, testInfo) => {
  const app = await harness.start({ annotator: 'Erika Mustermann' })
  await app.ready()
  const doc = '000_21441c4ccb80678e'
  for (const [name, codings] of Object.entries(TEAM_CODINGS)) {
    const copy = join(harness.dataDir, name, 'project')
    await syncOnce(harness.projectDir, copy)
    const coder = await openCoder(copy, name, join(harness.dataDir, name))
    const view = await coder.call<DocumentView>('getDocument', doc)
    const sentences = view.document.units.filter((u) => u.kind === 'sentence')
    for (const [i, [stance, actor, argument]] of codings.entries())
      await coder.call('saveAnnotation', doc, sentences[i].id, {
        statements: [{ id: 's1', values: { stance: [stance], actor, argument } }],
        uncertain: false,
        note: '',
      })
    await coder.close()
    await syncOnce(copy, harness.projectDir)
  }
  await expect(
    app.page.getByRole('navigation').getByRole('button', { name: /Coded by .*Mehmet Aydın 5/ }),
  ).toBeVisible()
  await app.toolbar.getByRole('button', { name: 'Adjudicate' }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Adjudication' })
  await dialog.getByRole('combobox', { name: /^Accept/ }).selectOption('unanimous')
  await dialog.getByRole('button', { name: 'Accept automatically' }).click()
  // Sentence 1 agreed in all three dimensions, the actors of 3 and the stance of 4.
  await expect(dialog).toContainText('Gold values: 5 agreed, 0 by majority, 0 adjudicated')
  await dialog.getByRole('button', { name: 'Next disagreement' }).click()
  await expect(dialog).toContainText('Disagreement 2 of 4')
  const sentence = dialog.getByRole('region', { name: 'Sentence to adjudicate' })
  // The stance: neutral once, critical twice; gold still open.
  await expect(sentence.getByRole('row', { name: /^Stance / })).toContainText('open')
  await expect(sentence.getByRole('row', { name: /^Actor / })).toContainText('(agreed)')
  await dialog.screenshot({ path: await picture(testInfo, 'adjudication.png') })
})
