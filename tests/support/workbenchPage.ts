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
    return this.article.locator('[role="option"][aria-selected="true"]')
  }

  get codingPanel(): Locator {
    return this.page.getByRole('complementary')
  }

  get saveStatus(): Locator {
    return this.page.getByRole('status')
  }

  document(title: string | RegExp): Locator {
    return this.page.getByRole('navigation').getByRole('button', { name: title })
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

  async waitSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText(/saved|gespeichert/i)
  }
}
