import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, session, shell, type WebFrameMain } from 'electron'

const rendererFile = join(__dirname, '../renderer/index.html')

/** The URL the app window loads: the dev server in development, the built file otherwise. */
function appUrl(): string {
  const dev = process.env['ELECTRON_RENDERER_URL']
  return !app.isPackaged && dev ? dev : pathToFileURL(rendererFile).href
}

/** True for our own top-level page, and only for it. */
export function isTrustedFrame(frame: WebFrameMain | null): boolean {
  if (!frame || frame.parent) return false
  const expected = new URL(appUrl())
  const actual = new URL(frame.url)
  return actual.protocol === expected.protocol && actual.host === expected.host && actual.pathname === expected.pathname
}

/**
 * Security settings that hold for every window, by Electron's security checklist: no
 * permissions, no navigation away from the app, no new windows; links open in the system browser
 * only when they are plain web links.
 */
export function hardenSessions(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      if (/^https?:\/\//.test(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Pressecoder',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(appUrl())
  return win
}
