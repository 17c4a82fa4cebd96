import { expect, type Locator, type Page } from '@playwright/test'

/** What an analyst sees and does on the main screen, by role and name. Shared by UI and e2e tests. */
export class WorkbenchPage {
  constructor(readonly page: Page) {}

  get article(): Locator {
    return this.page.getByRole('listbox')
  }

  get sentences(): Locator {
    return this.article.getByRole('option')
  }

  get focusedSentence(): Locator {
    return this.article.getByRole('option', { selected: true })
  }

  /** The bar at the top: the app's commands, the corpus progress and the save status. */
  get toolbar(): Locator {
    return this.page.getByRole('banner')
  }

  /** The open document's progress line, e.g. "3 of 28 coded". */
  get documentProgress(): Locator {
    return this.page
      .getByRole('main')
      .getByRole('paragraph')
      .filter({
        has: this.page.getByRole('progressbar'),
      })
  }

  get codingPanel(): Locator {
    return this.page.getByRole('complementary')
  }

  get saveStatus(): Locator {
    return this.toolbar.getByRole('status')
  }

  /** A short message for the analyst (a toast), by its text. */
  notice(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text })
  }

  /** A document's button in the list (it comes before the document's metadata pencil). */
  document(title: string | RegExp): Locator {
    return this.page
      .getByRole('navigation')
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('button', { name: title }) })
      .getByRole('button')
      .first()
  }

  label(name: string | RegExp): Locator {
    return this.codingPanel.getByRole('button', { name, exact: typeof name === 'string' })
  }

  async ready(): Promise<void> {
    await expect(this.sentences.first()).toBeVisible()
  }

  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key)
  }

  /** Highlighted words (the `mark` element: Playwright has no role for it) inside a region. */
  highlights(region: Locator): Locator {
    return region.locator('mark')
  }

  async isFocused(target: Locator): Promise<boolean> {
    return target.evaluateAll((els) => els.some((el) => el === document.activeElement))
  }

  /**
   * Presses Tab (or Shift+Tab) until the target has the focus, as an analyst without a mouse
   * would; fails when it is not reached within `max` presses. Returns the number of presses.
   */
  async tabTo(target: Locator, options: { back?: boolean; max?: number } = {}): Promise<number> {
    const key = options.back ? 'Shift+Tab' : 'Tab'
    for (let n = 1; n <= (options.max ?? 150); n++) {
      await this.page.keyboard.press(key)
      if (await this.isFocused(target)) return n
    }
    throw new Error(`${key} never reached ${target}`)
  }

  async waitSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText(/saved|gespeichert/i)
  }
}
