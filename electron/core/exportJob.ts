/**
 * The app's export: where it goes (asked through the file dialogs, with a confirmation before
 * anything is overwritten), then the export itself as a job the renderer follows.
 */
import { EXPORT_FILES } from '../contract/exportOptions'
import type { MessageCode } from '../contract/messages'
import type { ExportOptions, ExportSummary } from '../contract/model'
import type { Dialogs } from './dialogs'
import { exportProject } from './export/exporter'
import { filesToReplace, writesFolder } from './export/target'
import type { JobContext } from './jobs'
import type { ProjectRepository } from './storage/repository'

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

export async function runExport(
  repo: ProjectRepository,
  options: ExportOptions,
  out: string,
  ctx: JobContext,
  workerScript?: string,
): Promise<ExportSummary> {
  return exportProject(repo, options, out, {
    signal: ctx.signal,
    onProgress: ctx.progress,
    workerScript,
  })
}
