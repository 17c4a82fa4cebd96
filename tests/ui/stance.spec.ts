import { annotationsOnDisk, expect, test } from './harness'

test('a stance chosen by keyboard lands in the project file and is shown after a reload', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Test Analyst' })
  await app.ready()
  await expect(app.page.getByRole('navigation').getByRole('listitem')).toHaveCount(5)

  await app.press('ArrowDown', '2')
  await expect(app.label('critical')).toHaveAttribute('aria-pressed', 'true')
  await app.waitSaved()
  const unitId = await app.focusedSentence.getAttribute('data-unit')
  const focusedText = await app.focusedSentence.textContent()

  const stored = (await annotationsOnDisk(harness, '000_21441c4ccb80678e'))[unitId!]
  expect(stored.statements[0].values.stance).toEqual(['critical'])
  expect(stored.annotator).toBe('Test Analyst')

  const again = await harness.restart()
  await again.ready()
  const sentence = again.sentences.filter({ hasText: focusedText! })
  await expect(sentence).toHaveAccessibleDescription('coded: critical')
  await sentence.click()
  await expect(again.label('critical')).toHaveAttribute('aria-pressed', 'true')
  await expect(again.label('supportive')).toHaveAttribute('aria-pressed', 'false')
})

test('the analyst is asked for a name on first start, and it is stamped on annotations', async ({
  harness,
}) => {
  const app = await harness.start()
  const dialog = app.page.getByRole('dialog', { name: 'Who is coding?' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('Erika Mustermann')
  await dialog.getByRole('button', { name: 'Start coding' }).click()
  await expect(dialog).toBeHidden()
  await app.press('1')
  await app.waitSaved()
  const [annotation] = Object.values(await annotationsOnDisk(harness, '000_21441c4ccb80678e'))
  expect(annotation.annotator).toBe('Erika Mustermann')
})

test('label keys follow the character the layout produces (QWERTZ), not the physical key', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'QWERTZ Analyst' })
  await app.ready()
  // On a German keyboard the key where QWERTY has Z types "y"; "#" and "+" have keys of their own.
  const press = (key: string, code: string) =>
    app.page.evaluate(
      ([k, c]) =>
        document.body.dispatchEvent(
          new KeyboardEvent('keydown', { key: k, code: c, bubbles: true, cancelable: true }),
        ),
      [key, code],
    )
  await press('y', 'KeyZ')
  await expect(app.label('Symbolic politics')).toHaveAttribute('aria-pressed', 'true')
  await press('+', 'BracketRight')
  await expect(app.codingPanel.getByRole('tab', { name: 'Statement 2' })).toBeVisible()
  await press('#', 'Backslash')
  await expect(app.codingPanel.getByRole('textbox', { name: /Note/ })).toBeFocused()
  // While typing in the note, the same keys are text.
  await app.page.keyboard.type('y+')
  await expect(app.codingPanel.getByRole('textbox', { name: /Note/ })).toHaveValue('y+')
  await expect(app.codingPanel.getByRole('tab')).toHaveCount(2)
})
