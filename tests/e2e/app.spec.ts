import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron as electron, expect, test } from '@playwright/test'
import { findElectronBinary } from '../support/electronBinary'
import { WorkbenchPage } from '../support/workbenchPage'

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const binary = findElectronBinary()

test.describe('the packaged shell', () => {
  test.skip(
    'missing' in binary,
    `Electron binary not available: ${'missing' in binary ? binary.missing : ''}`,
  )
  if ('missing' in binary) console.log(`skipping Electron tests: ${binary.missing}`)

  test('starts with the sample corpus, codes a stance and keeps it across a restart', async () => {
    if (!('path' in binary)) return
    const userData = await mkdtemp(join(tmpdir(), 'workbench-e2e-'))
    const launch = () =>
      electron.launch({
        executablePath: binary.path,
        args: [join(REPO, 'out', 'main', 'index.js')],
        env: { ...process.env, WORKBENCH_USER_DATA: userData },
      })
    try {
      let app = await launch()
      let page = new WorkbenchPage(await app.firstWindow())
      await page.page.getByRole('textbox', { name: 'Your name' }).fill('E2E Analyst')
      await page.page.getByRole('button', { name: 'Start coding' }).click()
      await page.ready()
      // The preload exposes the contract and nothing else.
      const exposed = await page.page.evaluate(() =>
        Object.keys((window as unknown as { workbench: object }).workbench).sort(),
      )
      expect(exposed).toContain('saveAnnotation')
      expect(
        await page.page.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
      ).toBe('undefined')
      await page.press('3')
      await page.waitSaved()
      await app.close()
      const stored = await readFile(
        join(userData, 'projects', 'default', 'annotations', '000_21441c4ccb80678e.json'),
        'utf8',
      )
      expect(stored).toContain('"neutral"')

      app = await launch()
      page = new WorkbenchPage(await app.firstWindow())
      await page.ready()
      await expect(page.label('neutral')).toHaveAttribute('aria-pressed', 'true')
      await app.close()
    } finally {
      await rm(userData, { recursive: true, force: true })
    }
  })
})
