import { expect, storedAnnotations, test } from './harness'

const DOC = '002_4aaa764273940afd'
const TITLE = /^Der erste Trump-Kim-Gipfel/

// The Done-when of the issue: every toolbar button, a document and a single suggestion, reached
// and pressed with Tab, Shift+Tab, Enter and Space only.
test('every toolbar button, a document and one suggestion work with Tab, Shift+Tab, Enter and Space alone', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Tab Analyst' })
  await app.ready()
  const bar = app.toolbar

  // Find opens the search panel with the search box focused; its close button closes it.
  await app.tabTo(bar.getByRole('button', { name: 'Find', exact: true }))
  await app.press('Enter')
  const search = app.page.getByRole('search')
  await expect(search.getByRole('searchbox', { name: 'Search text' })).toBeFocused()
  await app.tabTo(search.getByRole('button', { name: 'Close search' }))
  await app.press(' ')
  await expect(search).toBeHidden()

  // Every other toolbar button opens a dialog (codebook, overview, team, import, export,
  // annotator, shortcuts); its Close or Cancel is reached with Tab, and the focus comes back.
  const buttons = bar.getByRole('button')
  const count = await buttons.count()
  let walked = 0
  for (let i = 0; i < count; i++) {
    const button = buttons.nth(i)
    if ((await button.isDisabled()) || (await button.textContent())?.trim() === 'Find') continue
    const keys = walked % 2 ? { open: ' ', close: 'Enter' } : { open: 'Enter', close: ' ' }
    await app.tabTo(button)
    await app.press(keys.open)
    const dialog = app.page.getByRole('dialog')
    await expect(dialog).toBeVisible()
    await app.tabTo(dialog.getByRole('button', { name: /^(Close|Cancel)$/ }))
    await app.press(keys.close)
    await expect(dialog).toBeHidden()
    await expect(button).toBeFocused()
    walked++
  }
  // All but Find (above) and Undo and Redo, which wait for a change (below).
  expect(walked).toBe(count - 3)
  expect(walked).toBeGreaterThanOrEqual(7)

  // A document, opened from the list with Enter.
  await app.tabTo(app.document(TITLE))
  await app.press('Enter')
  await expect(app.page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible()
  await expect(app.focusedSentence).toHaveText(TITLE)

  // The first sentence mentions Trump and Kim: accept one of the two, with Space.
  const acceptTrump = app.codingPanel.getByRole('button', { name: 'Accept Trump' })
  await expect(app.codingPanel.getByRole('button', { name: 'Accept Kim Jong Un' })).toBeVisible()
  await app.tabTo(acceptTrump)
  await app.press(' ')
  await expect(app.label('Trump')).toHaveAttribute('aria-pressed', 'true')
  await expect(app.label('Kim Jong Un')).toHaveAttribute('aria-pressed', 'false')
  await expect(app.codingPanel.getByRole('button', { name: 'Accept Kim Jong Un' })).toBeVisible()
  await app.waitSaved()
  const unitId = (await app.focusedSentence.getAttribute('id'))!.replace(/^unit-/, '')
  expect((await storedAnnotations(harness, DOC))[unitId].statements[0]).toEqual({
    id: 's1',
    values: { actor: ['trump'] },
    provenance: { trump: 'suggested-accepted' },
  })

  // Back up to the toolbar with Shift+Tab: Undo takes the label away and says what it changed.
  await app.tabTo(bar.getByRole('button', { name: 'Undo' }), { back: true })
  await app.press('Enter')
  await expect(app.label('Trump')).toHaveAttribute('aria-pressed', 'false')
  await expect(
    app.notice('Undone (label): sentence 1, statement 1 now without labels'),
  ).toBeVisible()
  await app.tabTo(bar.getByRole('button', { name: 'Redo' }))
  await app.press(' ')
  await expect(app.label('Trump')).toHaveAttribute('aria-pressed', 'true')
  await expect(app.notice('Redone (label): sentence 1, statement 1 now Trump')).toBeVisible()
})

