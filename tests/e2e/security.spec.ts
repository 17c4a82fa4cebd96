import { expect, test } from '@playwright/test'
import { API_METHODS, BRIDGE_GLOBAL } from '../../electron/contract/api'
import { launchApp, requireElectron, startCoding, withUserData } from './electronApp'

requireElectron()

test('the window runs isolated and sandboxed, and the preload exposes exactly the contract', async () => {
  await withUserData(async (userData) => {
    const app = await launchApp(userData)
    try {
      const page = await startCoding(await app.firstWindow())

      // The preferences the window's page was really created with, read in main. The method is
      // undocumented, hence untyped; it reports the settings below (not nodeIntegrationInWorker).
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        type Inspectable = { getLastWebPreferences(): Record<string, unknown> | null }
        const windows = BrowserWindow.getAllWindows()
        const contents = windows[0]?.webContents as unknown as Inspectable | undefined
        return { count: windows.length, prefs: contents?.getLastWebPreferences() }
      })
      expect(prefs.count).toBe(1)
      expect(prefs.prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        enableBlinkFeatures: '',
      })

      // In the page: no Node, and on the one global exactly the contract's methods, the whole list.
      const inPage = await page.page.evaluate((name) => {
        const bridge = (window as unknown as Record<string, Record<string, unknown>>)[name] ?? {}
        return {
          node: [
            typeof (window as unknown as { require?: unknown }).require,
            typeof (window as unknown as { process?: unknown }).process,
          ],
          methods: Object.keys(bridge).sort(),
          kinds: [...new Set(Object.values(bridge).map((v) => typeof v))],
        }
      }, BRIDGE_GLOBAL)
      expect(inPage).toEqual({
        node: ['undefined', 'undefined'],
        methods: [...API_METHODS].sort(),
        kinds: ['function'],
      })

      // A new window is refused: window.open gives nothing and main still has one window.
      expect(await page.page.evaluate(() => window.open('https://example.org/') === null)).toBe(
        true,
      )
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(
        1,
      )
    } finally {
      await app.close()
    }
  })
})
