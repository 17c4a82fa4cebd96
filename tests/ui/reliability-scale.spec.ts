/**
 * A dimension put on an interval scale in the codebook editor: the team dialog's agreement shows
 * its interval alpha, with interval and verdict, on a row of its own beside the nominal one.
 */
import { join } from 'node:path'
import type { DocumentView } from '../../electron/contract/model'
import { openCoder } from '../support/syncCoder'
import { syncOnce } from '../support/syncFolders'
import { expect, test, type Harness } from './harness'

const DOC = '000_21441c4ccb80678e'

async function benCodes(harness: Harness): Promise<void> {
  const benProject = join(harness.dataDir, 'ben', 'project')
  await syncOnce(harness.projectDir, benProject)
  const ben = await openCoder(benProject, 'Ben', join(harness.dataDir, 'ben'))
  const view = await ben.call<DocumentView>('getDocument', DOC)
  const sentences = view.document.units.filter((u) => u.kind === 'sentence')
  for (const [i, stance] of ['critical', 'neutral', 'supportive', 'critical'].entries())
    await ben.call('saveAnnotation', DOC, sentences[i].id, {
      statements: [{ id: 's1', values: { stance: [stance] } }],
      uncertain: false,
      note: '',
    })
  await ben.close()
  await syncOnce(benProject, harness.projectDir)
}

test('the stance on an interval scale gets an interval alpha beside the nominal one', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Ana' })
  await app.ready()
  await benCodes(harness)
  await expect(
    app.page.getByRole('navigation').getByRole('button', { name: /Coded by Ben 4/ }),
  ).toBeVisible()
  // Ana: critical, critical, supportive, neutral.
  await app.sentences.first().click()
  await app.press('2', 'ArrowDown', '2', 'ArrowDown', '1', 'ArrowDown', '3')
  await app.waitSaved()

  await app.page.getByRole('button', { name: 'Codebook', exact: true }).click()
  const editor = app.page.getByRole('dialog', { name: 'Codebook' })
  const stance = editor.getByRole('group', { name: 'Dimension Stance', exact: true })
  await stance
    .getByRole('combobox', { name: 'Scale', exact: true })
    .selectOption({ label: 'interval (each label a number)' })
  const values: Record<string, string> = {
    supportive: '1',
    critical: '-1',
    neutral: '0',
    mixed: '0',
  }
  for (const [name, value] of Object.entries(values))
    await editor
      .getByRole('group', { name: `Label ${name}`, exact: true })
      .getByRole('spinbutton', { name: 'Value on the scale' })
      .fill(value)
  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(editor.getByRole('status')).toHaveText('Saved as version 2.')
  await editor.getByRole('button', { name: 'Close' }).click()

  await app.toolbar.getByRole('button', { name: 'Team', exact: true }).click()
  const panel = app.page
    .getByRole('dialog', { name: 'Team' })
    .getByRole('region', { name: 'Agreement between coders' })
  await panel.getByRole('button', { name: 'Compute agreement' }).click()
  // Ana [-1 -1 1 0], Ben [-1 0 1 -1]: nominal 1 − (4/8)/(40/56) = 0.300; interval
  // D_o = 4/8, D_e = 2·(8·6 − 2²)/56 = 88/56, so α = 1 − 28/88 = 0.682: a near miss counts less.
  await expect(panel.getByRole('row', { name: /^Stance, nominal α / })).toContainText('0.300')
  const interval = panel.getByRole('row', { name: /^Stance, interval α / })
  await expect(interval).toContainText('0.682')
  await expect(interval).toContainText('tentative conclusions only')
  await expect(interval.getByRole('cell').nth(1)).toHaveText(/^-?\d\.\d{3} – -?\d\.\d{3}$/)
})
