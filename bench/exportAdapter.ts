/**
 * The one place that calls the exporter. Its API is still being finished by its author; when
 * the signature moves, only this function changes.
 */
import { exportProject } from '../electron/core/export/exporter'
import type { ProjectRepository } from '../electron/core/storage/repository'

export interface JsonlExport {
  /** Annotatable units written (what the sentences/s target counts). */
  sentences: number
  /** All lines written (sentences plus headings and the like). */
  lines: number
  bytes: number
}

export function exportJsonl(repo: ProjectRepository, out: string): Promise<JsonlExport> {
  return exportAs(repo, 'jsonl', out)
}

/** One file of a format: JSONL, or the CSV of one row per sentence. */
export async function exportAs(
  repo: ProjectRepository,
  format: 'jsonl' | 'csv-sentences',
  out: string,
): Promise<JsonlExport> {
  const result = await exportProject(repo, { format, out })
  return {
    sentences: result.sentences,
    lines: result.units,
    bytes: result.files.reduce((n, f) => n + f.bytes, 0),
  }
}
