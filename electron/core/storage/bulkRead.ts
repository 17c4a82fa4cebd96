/**
 * The reading half of a bulk read (an export's pass over every document): where a document's
 * files are, and the quick checks that stand in for the full schemas. Pure and free of the
 * repository's state, so the repository and the export's worker threads share one
 * implementation (./lowdbRepository.ts readInBulk, ../export/worker.ts).
 */
import { readFile as readFileWithCallback, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { UNIT_KINDS, type SentenceAnnotation, type StoredDocument } from '../../contract/model'
import { provenanceSchema } from '../../contract/schemas'
import { SCHEMA_VERSION } from './files'

/**
 * Ids are validated to letters, digits, `_`, `.` and `-`; a leading dot is the one thing that
 * would still make an awkward (hidden) file name, so it is escaped.
 */
export function encodeId(id: string): string {
  return id.startsWith('.') ? `%2E${id.slice(1)}` : id
}

export function decodeId(name: string): string {
  return name.startsWith('%2E') ? `.${name.slice(3)}` : name
}

/** The file of a document in the project folder `dir`. */
export function documentFilePath(dir: string, id: string): string {
  return join(dir, 'documents', `${encodeId(id)}.json`)
}

/** The annotations file of a document in the project folder `dir`. */
export function annotationFilePath(dir: string, id: string): string {
  return join(dir, 'annotations', `${encodeId(id)}.json`)
}

/** As readChecked, synchronously (for a worker thread, where blocking costs nobody else). */
export function readCheckedSync<T>(file: string, check: (data: unknown) => T | null): T | null {
  try {
    return check(JSON.parse(readFileSync(file, 'utf8')))
  } catch {
    return null
  }
}

/** Reads and parses a file for a bulk read; null when it is missing, not JSON, or refused. */
export function readChecked<T>(
  file: string,
  check: (data: unknown) => T | null,
): Promise<T | null> {
  return new Promise((resolve) => {
    // The callback form: over thousands of small files it costs a fraction of fs/promises'.
    readFileWithCallback(file, 'utf8', (error, text) => {
      try {
        resolve(error ? null : check(JSON.parse(text)))
      } catch {
        resolve(null)
      }
    })
  })
}

/*
 * The quick checks of a bulk read: the schema version, and the types of every field a reader
 * uses, so that a damaged or hand-edited file is never passed on as if it were sound. What the
 * full schemas check beyond that (lengths, the characters of ids) cannot make a reader fail.
 */
type Loose = Record<string, unknown>

const isRecord = (v: unknown): v is Loose =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const isOptionalString = (v: unknown) => v === undefined || typeof v === 'string'
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0
const KINDS = new Set<unknown>(UNIT_KINDS)
const PROVENANCES = new Set<unknown>(provenanceSchema.options)
const META_FIELDS = ['title', 'source', 'author', 'date', 'url', 'genre']

export function checkDocumentFile(data: unknown): StoredDocument | null {
  if (!isRecord(data) || data.schemaVersion !== SCHEMA_VERSION) return null
  const d = data.document
  if (!isRecord(d) || typeof d.id !== 'string' || typeof d.text !== 'string') return null
  if (typeof d.contentHash !== 'string' || typeof d.importedAt !== 'string') return null
  if (!isOptionalString(d.origin) || !Array.isArray(d.units) || !isRecord(d.meta)) return null
  const { meta } = d
  if (!META_FIELDS.every((f) => isOptionalString(meta[f]))) return null
  if (meta.extra !== undefined && !isStringRecord(meta.extra, () => true)) return null
  for (const u of d.units as unknown[])
    if (
      !isRecord(u) ||
      typeof u.id !== 'string' ||
      !isCount(u.start) ||
      !isCount(u.end) ||
      !KINDS.has(u.kind) ||
      (u.included !== undefined && typeof u.included !== 'boolean')
    )
      return null
  return d as unknown as StoredDocument
}

export function checkAnnotationFile(data: unknown): Record<string, SentenceAnnotation> | null {
  if (!isRecord(data) || data.schemaVersion !== SCHEMA_VERSION) return null
  const { annotations } = data
  if (typeof data.documentId !== 'string' || !isRecord(annotations)) return null
  for (const key in annotations) {
    const a = annotations[key]
    if (!isRecord(a) || !Array.isArray(a.statements) || typeof a.uncertain !== 'boolean')
      return null
    if (typeof a.note !== 'string' || typeof a.annotator !== 'string') return null
    if (typeof a.createdAt !== 'string' || typeof a.updatedAt !== 'string') return null
    if (!isCount(a.codebookVersion) || !isOptionalString(a.needsReview)) return null
    for (const s of a.statements as unknown[]) {
      if (!isRecord(s) || typeof s.id !== 'string') return null
      if (!isRecord(s.values) || !Object.values(s.values).every(isStringArray)) return null
      if (s.provenance !== undefined && !isStringRecord(s.provenance, (v) => PROVENANCES.has(v)))
        return null
    }
  }
  return annotations as Record<string, SentenceAnnotation>
}

function isStringArray(v: unknown): boolean {
  return Array.isArray(v) && v.every((x) => typeof x === 'string')
}

function isStringRecord(v: unknown, valid: (value: string) => boolean): boolean {
  return isRecord(v) && Object.values(v).every((x) => typeof x === 'string' && valid(x))
}
