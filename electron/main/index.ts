/**
 * The Electron shell: app lifecycle, the window, and the IPC registration of the core's handler
 * table. Everything the analyst does runs in core; this file only wires it to Electron.
 */
import { join } from 'node:path'
import { app, BrowserWindow, dialog } from 'electron'
import { formatMessage, type MessageLocale } from '../contract/messages'
import { UserError } from '../core/errors'
import { openWorkbench, type Workbench } from '../core/workbench'
import { electronDialogs } from './dialogs'
import { registerHandlers } from './ipc'
import { installMenu } from './menu'
import { createMainWindow, hardenSessions, isTrustedFrame } from './window'

// Tests point the app at a temporary folder; analysts get the OS's user-data folder.
if (process.env['WORKBENCH_USER_DATA']) app.setPath('userData', process.env['WORKBENCH_USER_DATA'])

let workbench: Workbench | null = null

function sampleCorpusDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'corpus') : join(app.getAppPath(), 'corpus')
}

/** The system's language, until the analyst chooses one in the app. */
function systemLocale(): MessageLocale {
  return app.getLocale().toLowerCase().startsWith('de') ? 'de' : 'en'
}

async function start(): Promise<void> {
  hardenSessions()
  const userData = app.getPath('userData')
  const system = systemLocale()
  const locale = (): MessageLocale => workbench?.locale() ?? system
  try {
    workbench = await openWorkbench({
      projectDir: join(userData, 'projects', 'default'),
      settingsFile: join(userData, 'settings.json'),
      sampleCorpusDir: sampleCorpusDir(),
      dialogs: electronDialogs(locale),
      exportWorkerScript: join(__dirname, 'exportWorker.js'),
      suggestWorkerScript: join(__dirname, 'suggestWorker.js'),
      systemLocale: system,
    })
  } catch (e) {
    const reason =
      e instanceof UserError ? formatMessage(e.toMessage(), system) : (e as Error).message
    dialog.showErrorBox(formatMessage({ code: 'app.openFailed' }, system), reason)
    app.exit(1)
    return
  }
  const handlers = workbench.handlers
  registerHandlers(
    {
      ...handlers,
      // The menu follows the language the analyst switches to.
      async setLocale(...args: unknown[]) {
        const result = await handlers.setLocale(...args)
        installMenu(locale())
        return result
      },
    },
    isTrustedFrame,
  )
  installMenu(locale())
  createMainWindow()
}

if (!app.requestSingleInstanceLock()) {
  // A second instance would be a second writer on the same project: hand over and leave.
  app.quit()
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0]
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  app.whenReady().then(start, (e) => {
    console.error(e)
    app.exit(1)
  })
  app.on('window-all-closed', () => app.quit())
  let closing = false
  app.on('before-quit', (event) => {
    if (closing || !workbench) return
    // Every annotation is already on disk; this only writes the derived index before leaving.
    event.preventDefault()
    closing = true
    void workbench.close().finally(() => app.quit())
  })
}
