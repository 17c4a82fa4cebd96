import {
  isAnnotatable,
  isAnnotated,
  type DocumentMeta,
  type SentenceAnnotation,
  type SentenceHit,
  type SentenceHits,
  type SentenceQuery,
} from '../contract/model'
import { fold } from '../common/fold'
import type { ProjectRepository } from './storage/repository'

const DEFAULT_LIMIT = 500

export function metaMatches(meta: DocumentMeta, filter: { field: string; value: string }): boolean {
  const known = meta[filter.field as keyof Omit<DocumentMeta, 'extra'>]
  const value = typeof known === 'string' ? known : meta.extra?.[filter.field]
  return value !== undefined && fold(value).includes(fold(filter.value))
}

function annotationMatches(a: SentenceAnnotation | undefined, q: SentenceQuery): boolean {
  if (q.unannotated && isAnnotated(a)) return false
  if (q.uncertain && !a?.uncertain) return false
  if (q.needsReview && !a?.needsReview) return false
  if (
    q.labelId &&
    !a?.statements.some((s) => Object.values(s.values).some((ids) => ids.includes(q.labelId!)))
  )
    return false
  return true
}

/**
 * Finds sentences across the corpus by text, label, flags and document metadata. Documents are
 * pre-filtered on the index (metadata, progress) so only candidates are read from disk.
 */
export async function findSentences(
  repo: ProjectRepository,
  q: SentenceQuery,
): Promise<SentenceHits> {
  const limit = q.limit ?? DEFAULT_LIMIT
  const needle = q.text?.trim() ? fold(q.text.trim()) : null
  const hits: SentenceHit[] = []
  let total = 0
  for (const summary of repo.listDocuments()) {
    if (q.documentId && summary.id !== q.documentId) continue
    if (q.meta && !metaMatches(summary.meta, q.meta)) continue
    if (q.unannotated && summary.annotatedCount >= summary.sentenceCount) continue
    if (q.labelId && summary.annotatedCount === 0) continue
    const [document, annotations] = await Promise.all([
      repo.getDocument(summary.id),
      repo.getAnnotations(summary.id),
    ])
    for (const unit of document.units) {
      if (!isAnnotatable(unit)) continue
      if (!annotationMatches(annotations[unit.id], q)) continue
      const text = document.text.slice(unit.start, unit.end)
      if (needle && !fold(text).includes(needle)) continue
      total++
      if (hits.length < limit)
        hits.push({
          documentId: document.id,
          documentTitle: document.meta.title ?? document.id,
          unitId: unit.id,
          text,
        })
    }
  }
  return { hits, total }
}
