/**
 * Adjudication by keyboard with the real core: three coders' layers arrive by sync, the
 * adjudicator opens the view (Ctrl+Shift+A), accepts what all agree on, takes the majority, a
 * coder's values and an edit by keys, and the gold layer lands on disk with its provenance.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DocumentView } from '../../electron/contract/model'
import { openCoder } from '../support/syncCoder'
import { syncOnce } from '../support/syncFolders'
import { expect, test, type Harness } from './harness'

const DOC = '000_21441c4ccb80678e'

/** The stance each coder gives the first four sentences. */
const CODINGS: Record<string, string[]> = {
  Ben: ['supportive', 'critical', 'neutral', 'critical'],
  Cem: ['supportive', 'critical', 'critical', 'supportive'],
  Dora: ['supportive', 'supportive', 'supportive', 'supportive'],
}

/** Each coder codes on their own copy, which is then synced back; returns name → coder id. */
async function othersCode(harness: Harness): Promise<Record<string, string>> {
  const ids: Record<string, string> = {}
  for (const [name, stances] of Object.entries(CODINGS)) {
    const copy = join(harness.dataDir, name, 'project')
    await syncOnce(harness.projectDir, copy)
    const coder = await openCoder(copy, name, join(harness.dataDir, name))
    const view = await coder.call<DocumentView>('getDocument', DOC)
    const sentences = view.document.units.filter((u) => u.kind === 'sentence')
    for (const [i, stance] of stances.entries())
      await coder.call('saveAnnotation', DOC, sentences[i].id, {
        statements: [{ id: 's1', values: { stance: [stance] } }],
        uncertain: false,
        note: '',
      })
    ids[name] = coder.id
    await coder.close()
    await syncOnce(copy, harness.projectDir)
  }
  return ids
}

test('an adjudication by keyboard: automatic acceptance, the majority, a coder, an edit; gold on disk', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Ana' })
  await app.ready()
  const ids = await othersCode(harness)
  await expect(
    app.page.getByRole('navigation').getByRole('button', { name: /Coded by .*Dora 4/ }),
  ).toBeVisible()

  await app.sentences.first().click()
  await app.press('Control+Shift+A')
  const dialog = app.page.getByRole('dialog', { name: 'Adjudication' })
  // Sentences 2–4 differ; the first all three coded alike.
  await expect(dialog).toContainText('0 of 3 disagreements resolved')

  await dialog.getByRole('combobox', { name: /^Accept/ }).selectOption('unanimous')
  await dialog.getByRole('button', { name: 'Accept automatically' }).click()
  const runs = dialog.getByRole('list', { name: 'Accepted automatically' })
  await expect(runs).toContainText('1 values (what all coders agree on)')
  await expect(dialog).toContainText('Gold values: 1 agreed, 0 by majority, 0 adjudicated')

  // The letters follow the coder ids; key 1 is coder A.
  const order = Object.entries(ids)
    .sort((a, b) => (a[1] < b[1] ? -1 : 1))
    .map(([name]) => name)
  const keyOf = (name: string) => String(order.indexOf(name) + 1)
  const sentence = dialog.getByRole('region', { name: 'Sentence to adjudicate' })
  const stanceRow = sentence.getByRole('row', { name: /^Stance / })

  // Sentence 2: Ben and Cem say critical, Dora supportive. M takes the majority.
  await expect(dialog).toContainText('Disagreement 1 of 3')
  await expect(stanceRow).toContainText('critical')
  await app.press('m')
  await expect(dialog).toContainText('Disagreement 2 of 3')
  // Sentence 3: no majority (neutral, critical, supportive); a note, then Dora's value by key.
  await expect(stanceRow).toContainText('no majority')
  await dialog.getByRole('textbox', { name: /Note for the decision/ }).fill('reported speech')
  await app.press('Tab', keyOf('Dora'))
  await expect(dialog).toContainText('Disagreement 3 of 3')
  // Sentence 4: edited to neutral, which nobody gave: E, the third stance, Enter.
  await app.press('e')
  const editor = dialog.getByRole('form', { name: 'The gold of this sentence' })
  await editor.getByRole('radio', { name: 'neutral' }).press('Space')
  await app.press('Enter')
  await expect(dialog).toContainText('3 of 3 disagreements resolved')
  await expect(dialog).toContainText('Gold values: 1 agreed, 0 by majority, 3 adjudicated')

  // P goes back: sentence 3 shows Dora's value, decided by Ana.
  await app.press('p')
  await expect(stanceRow).toContainText('supportive (adjudicated by Ana)')

  // What lands on disk: Ana's gold file, every value with its provenance.
  const [me] = await readdir(join(harness.projectDir, 'gold'))
  const file = JSON.parse(
    await readFile(join(harness.projectDir, 'gold', me, `${DOC}.json`), 'utf8'),
  ) as { adjudicator: string; sentences: Record<string, { values: Record<string, unknown> }> }
  expect(file.adjudicator).toBe(me)
  const values = Object.values(file.sentences).map((s) => s.values.stance)
  expect(values).toEqual([
    expect.objectContaining({ labels: ['supportive'], origin: 'unanimous', by: me }),
    expect.objectContaining({
      labels: ['critical'],
      origin: 'decided',
      coders: [ids.Ben, ids.Cem].sort(),
    }),
    expect.objectContaining({
      labels: ['supportive'],
      coders: [ids.Dora],
      note: 'reported speech',
    }),
    expect.objectContaining({ labels: ['neutral'], coders: [], origin: 'decided' }),
  ])

  // Each coder against gold: Dora's four times supportive match two of the four gold stances.
  await dialog.getByText('Agreement of each coder with gold').click()
  await expect(
    dialog
      .getByRole('table', { name: 'Agreement of each coder with gold' })
      .getByRole('row', { name: /^Dora Stance 4 50 %/ }),
  ).toBeVisible()

  // The automatic acceptance is undone; the decisions stay.
  await dialog.getByRole('button', { name: /^Undo acceptance of / }).click()
  await expect(runs).toContainText('Nothing accepted automatically yet.')
  await expect(dialog).toContainText('Gold values: 0 agreed, 0 by majority, 3 adjudicated')
})

test.describe('in German', () => {
  test.use({ locale: 'de-DE' })

  test('the adjudication view speaks German, and its keys work the same', async ({ harness }) => {
    const app = await harness.start({ annotator: 'Ana' })
    await app.ready()
    await othersCode(harness)
    await expect(
      app.page.getByRole('navigation').getByRole('button', { name: /Codiert von .*Dora 4/ }),
    ).toBeVisible()
    await app.toolbar.getByRole('button', { name: 'Entscheiden' }).click()
    const dialog = app.page.getByRole('dialog', { name: 'Entscheidung' })
    await expect(dialog).toContainText('0 von 3 Abweichungen entschieden')
    await expect(dialog).toContainText('Abweichung 1 von 3')
    await expect(
      dialog
        .getByRole('region', { name: 'Zu entscheidender Satz' })
        .getByRole('row', { name: /^Haltung / }),
    ).toContainText('offen')
    await app.press('m')
    await expect(dialog).toContainText('1 von 3 Abweichungen entschieden')
    await expect(dialog).toContainText('Abweichung 2 von 3')
    await expect(dialog).not.toContainText('Disagreement')
  })
})
