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
      // undocumented, hence untyped; of its keys, those that stayed across Electron versions.
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const windows = BrowserWindow.getAllWindows()
        const contents = windows[0]?.webContents
        const read: unknown = contents && Reflect.get(contents, 'getLastWebPreferences')
        return {
          count: windows.length,
          prefs:
            typeof read === 'function'
              ? (Reflect.apply(read, contents, []) as Record<string, unknown>)
              : 'webContents.getLastWebPreferences is not available in this Electron',
        }
      })
      expect(prefs.count).toBe(1)
      expect(prefs.prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        webviewTag: false,
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
