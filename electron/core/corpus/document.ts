import { createHash } from 'node:crypto'
import type { DocumentMeta, StoredDocument, Unit } from '../../contract/model'
import type { TextSpan } from './import/dom-text'
import { segmentText } from './segment'

/** Normalises text the way every import does, so equal articles hash equally. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC').trim()
}

export function contentHash(text: string): string {
  return createHash('sha256').update(normaliseText(text)).digest('hex')
}

export function unitId(start: number, end: number): string {
  return `u${start}-${end}`
}

/**
 * Splits a text into units with span-derived ids. `headings` are paragraphs the source marks as
 * headings (an HTML `<h2>`, a Word heading style): each becomes one heading unit, whatever its
 * wording.
 */
export function segmentUnits(text: string, headings: readonly TextSpan[] = []): Unit[] {
  const segments = segmentText(text)
  const units: Unit[] = []
  let h = 0
  for (const s of segments) {
    while (h < headings.length && headings[h].end <= s.start) h++
    const heading = headings[h]
    if (heading !== undefined && s.start >= heading.start && s.end <= heading.end) {
      const last = units[units.length - 1]
      if (last?.kind === 'heading' && last.start >= heading.start) {
        last.end = s.end
        last.id = unitId(last.start, last.end)
      } else units.push({ id: unitId(s.start, s.end), start: s.start, end: s.end, kind: 'heading' })
      continue
    }
    units.push({ id: unitId(s.start, s.end), start: s.start, end: s.end, kind: s.kind })
  }
  return units
}

/** Turns a file name or a free string into a document id: letters, digits, _ . - only. */
export function toDocumentId(raw: string): string {
  const id = raw
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_.-]+/gu, '_')
    .replace(/^[._]+/, '')
    .slice(0, 120)
  return id || 'document'
}

export function buildDocument(input: {
  id: string
  text: string
  meta: DocumentMeta
  origin?: string
  importedAt?: string
  /** heading paragraphs of `text` (offsets into it; it is normalised already when they are given) */
  headings?: readonly TextSpan[]
}): StoredDocument {
  const text = normaliseText(input.text)
  // Offsets only hold in the text they were taken from.
  const headings = text === input.text ? input.headings : undefined
  return {
    id: input.id,
    meta: input.meta,
    text,
    units: segmentUnits(text, headings),
    contentHash: contentHash(text),
    importedAt: input.importedAt ?? new Date().toISOString(),
    ...(input.origin ? { origin: input.origin } : {}),
  }
}
