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

/** The words of a search, folded, each once (the longest first, so highlights prefer them). */
export function searchWords(text: string | undefined): string[] {
  const words = new Set(
    (text ?? '')
      .split(/\s+/)
      .map((w) => fold(w))
      .filter(Boolean),
  )
  return [...words].sort((a, b) => b.length - a.length)
}

/**
 * The text folded as `fold` folds it, with the offset in the original text of every folded
 * character, so a match in the folded text can be shown in the original. Folds character by
 * character (a two-letter spelling of an umlaut as one), which gives `fold`'s result.
 */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  let folded = ''
  const offsets: number[] = []
  const lower = text.toLowerCase()
  for (let i = 0; i < text.length; i++) {
    const pair = lower.slice(i, i + 2)
    if (pair === 'ae' || pair === 'oe' || pair === 'ue') {
      folded += pair[0]
      offsets.push(i)
      i++
      continue
    }
    for (const c of fold(text[i])) {
      folded += c
      offsets.push(i)
    }
  }
  offsets.push(text.length)
  return { folded, offsets }
}

/** Where the words occur in the text, as sorted ranges that do not overlap. */
export function highlightRanges(
  text: string,
  words: readonly string[],
): Array<{ start: number; end: number }> {
  if (words.length === 0) return []
  const { folded, offsets } = foldWithOffsets(text)
  const ranges: Array<{ start: number; end: number }> = []
  for (const word of words) {
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + word.length)) {
      const start = offsets[at]
      const last = offsets[at + word.length - 1]
      // The end is past the last original character that folded into the match.
      const end = offsets.find((o, k) => k >= at + word.length && o > last) ?? text.length
      ranges.push({ start, end })
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: Array<{ start: number; end: number }> = []
  for (const r of ranges) {
    const previous = merged[merged.length - 1]
    if (previous && r.start <= previous.end) previous.end = Math.max(previous.end, r.end)
    else merged.push({ ...r })
  }
  return merged
}

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
 * Finds sentences across the corpus by words (all of them, in any order), label, flags and
 * document metadata. Documents are
 * pre-filtered on the index (metadata, progress) so only candidates are read from disk.
 */
export async function findSentences(
  repo: ProjectRepository,
  q: SentenceQuery,
): Promise<SentenceHits> {
  const limit = q.limit ?? DEFAULT_LIMIT
  const words = searchWords(q.text)
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
      if (words.length > 0) {
        const folded = fold(text)
        if (!words.every((w) => folded.includes(w))) continue
      }
      total++
      if (hits.length < limit)
        hits.push({
          documentId: document.id,
          documentTitle: document.meta.title ?? document.id,
          unitId: unit.id,
          text,
          ...(words.length > 0 ? { highlights: highlightRanges(text, words) } : {}),
        })
    }
  }
  return { hits, total }
}
