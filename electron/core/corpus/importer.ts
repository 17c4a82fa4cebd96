import { readFile } from 'node:fs/promises'
import type { ImportReport, ImportProgress } from '../../contract/model'
import type { ProjectRepository } from '../storage/repository'
import { buildDocument, toDocumentId } from './document'
import { collectFiles } from './import/files'
import {
  ANNOTATED_EXPORT_REASON,
  QDPX_PROJECT_REASON,
  readSourceFile,
  type ImportedText,
} from './import/readers'
import { importQdpx } from '../exchange/qdpxImport'
import { importAnnotatedExport, mergeReports } from '../export/roundTrip'
import { msg, type Message } from '../../contract/messages'
import { failureReason } from '../errors'

export interface ImportOptions {
  signal?: AbortSignal
  onProgress?: (progress: ImportProgress) => void
}

/** A file given as bytes (from drag and drop, or a test) rather than as a path. */
export interface FileContent {
  name: string
  bytes: Uint8Array
}

export function emptyReport(): ImportReport {
  return { imported: [], skipped: [], failed: [], warnings: [], cancelled: false }
}

/** Imports files and folders from disk. A bad file is reported and never stops the others. */
export async function importPaths(
  repo: ProjectRepository,
  paths: string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report = emptyReport()
  const { files, problems } = await collectFiles(paths)
  for (const p of problems) report.failed.push({ origin: p.path, reason: p.reason })
  await importEach(repo, files.length, options, report, async (i) => {
    const file = files[i]
    let bytes: Uint8Array
    try {
      bytes = await readFile(file.path)
    } catch (e) {
      return {
        origin: file.path,
        failed: msg('import.unreadable', { detail: (e as Error).message }),
      }
    }
    return { origin: file.path, result: await readSourceFile(file.name, bytes), bytes }
  })
  return report
}

/** Imports files handed over as bytes (drag and drop). */
export async function importContents(
  repo: ProjectRepository,
  contents: FileContent[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report = emptyReport()
  await importEach(repo, contents.length, options, report, async (i) => ({
    origin: contents[i].name,
    result: await readSourceFile(contents[i].name, contents[i].bytes),
    bytes: contents[i].bytes,
  }))
  return report
}

type Read =
  | { origin: string; failed: Message }
  | { origin: string; result: Awaited<ReturnType<typeof readSourceFile>>; bytes: Uint8Array }

async function importEach(
  repo: ProjectRepository,
  total: number,
  options: ImportOptions,
  report: ImportReport,
  read: (i: number) => Promise<Read>,
): Promise<void> {
  for (let i = 0; i < total; i++) {
    if (options.signal?.aborted) {
      report.cancelled = true
      break
    }
    const item = await read(i)
    options.onProgress?.({ done: i, total, current: item.origin })
    if ('failed' in item) {
      report.failed.push({ origin: item.origin, reason: item.failed })
      continue
    }
    if (!item.result.ok && item.result.reason === ANNOTATED_EXPORT_REASON) {
      // One of our own exports: restored as it was exported, labels and all.
      const restored = await importAnnotatedExport(repo, item.bytes, {
        name: item.origin,
        signal: options.signal,
      })
      mergeReports(report, restored)
      continue
    }
    if (!item.result.ok && item.result.reason === QDPX_PROJECT_REASON) {
      // A project of a QDA tool: its texts, codes and coders' codings (../exchange/).
      const name = item.origin.split(/[\\/]/).pop() ?? item.origin
      mergeReports(report, await importQdpx(repo, item.bytes, name, { signal: options.signal }))
      continue
    }
    if (!item.result.ok) {
      report.failed.push({ origin: item.origin, reason: item.result.reason })
      continue
    }
    for (const w of item.result.warnings) report.warnings.push({ origin: item.origin, message: w })
    for (const text of item.result.docs) {
      // Cancelling stops between documents, so no document is ever half written.
      if (options.signal?.aborted) {
        report.cancelled = true
        break
      }
      await addOne(repo, text, report)
    }
  }
  options.onProgress?.({ done: total, total })
}

/**
 * Adds one imported text as a document (segmented), reporting what happened; the id of the
 * document that now holds the text (new, or the duplicate it is), or undefined when it failed.
 * Also the way in for texts read from other formats (../exchange/qdpxImport.ts).
 */
export async function addOne(
  repo: ProjectRepository,
  text: ImportedText,
  report: ImportReport,
): Promise<string | undefined> {
  try {
    // Named by the file, never renumbered: two coders importing one article converge on one
    // document file, and a different text under a taken name is refused (repo.addDocument).
    const id = toDocumentId(text.suggestedId)
    const document = buildDocument({
      id,
      text: text.text,
      meta: text.meta,
      origin: text.origin,
      headings: text.headings,
    })
    if (document.units.length === 0) {
      report.failed.push({ origin: text.origin, reason: msg('import.noTextLeft') })
      return
    }
    const existing = repo.findByContentHash(document.contentHash)
    if (existing) {
      report.skipped.push({
        origin: text.origin,
        reason: msg('import.duplicate', { existing }),
        existingId: existing,
      })
      return existing
    }
    if (!document.meta.title) {
      const first = document.units.find((u) => u.kind === 'heading' || u.kind === 'sentence')
      if (first)
        document.meta = {
          ...document.meta,
          title: shorten(document.text.slice(first.start, first.end)),
        }
    }
    await repo.addDocument(document)
    const sentences = document.units.filter((u) => u.kind === 'sentence').length
    report.imported.push({ id, origin: text.origin, title: document.meta.title ?? id, sentences })
    return id
  } catch (e) {
    report.failed.push({ origin: text.origin, reason: failureReason(e) })
  }
}

function shorten(s: string, max = 120): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`
}
