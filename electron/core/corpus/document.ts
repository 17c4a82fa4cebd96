import { createHash } from 'node:crypto'
import type { DocumentMeta, StoredDocument, Unit } from '../../contract/model'
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

/** Splits a text into units with span-derived ids. */
export function segmentUnits(text: string): Unit[] {
  return segmentText(text).map((s) => ({ id: unitId(s.start, s.end), start: s.start, end: s.end, kind: s.kind }))
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
}): StoredDocument {
  const text = normaliseText(input.text)
  return {
    id: input.id,
    meta: input.meta,
    text,
    units: segmentUnits(text),
    contentHash: contentHash(text),
    importedAt: input.importedAt ?? new Date().toISOString(),
    ...(input.origin ? { origin: input.origin } : {}),
  }
}
