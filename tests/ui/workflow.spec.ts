import { annotationsOnDisk, expect, test } from './harness'

const DOC = '003_294f5652016ebd54'
const FIRST = /^Bei seinem zweiten Gipfel mit Nordkoreas Machthaber/

test('a whole article coded from the keyboard alone survives a restart', async ({ harness }) => {
  const app = await harness.start({ annotator: 'Keyboard Analyst' })
  const { page } = app
  await app.ready()

  // Page Down three times: the fourth article.
  await app.press('PageDown', 'PageDown', 'PageDown')
  await expect(
    page.getByRole('heading', { level: 2, name: /Bei seinem zweiten Gipfel/ }),
  ).toBeVisible()
  await expect(app.focusedSentence).toHaveText(FIRST)
  const total = await app.sentences.count()

  // Sentence 1: stance, two actors, two arguments.
  await app.press('3', 't', 'k', 'g', 'w')
  for (const name of [
    'neutral',
    'Trump',
    'Kim Jong Un',
    'Security guarantees',
    'Economic incentives',
  ])
    await expect(app.label(name)).toHaveAttribute('aria-pressed', 'true')
  // A second statement: the same sentence read as the critical position of North Korea.
  await app.press('+')
  await expect(app.codingPanel.getByRole('tab', { name: 'Statement 2' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await app.press('2', 'p')
  await expect(app.label('critical')).toHaveAttribute('aria-pressed', 'true')
  await expect(app.label('Trump')).toHaveAttribute('aria-pressed', 'false')
  // A note, typed after '#', left with Escape; letters typed there are text, not label keys.
  await app.press('#')
  await page.keyboard.type('Bedingung: atomare Abrüstung (t k n)')
  await app.press('Escape')
  await expect(app.codingPanel.getByRole('textbox', { name: /Note/ })).toHaveValue(
    'Bedingung: atomare Abrüstung (t k n)',
  )
  await expect(app.label('Denuclearisation')).toHaveAttribute('aria-pressed', 'false')

  // Undo the note, redo it.
  await app.press('Control+z')
  await expect(app.codingPanel.getByRole('textbox', { name: /Note/ })).toHaveValue('')
  await app.press('Control+Shift+z')
  await expect(app.codingPanel.getByRole('textbox', { name: /Note/ })).toHaveValue(
    'Bedingung: atomare Abrüstung (t k n)',
  )

  // Every other sentence: a stance, alternating; suggestions accepted with Enter on the third.
  for (let i = 1; i < total; i++) {
    await app.press('ArrowDown')
    await app.press(i % 2 ? '1' : '4')
    if (i === 2) await app.press('Enter')
  }
  await expect(app.label('mixed')).toHaveAttribute('aria-pressed', i2pressed(total))
  await app.waitSaved()
  await expect(app.document(/Bei seinem zweiten Gipfel/)).toContainText(`${total}/${total}`)

  // A bulk action and its undo: clearing stays undoable across sentences.
  await app.press('Delete')
  await expect(app.focusedSentence).not.toHaveAccessibleDescription(/^coded/)
  await app.press('Control+z')
  await expect(app.focusedSentence).toHaveAccessibleDescription(/^coded/)

  // Find: '/' opens the search; umlauts match loosely; then filter by a label.
  await app.press('/')
  const search = page.getByRole('search')
  await expect(search.getByRole('searchbox', { name: 'Search text' })).toBeFocused()
  await page.keyboard.type('Pjoengjang')
  const results = search.getByRole('list', { name: 'Results' })
  await expect(results.getByRole('button').first()).toContainText('Pjöngjang')
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Tab')
  await expect(search.getByRole('combobox', { name: 'Label' })).toBeFocused()
  await page.keyboard.type('critical')
  await expect(results.getByRole('button')).toHaveCount(1)
  await expect(results.getByRole('button')).toContainText(FIRST)
  await page.keyboard.press('Escape')

  const before = await annotationsOnDisk(harness, DOC)
  expect(Object.keys(before)).toHaveLength(total)

  // Restart, and find everything again.
  const again = await harness.restart()
  await again.ready()
  await again.document(/Bei seinem zweiten Gipfel/).click()
  await expect(again.focusedSentence).toHaveText(FIRST)
  for (const name of [
    'neutral',
    'Trump',
    'Kim Jong Un',
    'Security guarantees',
    'Economic incentives',
  ])
    await expect(again.label(name)).toHaveAttribute('aria-pressed', 'true')
  await again.codingPanel.getByRole('tab', { name: 'Statement 2' }).click()
  await expect(again.label('critical')).toHaveAttribute('aria-pressed', 'true')
  await expect(again.label('North Korea (state)')).toHaveAttribute('aria-pressed', 'true')
  await expect(again.codingPanel.getByRole('textbox', { name: /Note/ })).toHaveValue(
    'Bedingung: atomare Abrüstung (t k n)',
  )
  await expect(again.documentProgress).toContainText(`${total} of ${total} coded`)

  const after = await annotationsOnDisk(harness, DOC)
  expect(after).toEqual(before)
  const first = Object.values(after).find((a) => a.note.startsWith('Bedingung'))!
  // The sentence mentions Trump, Kim and "Nordkoreas": their own keys accepted the suggestions.
  expect(first.statements).toEqual([
    {
      id: 's1',
      values: {
        stance: ['neutral'],
        actor: ['trump', 'kim'],
        argument: ['security-guarantees', 'economic-incentives'],
      },
      provenance: { trump: 'suggested-accepted', kim: 'suggested-accepted' },
    },
    {
      id: 's2',
      values: { stance: ['critical'], actor: ['north-korea'] },
      provenance: { 'north-korea': 'suggested-accepted' },
    },
  ])
  // The third sentence's actors came from suggestions and say so.
  const third = after[(await again.sentences.nth(2).getAttribute('data-unit'))!]
  expect(third.statements[0].provenance).toEqual({ trump: 'suggested-accepted' })
  expect(third.annotator).toBe('Keyboard Analyst')
})

/** The last sentence got '1' or '4' depending on the parity of its index. */
function i2pressed(total: number): string {
  return (total - 1) % 2 ? 'false' : 'true'
}

test('undo and redo cross documents, and a bulk action is one step', async ({ harness }) => {
  const app = await harness.start({ annotator: 'Undo Analyst' })
  await app.ready()
  await app.press('2')
  const firstTitle = /^Viel Aufregung, kein Fortschritt/
  await app.press('PageDown')
  await expect(app.focusedSentence).toHaveText(/^Ist es ein Scheitern mit Ansage\?/)
  // Shift+Enter: accept the actor suggestions of the whole document, one undo step.
  await app.press('Shift+Enter')
  const countLabelled = () =>
    app.sentences.evaluateAll(
      (els) => els.filter((el) => el.getAttribute('aria-description')).length,
    )
  await expect.poll(countLabelled).toBeGreaterThan(3)
  const bulk = await countLabelled()
  await app.press('Control+z')
  await expect.poll(countLabelled).toBe(0)
  // The next undo is in the first document: the app goes there and shows it undone.
  await app.press('Control+z')
  await expect(app.page.getByRole('heading', { level: 2, name: firstTitle })).toBeVisible()
  await expect(app.label('critical')).toHaveAttribute('aria-pressed', 'false')
  await app.press('Control+Shift+z')
  await expect(app.label('critical')).toHaveAttribute('aria-pressed', 'true')
  await app.press('Control+y')
  await expect(
    app.page.getByRole('heading', { level: 2, name: /^Ist es ein Scheitern/ }),
  ).toBeVisible()
  await expect.poll(countLabelled).toBe(bulk)
  await app.waitSaved()
  // Actors without a stance: the document does not count them as coded.
  const summary = harness.workbench!.service.listDocuments()
  expect(summary[0].annotatedCount).toBe(1)
  expect(summary[1].annotatedCount).toBe(0)
})
