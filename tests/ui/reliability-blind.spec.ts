/**
 * A reliability round with the real core: Ana draws a sample in the reliability view, Ben codes
 * it on his laptop and his files arrive by sync while Ana codes it blind (his labels on those
 * sentences never reach her screen); once she marks it done they do. The view shows alpha per
 * dimension over the sample and its round in the history; a disagreement is opened from the
 * list by keyboard and marked as a codebook problem, which lands in Ana's file.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DocumentView } from '../../electron/contract/model'
import type { SamplesView } from '../../electron/contract/reliability'
import { openCoder } from '../support/syncCoder'
import { syncOnce } from '../support/syncFolders'
import { expect, test, type Harness } from './harness'

const DOC = '000_21441c4ccb80678e'

/** Ben's laptop: the folder as synced, his app through the handler table. */
async function asBen<T>(
  harness: Harness,
  work: (ben: Awaited<ReturnType<typeof openCoder>>) => Promise<T>,
) {
  const benProject = join(harness.dataDir, 'ben', 'project')
  await syncOnce(harness.projectDir, benProject)
  const ben = await openCoder(benProject, 'Ben', join(harness.dataDir, 'ben'))
  try {
    return await work(ben)
  } finally {
    await ben.close()
    await syncOnce(benProject, harness.projectDir)
  }
}

