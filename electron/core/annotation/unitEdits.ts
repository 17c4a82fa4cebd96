/**
 * Manual corrections of the segmentation, as pure functions over a document and its
 * annotations. No label is ever dropped: labels move with the text and are marked for review.
 */
import type { Codebook, SentenceAnnotation, StoredDocument, Unit } from '../../contract/model'
import { segmentUnits, unitId } from '../corpus/document'
import { MERGE_CONFLICT, REVIEW_REASONS, msg, type Message } from '../../contract/messages'
import { UserError } from '../errors'
import { mergeAnnotations } from './merge'
import { copyStatements } from '../../common/annotationEdits'

export interface UnitEdit {
  document: StoredDocument
  annotations: Record<string, SentenceAnnotation>
  review: string[]
  message: Message
}

type Annotations = Record<string, SentenceAnnotation>

function locate(document: StoredDocument, id: string): number {
  const index = document.units.findIndex((u) => u.id === id)
  if (index < 0)
    throw new UserError('annotation.unitNotFound', { unitId: id, documentId: document.id })
  return index
}

const isSpace = (c: string) => /\s/.test(c)

export function splitUnit(
  document: StoredDocument,
  annotations: Annotations,
  id: string,
  offset: number,
): UnitEdit {
  const index = locate(document, id)
  const unit = document.units[index]
  let leftEnd = offset
  while (leftEnd > unit.start && isSpace(document.text[leftEnd - 1])) leftEnd--
  let rightStart = offset
  while (rightStart < unit.end && isSpace(document.text[rightStart])) rightStart++
  if (leftEnd <= unit.start || rightStart >= unit.end) throw new UserError('unitEdit.splitOutside')
  const left: Unit = { ...unit, id: unitId(unit.start, leftEnd), end: leftEnd }
  const right: Unit = { ...unit, id: unitId(rightStart, unit.end), start: rightStart }
  const units = [...document.units.slice(0, index), left, right, ...document.units.slice(index + 1)]
  const next = { ...annotations }
  const review: string[] = []
  const old = next[id]
  delete next[id]
  if (old) {
    const flagged = {
      ...old,
      needsReview: REVIEW_REASONS.split,
    }
    next[left.id] = flagged
    next[right.id] = { ...flagged, statements: copyStatements(old.statements) }
    review.push(left.id, right.id)
  }
  return {
    document: { ...document, units },
    annotations: next,
    review,
    message: msg(old ? 'unitEdit.splitKept' : 'unitEdit.split'),
  }
}

export function mergeWithNext(
  document: StoredDocument,
  annotations: Annotations,
  id: string,
  codebook: Codebook,
): UnitEdit {
  const index = locate(document, id)
  const unit = document.units[index]
  const following = document.units[index + 1]
  if (!following) throw new UserError('unitEdit.mergeLast')
  const kind = unit.kind === 'sentence' || following.kind === 'sentence' ? 'sentence' : unit.kind
  const merged: Unit = {
    id: unitId(unit.start, following.end),
    start: unit.start,
    end: following.end,
    kind,
  }
  if (kind !== 'sentence' && (unit.included || following.included)) merged.included = true
  const units = [...document.units.slice(0, index), merged, ...document.units.slice(index + 2)]
  const next = { ...annotations }
  const combined = mergeAnnotations(next[unit.id], next[following.id], codebook)
  delete next[unit.id]
  delete next[following.id]
  const review: string[] = []
  if (combined) {
    next[merged.id] = combined
    review.push(merged.id)
  }
  const conflict = combined?.needsReview?.startsWith(MERGE_CONFLICT)
  return {
    document: { ...document, units },
    annotations: next,
    review,
    message: conflict
      ? msg('unitEdit.mergedConflict', { detail: combined?.needsReview ?? '' })
      : msg('unitEdit.merged'),
  }
}

export function setIncluded(
  document: StoredDocument,
  annotations: Annotations,
  id: string,
  included: boolean,
): UnitEdit {
  const index = locate(document, id)
  const unit = document.units[index]
  if (unit.kind === 'sentence') throw new UserError('unitEdit.sentenceAlwaysIncluded')
  const units = document.units.map((u, i) => {
    if (i !== index) return u
    const copy: Unit = { ...u }
    if (included) copy.included = true
    else delete copy.included
    return copy
  })
  // Excluding keeps any labels on disk, so including again brings them back.
  return {
    document: { ...document, units },
    annotations,
    review: [],
    message: msg(included ? 'unitEdit.included' : 'unitEdit.excluded'),
  }
}

/**
 * Segments again with the current segmenter. Annotations whose sentence still exists stay as
 * they are; each other annotation moves to the first new unit that overlaps its old span and is
 * marked for review, so nothing is lost.
 */
export function resegment(
  document: StoredDocument,
  annotations: Annotations,
  codebook: Codebook,
): UnitEdit {
  const included = new Set(document.units.filter((u) => u.included).map((u) => u.id))
  const units = segmentUnits(document.text).map((u) =>
    included.has(u.id) ? { ...u, included: true } : u,
  )
  const byId = new Map(units.map((u) => [u.id, u]))
  const next: Annotations = {}
  const review: string[] = []
  const moved: Array<[string, SentenceAnnotation]> = []
  for (const [id, annotation] of Object.entries(annotations)) {
    if (byId.has(id)) next[id] = annotation
    else moved.push([id, annotation])
  }
  const oldUnits = new Map(document.units.map((u) => [u.id, u]))
  for (const [id, annotation] of moved) {
    const old = oldUnits.get(id)
    const target = old && units.find((u) => u.start < old.end && u.end > old.start)
    if (!target) continue
    const flagged = { ...annotation, needsReview: REVIEW_REASONS.resegmented }
    next[target.id] = next[target.id]
      ? (mergeAnnotations(next[target.id], flagged, codebook) ?? flagged)
      : flagged
    if (target.kind !== 'sentence') target.included = true
    if (!review.includes(target.id)) review.push(target.id)
  }
  return {
    document: { ...document, units },
    annotations: next,
    review,
    message: review.length
      ? msg('unitEdit.resegmentedChanged', { count: review.length })
      : msg('unitEdit.resegmented'),
  }
}
