import { app, Menu, type MenuItemConstructorOptions } from 'electron'
import { formatMessage, type MessageCode, type MessageLocale } from '../contract/messages'

/**
 * The application menu, in the analyst's language. Its Edit menu has no Undo and Redo items on
 * purpose: their accelerators (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z) would be taken by the menu before
 * the page sees them, and in this app they undo coding steps, across documents; text fields keep
 * their own undo. Every item is labelled here, because Electron's default role labels are
 * English on Windows and Linux.
 */
export function installMenu(locale: MessageLocale): void {
  const text = (code: MessageCode) => formatMessage({ code }, locale)
  const mac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: text('menu.file'),
      submenu: [
        mac
          ? { role: 'close', label: text('menu.closeWindow') }
          : { role: 'quit', label: text('menu.quit') },
      ],
    },
    {
      label: text('menu.edit'),
      submenu: [
        { role: 'cut', label: text('menu.cut') },
        { role: 'copy', label: text('menu.copy') },
        { role: 'paste', label: text('menu.paste') },
        { role: 'selectAll', label: text('menu.selectAll') },
      ],
    },
    {
      label: text('menu.view'),
      submenu: [
        { role: 'resetZoom', label: text('menu.resetZoom') },
        { role: 'zoomIn', label: text('menu.zoomIn') },
        { role: 'zoomOut', label: text('menu.zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: text('menu.fullScreen') },
        ...(app.isPackaged
          ? []
          : [{ role: 'toggleDevTools' as const, label: text('menu.devTools') }]),
      ],
    },
    {
      label: text('menu.window'),
      role: 'windowMenu',
      submenu: [
        { role: 'minimize', label: text('menu.minimize') },
        { role: 'close', label: text('menu.closeWindow') },
      ],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
