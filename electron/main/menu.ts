import { app, Menu } from 'electron'
import type { MessageLocale } from '../contract/messages'
import { menuTemplate } from './menuTemplate'

/**
 * The application menu, in the analyst's language. Its Edit menu has no Undo and Redo items on
 * purpose: their accelerators (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z) would be taken by the menu before
 * the page sees them, and in this app they undo coding steps, across documents; text fields keep
 * their own undo. The items and their labels are in ./menuTemplate.ts.
 */
export function installMenu(locale: MessageLocale): void {
  const template = menuTemplate(locale, {
    mac: process.platform === 'darwin',
    packaged: app.isPackaged,
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
