/**
 * The reliability view with the real core: a second coder's labels arrive by sync, the analyst
 * codes the same sentences, and the team dialog computes the agreement per dimension, with its
 * interval, verdict and the coder pair.
 */
import { join } from 'node:path'
import type { DocumentView } from '../../electron/contract/model'
import { openCoder } from '../support/syncCoder'
import { syncOnce } from '../support/syncFolders'
import { expect, test, type Harness } from './harness'

const DOC = '000_21441c4ccb80678e'

/** Ben codes four sentences on his laptop (critical, critical, supportive, critical); sync. */
async function benCodes(harness: Harness): Promise<void> {
  const benProject = join(harness.dataDir, 'ben', 'project')
  await syncOnce(harness.projectDir, benProject)
  const ben = await openCoder(benProject, 'Ben', join(harness.dataDir, 'ben'))
  const view = await ben.call<DocumentView>('getDocument', DOC)
  const sentences = view.document.units.filter((u) => u.kind === 'sentence')
  for (const [i, stance] of ['critical', 'critical', 'supportive', 'critical'].entries())
    await ben.call('saveAnnotation', DOC, sentences[i].id, {
      statements: [{ id: 's1', values: { stance: [stance] } }],
      uncertain: false,
      note: '',
    })
  await ben.close()
  await syncOnce(benProject, harness.projectDir)
}

test('two coders code the same sentences; the team dialog shows alpha per dimension and the coder pair', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Ana' })
  await app.ready()

  await benCodes(harness)
  await expect(
    app.page.getByRole('navigation').getByRole('button', { name: /Coded by Ben 4/ }),
  ).toBeVisible()

  // Ana codes the same four: critical, critical, supportive, supportive.
  await app.sentences.first().click()
  await app.press('2', 'ArrowDown', '2', 'ArrowDown', '1', 'ArrowDown', '1')
  await app.waitSaved()

  await app.toolbar.getByRole('button', { name: 'Team', exact: true }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Team' })
  const panel = dialog.getByRole('region', { name: 'Agreement between coders' })
  await panel.getByRole('button', { name: 'Compute agreement' }).click()
  // Nominal alpha of [c c s s] against [c c s c]: 1 − (2/8) / (30/56) = 0.533.
  const stance = panel.getByRole('row', { name: /^Stance / })
  await expect(stance).toContainText('0.533')
  await expect(stance).toContainText('not reliable')
  await expect(stance.getByRole('cell').nth(1)).toHaveText(/^-?\d\.\d{3} – \d\.\d{3}$/)
  // Nobody gave an actor: alpha is undefined, and says why.
  await expect(panel.getByRole('row', { name: /^Actor / })).toContainText(
    'undefined: the coders used one single value throughout',
  )

  await panel.getByText('Coder pairs for Stance').click()
  const pair = panel.getByRole('table', { name: 'Coder pairs for Stance' }).getByRole('row', {
    name: /^(Ana – Ben|Ben – Ana) /,
  })
  await expect(pair).toContainText('0.750')
  await expect(pair.getByRole('cell').first()).toHaveText('4')
})

test.describe('in German', () => {
  test.use({ locale: 'de-DE' })

  test('the reliability view speaks German, numbers and reasons included', async ({ harness }) => {
    const app = await harness.start({ annotator: 'Ana' })
    await app.ready()
    await benCodes(harness)
    await expect(
      app.page.getByRole('navigation').getByRole('button', { name: /Codiert von Ben 4/ }),
    ).toBeVisible()
    await app.sentences.first().click()
    await app.press('2', 'ArrowDown', '2', 'ArrowDown', '1', 'ArrowDown', '1')
    await app.waitSaved()

    await app.toolbar.getByRole('button', { name: 'Team', exact: true }).click()
    const panel = app.page
      .getByRole('dialog', { name: 'Team' })
      .getByRole('region', { name: 'Übereinstimmung der Codierenden' })
    await panel.getByRole('button', { name: 'Übereinstimmung berechnen' }).click()
    const stance = panel.getByRole('row', { name: /^Haltung / })
    await expect(stance).toContainText('0,533')
    await expect(stance).toContainText('nicht reliabel')
    await expect(panel.getByRole('row', { name: /^Akteur / })).toContainText(
      'nicht bestimmbar: Die Codierenden haben durchweg einen einzigen Wert vergeben',
    )
  })
})
