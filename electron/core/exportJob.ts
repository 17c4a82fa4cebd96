import type { ExportOptions, ExportSummary } from '../contract/model'
import type { Dialogs } from './dialogs'
import { exportProject } from './export/exporter'
import type { JobContext } from './jobs'
import type { ProjectRepository } from './storage/repository'

const FILE_NAMES: Record<Exclude<ExportOptions['format'], 'all'>, [string, string, string[]]> = {
  jsonl: ['sentences.jsonl', 'JSON Lines', ['jsonl']],
  'csv-sentences': ['sentences.csv', 'CSV', ['csv']],
  'csv-statements': ['statements.csv', 'CSV', ['csv']],
  codebook: ['codebook.json', 'Codebook', ['json']],
  card: ['README.md', 'Dataset card', ['md']],
  graphml: ['network.graphml', 'GraphML', ['graphml']],
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