test('Enter and Space press the focused control, and are coding keys in the article and on the coding panel', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Key Analyst' })
  await app.ready()
  await app.document(TITLE).click()
  await expect(app.focusedSentence).toHaveText(TITLE)

  // Focus on a label button: Space presses that button, it does not jump to another sentence.
  await app.tabTo(app.label('critical'))
  await app.press(' ')
  await expect(app.label('critical')).toHaveAttribute('aria-pressed', 'true')
  await expect(app.focusedSentence).toHaveText(TITLE)

  // In the article, Space is "next sentence without a stance" and Enter accepts the suggestions.
  await app.tabTo(app.article, { back: true })
  await app.press(' ')
  await expect(app.focusedSentence).toHaveText(/^Das zweite Treffen soll besser werden/)
  await app.press('ArrowUp', 'ArrowUp')
  await expect(app.focusedSentence).toHaveText(TITLE)
  await app.press('Enter')
  await expect(app.label('Trump')).toHaveAttribute('aria-pressed', 'true')
  await expect(app.label('Kim Jong Un')).toHaveAttribute('aria-pressed', 'true')

  // A click on a label gives the keyboard back to the article: the next Space is a coding key.
  await app.label('critical').click()
  await expect(app.label('critical')).toHaveAttribute('aria-pressed', 'false')
  await app.press(' ')
  await expect(app.focusedSentence).toHaveText(/^Das zweite Treffen soll besser werden/)

  // ← and → choose the statement (Tab is left to the controls).
  await app.press('1', '+')
  await expect(app.codingPanel.getByRole('tab', { name: 'Statement 2' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await app.press('ArrowLeft')
  await expect(app.codingPanel.getByRole('tab', { name: 'Statement 1' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await app.press('ArrowRight')
  await expect(app.codingPanel.getByRole('tab', { name: 'Statement 2' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
})

test('split, merge, re-segment, include a heading and edit metadata are reached by Tab', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Tab Analyst' })
  await app.ready()
  await expect(app.focusedSentence).toHaveText(/^Viel Aufregung, kein Fortschritt/)
  await app.press('ArrowDown')
  const total = await app.sentences.count()

  // Split before a word: the tool opens with Enter, the word is chosen with Tab and Space.
  await app.tabTo(app.codingPanel.getByRole('button', { name: 'Split…' }))
  await app.press('Enter')
  await app.tabTo(app.codingPanel.getByRole('button', { name: 'Split before “dass”' }))
  await app.press(' ')
  await expect(app.sentences).toHaveCount(total + 1)
  await expect(app.focusedSentence).toHaveText('Einiges deutete im Vorfeld darauf hin,')

  // Merge it back.
  await app.tabTo(app.codingPanel.getByRole('button', { name: 'Merge with next' }))
  await app.press('Enter')
  await expect(app.sentences).toHaveCount(total)

  // Segment again, from the article's head.
  await app.tabTo(app.page.getByRole('button', { name: 'Segment again' }), { back: true })
  await app.press('Enter')
  await expect(app.notice(/Segmented again/)).toBeVisible()

  // Edit a document's metadata: the pencil next to the focused document.
  await app.tabTo(app.page.getByRole('button', { name: /^Edit metadata of Viel Aufregung/ }), {
    back: true,
  })
  await app.press('Enter')
  const meta = app.page.getByRole('dialog')
  await expect(meta).toBeVisible()
  await app.press('Escape')
  await expect(meta).toBeHidden()

  // Include a unit that is not a sentence: its button is in the article, after the sentences'.
  await app.tabTo(app.document(/^Donald Trump will sich mit Kim Jong Un treffen/))
  await app.press('Enter')
  await expect(app.focusedSentence).toHaveText(/^Donald Trump will sich/)
  const before = await app.sentences.count()
  await app.tabTo(app.article.getByRole('button', { name: /^Include this .* in coding$/ }).first())
  await app.press('Enter')
  await expect(app.sentences).toHaveCount(before + 1)
})
