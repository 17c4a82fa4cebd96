import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { WorkbenchPage } from '../support/workbenchPage'
import { launchApp, requireElectron, startCoding, withUserData } from './electronApp'

requireElectron()

test('a label coded in the app is on disk and still there after the app is restarted', async () => {
  await withUserData(async (userData) => {
    let focusedText: string
    let app = await launchApp(userData)
    try {
      const page = await startCoding(await app.firstWindow())
      focusedText = (await page.focusedSentence.textContent()) ?? ''
      expect(focusedText).not.toBe('')
      await page.press('3')
      await expect(page.label('neutral')).toHaveAttribute('aria-pressed', 'true')
      await page.waitSaved()
    } finally {
      await app.close()
    }

    // What lands on disk: one annotation file of the first document holds the stance.
    // One folder per coder (annotations/<coder-id>/<document>.json): here, the one coder's.
    const annotations = join(userData, 'projects', 'default', 'annotations')
    const [coder] = await readdir(annotations)
    const files = await readdir(join(annotations, coder))
    const stored = await Promise.all(
      files.map((f) => readFile(join(annotations, coder, f), 'utf8')),
    )
    expect(stored.filter((text) => text.includes('"neutral"'))).toHaveLength(1)

    app = await launchApp(userData)
    try {
      // The name was asked once; the sentence is shown coded, with its stance.
      const page = new WorkbenchPage(await app.firstWindow())
      await page.ready()
      await expect(page.page.getByRole('textbox', { name: 'Your name' })).toHaveCount(0)
      await page.sentences.filter({ hasText: focusedText }).first().click()
      await expect(page.label('neutral')).toHaveAttribute('aria-pressed', 'true')
    } finally {
      await app.close()
    }
  })
})
