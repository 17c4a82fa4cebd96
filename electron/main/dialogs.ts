import { BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import {
  formatMessage,
  msg,
  type MessageCode,
  type MessageLocale,
  type MessageParams,
} from '../contract/messages'
import type { Dialogs } from '../core/dialogs'
import { SUPPORTED_EXTENSIONS } from '../core/corpus/import/readers'

function parent(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
}

async function open(options: OpenDialogOptions): Promise<string[]> {
  const win = parent()
  const result = win
    ? await dialog.showOpenDialog(win, options)
    : await dialog.showOpenDialog(options)
  return result.canceled ? [] : result.filePaths
}

async function save(options: SaveDialogOptions): Promise<string | null> {
  const win = parent()
  const result = win
    ? await dialog.showSaveDialog(win, options)
    : await dialog.showSaveDialog(options)
  return result.canceled || !result.filePath ? null : result.filePath
}

/**
 * The file dialogs of the operating system, behind core's Dialogs interface; titles, filter
 * names and buttons are in the analyst's language of the moment (`locale`).
 */
export function electronDialogs(locale: () => MessageLocale): Dialogs {
  const text = (code: MessageCode, params?: MessageParams) =>
    formatMessage(msg(code, params), locale())
  return {
    chooseImportFiles: () =>
      open({
        title: text('dialog.importFiles'),
        properties: ['openFile', 'multiSelections'],
        filters: [
          {
            name: text('dialog.filter.articles'),
            extensions: SUPPORTED_EXTENSIONS.map((e) => e.slice(1)),
          },
          { name: text('dialog.filter.allFiles'), extensions: ['*'] },
        ],
      }),
    chooseImportFolder: async () =>
      (await open({ title: text('dialog.importFolder'), properties: ['openDirectory'] }))[0] ??
      null,
    chooseCodebookFile: async () =>
      (
        await open({
          title: text('dialog.importCodebook'),
          properties: ['openFile'],
          filters: [{ name: text('dialog.filter.codebook'), extensions: ['json'] }],
        })
      )[0] ?? null,
    chooseSaveFile: (suggested, filter, extensions) =>
      save({
        title: text('dialog.export'),
        defaultPath: suggested,
        filters: [{ name: text(filter), extensions }],
      }),
    chooseExportFolder: async () =>
      (
        await open({
          title: text('dialog.exportFolder'),
          properties: ['openDirectory', 'createDirectory'],
        })
      )[0] ?? null,
    async confirmOverwrite(folder, names) {
      const options = {
        type: 'warning' as const,
        title: text('export.overwrite.title'),
        message: text('export.overwrite.message', { folder }),
        detail: text('export.overwrite.detail', { count: names.length, names: names.join(', ') }),
        buttons: [text('export.overwrite.replace'), text('export.overwrite.cancel')],
        defaultId: 1,
        cancelId: 1,
      }
      const win = parent()
      const { response } = win
        ? await dialog.showMessageBox(win, options)
        : await dialog.showMessageBox(options)
      return response === 0
    },
  }
}