test('two coders code a blind sample; the view shows alpha per dimension and a disagreement becomes a codebook problem', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Ana' })
  await app.ready()
  // Ben opens his copy once, so the team knows him.
  await asBen(harness, async () => undefined)

  const openView = async () => {
    await app.toolbar.getByRole('button', { name: /^Team/ }).click()
    await app.page
      .getByRole('dialog', { name: 'Team' })
      .getByRole('button', { name: 'Open the reliability view' })
      .click()
    return app.page.getByRole('dialog', { name: 'Reliability' })
  }
  const closeAll = async () => {
    await app.page.keyboard.press('Escape')
    await app.page.keyboard.press('Escape')
    await expect(app.page.getByRole('dialog')).toHaveCount(0)
  }

  // Ben's profile arrived by sync: Ana's app notices it by itself (the watcher, then the poll).
  await app.toolbar.getByRole('button', { name: /^Team/ }).click()
  await expect(app.page.getByRole('dialog', { name: 'Team' }).getByText('Ben')).toBeVisible({
    timeout: 15_000,
  })
  await app.page.keyboard.press('Escape')

  // Ana draws the whole corpus (five documents) for both coders, by keyboard.
  let view = await openView()
  const form = view.getByRole('form', { name: 'Draw a sample' })
  await expect(form.getByRole('checkbox', { name: 'Ben' })).toBeChecked()
  await expect(form.getByRole('checkbox', { name: 'Ana (you)' })).toBeChecked()
  await form.getByRole('textbox', { name: 'Name' }).fill('Pilot')
  await form.getByRole('spinbutton', { name: 'Size' }).fill('5')
  await form.getByRole('combobox', { name: 'Of' }).selectOption('documents')
  await form.getByRole('spinbutton', { name: 'Seed' }).fill('7')
  await form.getByRole('button', { name: 'Draw the sample' }).press('Enter')
  const samples = view.getByRole('table', { name: 'Reliability samples' })
  const row = samples.getByRole('row', { name: /Round 1: Pilot/ })
  await expect(row).toContainText('blind for you')
  // The sample-size helper: Krippendorff's 139 units for α .800, p .05, smallest share .25.
  await expect(
    view.getByRole('group', { name: 'How many sentences a sample needs' }),
  ).toContainText('At least 139 sentences')
  await closeAll()

  // Ben codes four sentences of the sample and marks it done; his files arrive by sync.
  await asBen(harness, async (ben) => {
    const [sample] = (await ben.call<SamplesView>('getSamples')).samples
    expect(sample.blindForMe).toBe(true)
    const doc = await ben.call<DocumentView>('getDocument', DOC)
    const sentences = doc.document.units.filter((u) => u.kind === 'sentence')
    for (const [i, stance] of ['critical', 'critical', 'supportive', 'critical'].entries())
      await ben.call('saveAnnotation', DOC, sentences[i].id, {
        statements: [{ id: 's1', values: { stance: [stance] } }],
        uncertain: false,
        note: '',
      })
    await ben.call('markSampleDone', sample.id)
  })
  await expect(
    app.page.getByRole('navigation').getByRole('button', { name: /Coded by Ben 4/ }),
  ).toBeVisible()

  // Ana codes the same four, blind: Ben's labels on them do not show.
  await app.sentences.first().click()
  const others = app.codingPanel.getByRole('region', { name: 'Other coders' })
  await expect(others).toHaveCount(0)
  await app.press('2', 'ArrowDown', '2', 'ArrowDown', '1', 'ArrowDown', '1')
  await app.waitSaved()
  await expect(others).toHaveCount(0)

  view = await openView()
  await view.getByRole('button', { name: 'Mark “Pilot” done' }).press('Enter')
  await expect(samples.getByRole('row', { name: /Round 1: Pilot/ })).toContainText(
    /done: Ana, Ben|done: Ben, Ana/,
  )

  // Alpha per dimension over the sample: [c c s s] against [c c s c], 1 − (2/8) / (30/56).
  await view
    .getByRole('combobox', { name: 'Sentences' })
    .selectOption({ label: 'Round 1: Pilot (codebook v1)' })
  const report = view.getByRole('table', { name: 'Agreement between coders' })
  const stance = report.getByRole('row', { name: /^Stance / })
  await expect(stance).toContainText('0.533')
  await expect(stance).toContainText('not reliable')
  await expect(
    stance.getByRole('img', {
      name: /^α 0\.533, 95 % interval .* beside the thresholds \.667 and \.800$/,
    }),
  ).toBeVisible()
  await expect(report.getByRole('row', { name: /^Actor / })).toContainText('undefined')
  await expect(
    view
      .getByRole('table', { name: 'Alpha per round' })
      .getByRole('row', { name: /Round 1 \(v1\) · Pilot/ }),
  ).toContainText('0.533')
  await expect(view.getByRole('table', { name: 'Coder matrix for Stance' })).toContainText('0.533')

  // The one disagreement, opened from the list by keyboard, marked as a codebook problem.
  const section = view.getByRole('region', { name: 'Disagreements to discuss' })
  await section.getByRole('combobox', { name: 'Dimension' }).selectOption({ label: 'Stance' })
  const list = section.getByRole('list', { name: 'Sentences where the coders differ' })
  await expect(list.getByRole('button')).toHaveCount(1)
  await list.getByRole('button').first().focus()
  await app.page.keyboard.press('Enter')
  const detail = section.getByRole('article', { name: 'The sentence in its context' })
  const side = detail.getByRole('table', { name: 'The coders’ labels side by side' })
  await expect(side.getByRole('columnheader')).toHaveText(['Dimension', /Ana|Ben/, /Ana|Ben/])
  const stanceRow = side.getByRole('row', { name: /^Stance/ })
  await expect(stanceRow).toContainText(/supportive/i)
  await expect(stanceRow).toContainText(/critical/i)
  await detail.getByRole('textbox', { name: 'Note for the discussion' }).fill('Ironie oder Kritik?')
  await detail.getByRole('checkbox', { name: 'Codebook problem' }).press('Space')
  await detail.getByRole('button', { name: 'Save the note' }).press('Enter')
  const problems = section.getByRole('region', { name: 'For the next codebook version' })
  await expect(problems.getByRole('listitem')).toHaveCount(1)
  await expect(problems.getByRole('listitem')).toContainText('Ana: Ironie oder Kritik?')

  // On disk: in Ana's own reliability file, the one file she writes there.
  const dir = join(harness.projectDir, 'reliability')
  const files = await Promise.all(
    (await readdir(dir))
      .filter((f) => f.endsWith('.json'))
      .map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8'))),
  )
  expect(files).toHaveLength(2)
  const file = files.find((f) => f.samples.length === 1)
  expect(file.notes).toMatchObject([{ note: 'Ironie oder Kritik?', codebookProblem: true }])
  expect(file.samples).toMatchObject([{ name: 'Pilot', seed: 7 }])

  // Done: Ben's labels show again beside Ana's own.
  await closeAll()
  await app.sentences.first().click()
  await expect(others.getByRole('listitem')).toHaveText([/^Ben: critical/])
})
