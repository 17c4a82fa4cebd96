import { BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
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

/** The file dialogs of the operating system, behind core's Dialogs interface. */
export const electronDialogs: Dialogs = {
  chooseImportFiles: () =>
    open({
      title: 'Import documents',
      properties: ['openFile', 'multiSelections'],
      filters: [
        { name: 'Articles', extensions: SUPPORTED_EXTENSIONS.map((e) => e.slice(1)) },
        { name: 'All files', extensions: ['*'] },
      ],
    }),
  chooseImportFolder: async () =>
    (await open({ title: 'Import a folder', properties: ['openDirectory'] }))[0] ?? null,
  chooseCodebookFile: async () =>
    (
      await open({
        title: 'Import a codebook',
        properties: ['openFile'],
        filters: [{ name: 'Codebook', extensions: ['json'] }],
      })
    )[0] ?? null,
  chooseSaveFile: (suggested, filterName, extensions) =>
    save({ title: 'Export', defaultPath: suggested, filters: [{ name: filterName, extensions }] }),
  chooseExportFolder: async () =>
    (
      await open({
        title: 'Export into a folder',
        properties: ['openDirectory', 'createDirectory'],
      })
    )[0] ?? null,
}
