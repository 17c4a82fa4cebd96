import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, session, type WebFrameMain } from 'electron'
import { isTrustedFrameUrl } from '../common/trustedFrame'

const rendererFile = join(__dirname, '../renderer/index.html')

/** The URL the app window loads: the dev server in development, the built file otherwise. */
function appUrl(): string {
  const dev = process.env['ELECTRON_RENDERER_URL']
  return !app.isPackaged && dev ? dev : pathToFileURL(rendererFile).href
}

/** True for our own top-level page, and only for it. */
export function isTrustedFrame(frame: WebFrameMain | null): boolean {
  return !!frame && isTrustedFrameUrl(frame.url, !frame.parent, appUrl())
}

/** The same policy as renderer/index.html's meta tag, also sent as a header where one applies. */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/**
 * Security settings that hold for every window, by Electron's security checklist: a strict
 * Content-Security-Policy, no permissions, no navigation away from the app, no new windows, no
 * webviews. The app is offline and opens nothing outside itself, not even links.
 */
export function hardenSessions(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
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
      // Middle-click would open links in new windows; the app has no use for it.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(appUrl())
  return win
}
