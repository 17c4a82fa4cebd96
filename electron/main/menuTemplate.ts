import type { MenuItemConstructorOptions } from 'electron'
import { formatMessage, type MessageCode, type MessageLocale } from '../contract/messages'

/**
 * The application menu as data, for the platform and build at hand, with every item labelled in
 * the analyst's language (Electron's own role labels are English on Windows and Linux). Apart
 * from ./menu.ts so that it is tested without Electron.
 */
export function menuTemplate(
  locale: MessageLocale,
  { mac, packaged }: { mac: boolean; packaged: boolean },
): MenuItemConstructorOptions[] {
  const text = (code: MessageCode) => formatMessage({ code }, locale)
  return [
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
        ...(packaged ? [] : [{ role: 'toggleDevTools' as const, label: text('menu.devTools') }]),
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
}
