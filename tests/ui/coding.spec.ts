import { expect, storedAnnotations, test } from './harness'

const SUMMIT = '002_4aaa764273940afd'
const SUMMIT_TITLE = /^Der erste Trump-Kim-Gipfel/

test('one suggestion is accepted, another dismissed, and the dismissal stays for that sentence', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Suggestion Analyst' })
  await app.ready()
  await app.document(SUMMIT_TITLE).click()
  await expect(app.focusedSentence).toHaveText(SUMMIT_TITLE)
  const suggestions = app.codingPanel.getByRole('group', { name: 'Suggestions' })
  const current = app.codingPanel.getByRole('blockquote', { name: 'Current sentence' })
  await expect(app.highlights(current)).toHaveText(['Trump', 'Kim'])

  // "Kim" here is part of "Trump-Kim-Gipfel": a false positive, dismissed for this sentence.
  await suggestions.getByRole('button', { name: 'Dismiss Kim Jong Un for this sentence' }).click()
  await expect(suggestions.getByRole('button', { name: 'Accept Kim Jong Un' })).toHaveCount(0)
  await expect(app.highlights(current)).toHaveText(['Trump'])
  // Enter and Shift+Enter accept what is left, never the dismissed one.
  await app.press('Shift+Enter')
  await expect(app.label('Trump')).toHaveAttribute('aria-pressed', 'true')
  await expect(app.label('Kim Jong Un')).toHaveAttribute('aria-pressed', 'false')
  await app.waitSaved()
  const unitId = (await app.focusedSentence.getAttribute('data-unit'))!
  expect((await storedAnnotations(harness, SUMMIT))[unitId]).toMatchObject({
    dismissed: ['kim'],
    statements: [{ values: { actor: ['trump'] }, provenance: { trump: 'suggested-accepted' } }],
  })

  // After a restart the dismissal is still there; other sentences got Kim from Shift+Enter.
  const again = await harness.restart()
  await again.ready()
  await again.document(SUMMIT_TITLE).click()
  await expect(again.focusedSentence).toHaveText(SUMMIT_TITLE)
  await expect(again.codingPanel.getByRole('button', { name: 'Accept Kim Jong Un' })).toHaveCount(0)
  await expect(again.label('Kim Jong Un')).toHaveAttribute('aria-pressed', 'false')
  await again.press('ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown')
  await expect(again.focusedSentence).toHaveText(/^Während Nordkoreas Machthaber Kim Jong Un/)
  await expect(again.label('Kim Jong Un')).toHaveAttribute('aria-pressed', 'true')
})

test("an actor's own key on a mentioned actor records an accepted suggestion", async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Key Analyst' })
  await app.ready()
  await app.document(SUMMIT_TITLE).click()
  await expect(app.focusedSentence).toHaveText(SUMMIT_TITLE)
  await app.press('t', 'c')
  await expect(app.label('Trump')).toHaveAttribute('aria-pressed', 'true')
  await expect(app.label('Trump')).toHaveAccessibleDescription('accepted from a suggestion')
  await expect(app.label('China')).toHaveAttribute('aria-pressed', 'true')
  await expect(app.label('China')).not.toHaveAccessibleDescription('accepted from a suggestion')
  await app.waitSaved()
  const unitId = (await app.focusedSentence.getAttribute('data-unit'))!
  expect((await storedAnnotations(harness, SUMMIT))[unitId].statements[0]).toEqual({
    id: 's1',
    values: { actor: ['trump', 'china'] },
    provenance: { trump: 'suggested-accepted' },
  })
})

test('actors accepted for a whole document do not make it look coded; Space still finds the sentences without a stance', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Required Analyst' })
  await app.ready()
  await app.document(/^Ist es ein Scheitern mit Ansage/).click()
  await expect(app.focusedSentence).toHaveText(/^Ist es ein Scheitern mit Ansage/)
  await app.press('2')
  await expect(app.documentProgress).toContainText('1 of 67 coded')

  await app.press('Shift+Enter')
  await app.waitSaved()
  await expect(app.documentProgress).toContainText('1 of 67 coded')
  await expect(app.document(/^Ist es ein Scheitern mit Ansage/)).toContainText('1/67')
  await expect(app.sentences.nth(4)).toHaveAccessibleDescription('not coded yet: Trump')
  expect(harness.workbench!.service.listDocuments()[1].annotatedCount).toBe(1)

  // Sentence 5 carries Trump but no stance: Space goes there, then to sentence 6 (the same).
  await app.press(' ')
  await expect(app.focusedSentence).toHaveText(/^Oder ein kleiner Rückschlag/)
  await app.press('ArrowDown', 'ArrowDown', 'ArrowDown', '3', ' ')
  await expect(app.focusedSentence).toHaveText(/^"Es ist besser, etwas richtig zu tun/)
  await expect(app.documentProgress).toContainText('2 of 67 coded')

  // "Done" counts a sentence as coded without a stance; it is on the panel, reached by Tab.
  const done = app.codingPanel.getByRole('checkbox', {
    name: 'Coded, although a required dimension has no label',
  })
  await done.check()
  await expect(app.documentProgress).toContainText('3 of 67 coded')

  // The codebook decides: with the stance no longer required, any label counts.
  await app.page.getByRole('button', { name: 'Codebook', exact: true }).click()
  const editor = app.page.getByRole('dialog', { name: 'Codebook' })
  const stance = editor.getByRole('group', { name: 'Dimension Stance', exact: true })
  await stance.getByRole('checkbox', { name: /^Required/ }).uncheck()
  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(editor.getByRole('status')).toHaveText('Saved as version 2.')
  await editor.getByRole('button', { name: 'Close' }).click()
  const labelled = await app.sentences.evaluateAll(
    (els) => els.filter((el) => el.getAttribute('aria-description')).length,
  )
  await expect(app.documentProgress).toContainText(`${labelled} of 67 coded`)
  await expect(app.document(/^Ist es ein Scheitern mit Ansage/)).toContainText(`${labelled}/67`)
  expect(labelled).toBeGreaterThan(10)
})

test('Space in a fully coded document says so', async ({ harness }) => {
  const app = await harness.start({ annotator: 'Space Analyst' })
  await app.ready()
  const total = await app.sentences.count()
  for (let i = 0; i < total; i++) await app.press('3', ' ')
  await expect(app.documentProgress).toContainText(`${total} of ${total} coded`)
  await expect(app.notice('Every sentence of this document is coded.')).toBeVisible()
  await app.waitSaved()
})

test('undo and redo say which statement they changed', async ({ harness }) => {
  const app = await harness.start({ annotator: 'Undo Analyst' })
  await app.ready()
  await app.press('ArrowDown', '2', '+', '1', 't')
  await app.press('Control+z')
  await expect(app.notice('Undone (label): sentence 2, statement 2 now supportive')).toBeVisible()
  await app.press('Control+z')
  await expect(
    app.notice('Undone (label): sentence 2, statement 2 now without labels'),
  ).toBeVisible()
  await app.press('Control+y')
  await expect(app.notice('Redone (label): sentence 2, statement 2 now supportive')).toBeVisible()
  // The changed statement is the current one, so the next key acts where the change was.
  await app.press('ArrowDown', 'ArrowUp')
  await app.press('Control+z')
  await expect(app.codingPanel.getByRole('tab', { name: 'Statement 2' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await app.press('Control+y', 'ArrowDown', 'Shift+Enter', 'Control+z')
  await expect(
    app.notice(/Undone \(all suggestions of the document\): \d+ sentences/),
  ).toBeVisible()
  await app.waitSaved()
})
