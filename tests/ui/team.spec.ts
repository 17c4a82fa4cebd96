/**
 * The team views with the real core: a second coder's labels arrive in the project folder (as a
 * sync engine would bring them) while the app is open, and the analyst sees them, read-only,
 * without a restart; a sync engine's conflict copy is reported.
 */
import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DocumentView } from '../../electron/contract/model'
import { openCoder } from '../support/syncCoder'
import { syncOnce } from '../support/syncFolders'
import { expect, test } from './harness'

const DOC = '000_21441c4ccb80678e'

test("another coder's labels arriving by sync show beside one's own, and a conflict copy is reported", async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Ana' })
  await app.ready()
  const firstSentence = app.sentences.first()
  await firstSentence.click()
  // Ana's own label of the sentence, and a note she is still writing when Ben's files arrive.
  await app.press('1')
  await expect(app.label('supportive')).toHaveAttribute('aria-pressed', 'true')
  const note = app.codingPanel.getByRole('textbox', { name: /^Note/ })

  // Ben codes on his laptop; his files reach Ana's folder while her app is open.
  const benProject = join(harness.dataDir, 'ben', 'project')
  await syncOnce(harness.projectDir, benProject)
  const ben = await openCoder(benProject, 'Ben', join(harness.dataDir, 'ben'))
  const view = await ben.call<DocumentView>('getDocument', DOC)
  const sentences = view.document.units.filter((u) => u.kind === 'sentence')
  for (const unit of sentences.slice(0, 2))
    await ben.call('saveAnnotation', DOC, unit.id, {
      statements: [{ id: 's1', values: { stance: ['critical'] } }],
      uncertain: false,
      note: 'zu hart',
    })
  await ben.close()
  await syncOnce(benProject, harness.projectDir)

  await note.fill('noch nicht fertig')
  const others = app.codingPanel.getByRole('region', { name: 'Other coders' })
  await expect(others.getByRole('listitem')).toHaveText(['Ben: critical · zu hart'])
  // What arrived is shown beside Ana's work and never replaces it.
  await expect(app.label('supportive')).toHaveAttribute('aria-pressed', 'true')
  await expect(note).toHaveValue('noch nicht fertig')
  await expect(
    app.page.getByRole('navigation').getByRole('button', { name: /Coded by Ben 2/ }),
  ).toBeVisible()

  await app.toolbar.getByRole('button', { name: 'Team', exact: true }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Team' })
  await expect(
    dialog.getByRole('progressbar', { name: /^Ben: 2 of \d+ sentences coded$/ }),
  ).toBeVisible()
  await expect(dialog.getByText('Every file of the shared folder was read.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()

  // Two machines wrote one file: the copy Syncthing would leave is reported, not read.
  const layers = join(harness.projectDir, 'annotations', ben.id)
  await copyFile(
    join(layers, `${DOC}.json`),
    join(layers, `${DOC}.sync-conflict-20260301-101010-ABCDEFG.json`),
  )
  const flagged = app.toolbar.getByRole('button', { name: 'Team (1 to check)' })
  await expect(flagged).toBeVisible()
  await flagged.click()
  await expect(dialog.getByRole('listitem').filter({ hasText: 'sync-conflict' })).toHaveText(
    /is a copy a sync engine made when two machines changed one file\. It is not read/,
  )
  await expect(others.getByRole('listitem')).toHaveText(['Ben: critical · zu hart'])
})
