/**
 * The app's export: where it goes (asked through the file dialogs, with a confirmation before
 * anything is overwritten). The job itself runs the project service's exportLayer (handlers.ts).
 */
import { EXPORT_FILES } from '../contract/exportOptions'
import type { MessageCode } from '../contract/messages'
import type { ExportOptions } from '../contract/model'
import type { Dialogs } from './dialogs'
import { filesToReplace, writesFolder } from './export/target'

/** What the save dialog's filter calls each kind of file. */
const FILTER_NAMES: Record<keyof typeof EXPORT_FILES, MessageCode> = {
  jsonl: 'dialog.filter.jsonl',
  'csv-sentences': 'dialog.filter.csv',
  'csv-statements': 'dialog.filter.csv',
  codebook: 'dialog.filter.codebook',
  card: 'dialog.filter.card',
  graphml: 'dialog.filter.graphml',
  qdpx: 'dialog.filter.qdpx',
}

/**
 * Asks where the export goes: a folder for everything or for splits, a file otherwise. A folder
 * whose files the export would replace is only used once the analyst confirms it (a single
 * file's overwrite is the save dialog's own question). Null when the analyst cancelled.
 */
export async function exportTarget(
  dialogs: Dialogs,
  options: ExportOptions,
): Promise<string | null> {
  const split = options.split ?? null
  if (!writesFolder({ format: options.format, split })) {
    const format = options.format as keyof typeof EXPORT_FILES
    const { name, extensions } = EXPORT_FILES[format]
    return dialogs.chooseSaveFile(name, FILTER_NAMES[format], [...extensions])
  }
  const folder = await dialogs.chooseExportFolder()
  if (!folder) return null
  const replaced = await filesToReplace({ out: folder, format: options.format, split })
  if (replaced.length === 0) return folder
  return (await dialogs.confirmOverwrite(folder, replaced)) ? folder : null
}
