import type { Locator, Page } from '@playwright/test'
import { expect, test } from './harness'

test.use({ viewport: { width: 1024, height: 700 } })

/** Fails when the page or one of the regions scrolls sideways. */
async function expectNoSidewaysScroll(page: Page, regions: Locator[]): Promise<void> {
  const page_ = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }))
  expect(page_.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(page_.width)
  for (const region of regions) {
    const r = await region.evaluate((el) => ({ scroll: el.scrollWidth, width: el.clientWidth }))
    expect(r.scroll, `${region} scrolls sideways`).toBeLessThanOrEqual(r.width)
  }
}

async function expectInside(
  inner: Locator,
  outer: { x: number; y: number; width: number; height: number },
) {
  const box = (await inner.boundingBox())!
  expect(box.x, `${inner} starts left of its column`).toBeGreaterThanOrEqual(outer.x - 0.5)
  expect(box.x + box.width, `${inner} ends right of its column`).toBeLessThanOrEqual(
    outer.x + outer.width + 0.5,
  )
  expect(box.y + box.height, `${inner} ends below the window`).toBeLessThanOrEqual(
    outer.y + outer.height + 0.5,
  )
}

for (const language of ['English', 'Deutsch'])
  test(`at 1024×700 every control is on screen and nothing scrolls sideways, with the find panel open (${language})`, async ({
    harness,
  }) => {
    const app = await harness.start({ annotator: 'Small Screen Analyst' })
    await app.ready()
    // German words are longer: the layout must hold in both languages.
    await app.page
      .getByRole('combobox', { name: /^(Language|Sprache)$/ })
      .selectOption({ label: language })
    const window = { x: 0, y: 0, width: 1024, height: 700 }
    const controls = app.toolbar.locator('button, select')
    const count = await controls.count()
    expect(count).toBeGreaterThanOrEqual(10)
    for (let i = 0; i < count; i++) await expectInside(controls.nth(i), window)
    const regions = [app.page.getByRole('navigation'), app.page.getByRole('main'), app.codingPanel]
    await expectNoSidewaysScroll(app.page, regions)
    for (const region of regions) await expectInside(region, window)

    await app.press('/')
    const find = app.page.getByRole('search')
    await app.page.keyboard.type('Trump Kim')
    await expect(find.getByRole('status')).toHaveText(/(sentences|Sätze)$/)
    const column = (await app.page.getByRole('navigation').boundingBox())!
    const findBox = (await find.boundingBox())!
    expect(findBox.x + findBox.width).toBeLessThanOrEqual(column.x + column.width + 0.5)
    // Every criterion is inside the panel's column and on screen; only the results scroll.
    for (const control of await find.locator('form').locator('input, select, button').all())
      await expectInside(control, { ...findBox, height: 700 - findBox.y })
    await expectNoSidewaysScroll(app.page, [find, ...regions])
  })

test('an uncertain sentence keeps its size and its place in the paragraph', async ({ harness }) => {
  const app = await harness.start({ annotator: 'Flag Analyst' })
  await app.ready()
  await app.press('ArrowDown')
  const sentence = app.focusedSentence
  const paragraph = async () =>
    sentence.evaluate((el) => [...el.closest('[role="group"]')!.children].indexOf(el))
  const before = { box: (await sentence.boundingBox())!, index: await paragraph() }
  await app.press('!')
  await expect(app.codingPanel.getByRole('checkbox', { name: /Uncertain/ })).toBeChecked()
  await expect(sentence).toHaveAccessibleDescription('Uncertain')
  const after = { box: (await sentence.boundingBox())!, index: await paragraph() }
  expect(after.index).toBe(before.index)
  expect(after.box).toEqual(before.box)
})

test('the shortcut sheet opens at its top and lists Backspace', async ({ harness }) => {
  const app = await harness.start({ annotator: 'Sheet Analyst' })
  await app.ready()
  await app.press('?')
  const sheet = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeInViewport()
  await expect(sheet.getByRole('row', { name: /Delete \/ Backspace/ })).toContainText(
    'remove all labels of the sentence',
  )
  await expect(sheet.getByRole('row', { name: /^Tab \/ Shift\+Tab/ })).toBeVisible()
  expect(await sheet.evaluate((el) => el.scrollTop)).toBe(0)
})

test('"merge with next" is disabled on the last unit', async ({ harness }) => {
  const app = await harness.start({ annotator: 'Merge Analyst' })
  await app.ready()
  const merge = app.codingPanel.getByRole('button', { name: 'Merge with next' })
  await expect(merge).toBeEnabled()
  await app.sentences.last().click()
  await expect(app.focusedSentence).toHaveText(/^Nur so kann der Grundstein/)
  await expect(merge).toBeDisabled()
})

test('a long title wraps in the document list', async ({ harness }) => {
  const app = await harness.start({ annotator: 'Title Analyst' })
  await app.ready()
  const title =
    'Gipfeltreffen in Hanoi: Warum die Verhandlungen zwischen Washington und Pjöngjang über ' +
    'die Denuklearisierungsverpflichtungserklärung ohne Ergebnis blieben'
  await harness.workbench!.service.updateDocumentMeta('001_5dc783bd53dd825a', { title })
  await app.page.reload()
  await app.ready()
  const row = app.document(title)
  await expect(row).toBeVisible()
  const nav = (await app.page.getByRole('navigation').boundingBox())!
  await expectInside(row, { ...nav, height: 10_000 })
  const wrapped = await row.evaluate((el) => {
    const t = el.firstElementChild as HTMLElement
    return {
      lines: t.getClientRects().length,
      height: t.offsetHeight,
      scroll: t.scrollWidth,
      width: t.clientWidth,
    }
  })
  expect(wrapped.height).toBeGreaterThan(40)
  expect(wrapped.scroll).toBeLessThanOrEqual(wrapped.width)
})
