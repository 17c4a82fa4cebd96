/**
 * Importing an annotated JSONL export into a project: documents, units and annotations come
 * back exactly as exported (ids, offsets, labels, provenance, annotator, timestamps), so a
 * project can be moved, archived or merged through its export.
 *
 * Annotations go straight to the repository: ProjectService would stamp them with the current
 * annotator and time, which is exactly what a restore must not do.
 */
import { open, readFile, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Codebook, ImportReport } from '../../contract/model'
import { sentenceAnnotationSchema, storedDocumentSchema } from '../../contract/schemas'
import { emptyReport, type ImportOptions } from '../corpus/importer'
import type { ProjectRepository } from '../storage/repository'
import { parseCodebookFile } from '../codebook/codebookFile'
import { JSONL_FIRST_COLUMNS } from './jsonl'
import { parseAnnotatedExport, type RestoredDocument } from './jsonlRead'
import { msg } from '../../contract/messages'
import { failureReason, schemaProblem } from '../errors'

/** True when a line is the first line of an annotated export (it has every column). */
export function isAnnotatedExportLine(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line.replace(/^\ufeff/, ''))
    if (!value || typeof value !== 'object' || Array.isArray(value)) return false
    return JSONL_FIRST_COLUMNS.every((key) => Object.hasOwn(value, key))
  } catch {
    return false
  }
}

/** True when the file at `path` is an annotated export (judged by its first line). */
export async function isAnnotatedExportFile(path: string): Promise<boolean> {
  try {
    if (!(await stat(path)).isFile()) return false
    const handle = await open(path, 'r')
    try {
      // A first line holds one unit and its document's metadata: far less than this.
      const buffer = Buffer.alloc(1 << 20)
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
      const head = buffer.subarray(0, bytesRead).toString('utf8')
      const end = head.indexOf('\n')
      return isAnnotatedExportLine(end === -1 ? head : head.slice(0, end))
    } finally {
      await handle.close()
    }
  } catch {
    return false
  }
}

/**
 * The codebook exported beside the first of these files (`codebook.json` in the same folder, as
 * an `all` export writes it), for a project created by the import.
 */
export async function companionCodebook(exportFiles: string[]): Promise<Codebook | undefined> {
  for (const file of exportFiles) {
    const candidate = join(dirname(file), 'codebook.json')
    let text: string
    try {
      text = await readFile(candidate, 'utf8')
    } catch {
      continue
    }
    try {
      return parseCodebookFile(text)
    } catch (e) {
      throw new Error(`${candidate}: ${(e as Error).message}`, { cause: e })
    }
  }
  return undefined
}

/**
 * Imports an annotated export (a path, or the bytes of one) into a project. A document whose id
 * or text is already in the project is skipped; a document the file cannot rebuild fails alone.
 */
export async function importAnnotatedExport(
  repo: ProjectRepository,
  source: string | Uint8Array,
  options: ImportOptions & { name?: string } = {},
): Promise<ImportReport> {
  const origin = options.name ?? (typeof source === 'string' ? source : 'export.jsonl')
  const report = emptyReport()
  let text: string
  try {
    const bytes = typeof source === 'string' ? await readFile(source) : source
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch (e) {
    report.failed.push({
      origin,
      reason: msg('import.notUtf8Export', { detail: (e as Error).message }),
    })
    return report
  }
  const parsed = parseAnnotatedExport(text, basename(origin))
  report.failed.push(...parsed.failed)
  const total = parsed.documents.length
  for (const [i, restored] of parsed.documents.entries()) {
    if (options.signal?.aborted) {
      report.cancelled = true
      break
    }
    options.onProgress?.({ done: i, total, current: restored.document.id })
    await addRestored(repo, restored, origin, report)
  }
  options.onProgress?.({ done: total, total })
  const unknown = unknownLabels(repo.getCodebook(), parsed.documents)
  if (unknown.length > 0)
    report.warnings.push({
      origin,
      message: msg('import.unknownLabels', {
        count: unknown.length,
        labels: unknown.slice(0, 10).join(', '),
      }),
    })
  return report
}

async function addRestored(
  repo: ProjectRepository,
  { document, annotations }: RestoredDocument,
  origin: string,
  report: ImportReport,
): Promise<void> {
  const where = `${basename(origin)}, document "${document.id}"`
  const checked = storedDocumentSchema.safeParse(document)
  if (!checked.success) {
    report.failed.push({
      origin: where,
      reason: msg('import.invalidDocument', {
        detail: schemaProblem(storedDocumentSchema, document),
      }),
    })
    return
  }
  for (const [unitId, annotation] of Object.entries(annotations)) {
    const ok = sentenceAnnotationSchema.safeParse(annotation)
    if (!ok.success) {
      report.failed.push({
        origin: where,
        reason: msg('import.invalidAnnotation', {
          unitId,
          detail: schemaProblem(sentenceAnnotationSchema, annotation),
        }),
      })
      return
    }
  }
  if (repo.hasDocument(document.id)) {
    report.skipped.push({
      origin: where,
      reason: msg('import.idTaken', { id: document.id }),
      existingId: document.id,
    })
    return
  }
  const existing = repo.findByContentHash(document.contentHash)
  if (existing) {
    report.skipped.push({
      origin: where,
      reason: msg('import.duplicate', { existing }),
      existingId: existing,
    })
    return
  }
  try {
    await repo.addDocument(document)
    if (Object.keys(annotations).length > 0) await repo.replaceDocument(document, annotations)
  } catch (e) {
    report.failed.push({ origin: where, reason: failureReason(e) })
    return
  }
  const sentences = document.units.filter((u) => u.kind === 'sentence').length
  report.imported.push({
    id: document.id,
    origin,
    title: document.meta.title ?? document.id,
    sentences,
  })
}

function unknownLabels(codebook: Codebook, documents: RestoredDocument[]): string[] {
  const known = new Map(codebook.dimensions.map((d) => [d.id, new Set(d.labels.map((l) => l.id))]))
  const unknown = new Set<string>()
  for (const { annotations } of documents)
    for (const a of Object.values(annotations))
      for (const s of a.statements)
        for (const [dimension, ids] of Object.entries(s.values))
          for (const id of ids)
            if (!known.get(dimension)?.has(id)) unknown.add(`${dimension}:${id}`)
  return [...unknown]
}

/** Adds the entries of one import report to another (the CLI prints one report). */
export function mergeReports(into: ImportReport, from: ImportReport): ImportReport {
  into.imported.push(...from.imported)
  into.skipped.push(...from.skipped)
  into.failed.push(...from.failed)
  into.warnings.push(...from.warnings)
  into.cancelled ||= from.cancelled
  return into
}
