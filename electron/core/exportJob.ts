import type { MessageCode } from '../contract/messages'
import type { ExportOptions, ExportSummary } from '../contract/model'
import type { Dialogs } from './dialogs'
import { exportProject } from './export/exporter'
import type { JobContext } from './jobs'
import type { ProjectRepository } from './storage/repository'

const FILE_NAMES: Record<
  Exclude<ExportOptions['format'], 'all'>,
  [string, MessageCode, string[]]
> = {
  jsonl: ['sentences.jsonl', 'dialog.filter.jsonl', ['jsonl']],
  'csv-sentences': ['sentences.csv', 'dialog.filter.csv', ['csv']],
  'csv-statements': ['statements.csv', 'dialog.filter.csv', ['csv']],
  codebook: ['codebook.json', 'dialog.filter.codebook', ['json']],
  card: ['README.md', 'dialog.filter.card', ['md']],
  graphml: ['network.graphml', 'dialog.filter.graphml', ['graphml']],
}

/** Asks where the export goes: a folder for everything or for splits, a file otherwise. */
export async function exportTarget(
  dialogs: Dialogs,
  options: ExportOptions,
): Promise<string | null> {
  if (options.format === 'all' || options.split) return dialogs.chooseExportFolder()
  const [name, filter, extensions] = FILE_NAMES[options.format]
  return dialogs.chooseSaveFile(name, filter, extensions)
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
