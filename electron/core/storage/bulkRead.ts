/**
 * The reading half of a bulk read (an export's pass over every document): where a document's
 * files are, and the quick checks that stand in for the full schemas. Pure and free of the
 * repository's state, so the repository and the export's worker threads share one
 * implementation (./lowdbRepository.ts readInBulk, ../export/worker.ts).
 */
import { existsSync, readFile as readFileWithCallback, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { UNIT_KINDS, type SentenceAnnotation, type StoredDocument } from '../../contract/model'
import { modelProvenanceSchema, provenanceKindSchema } from '../../contract/schemas'
import { SCHEMA_VERSION, type AnnotationFile, type SharedDocument } from './files'
import { withLayer } from './layer'

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

/** The layer of a document the coder has not touched. */
export const NO_LAYER: Pick<AnnotationFile, 'annotations' | 'units' | 'meta' | 'imported'> =
  Object.freeze({ annotations: Object.freeze({}) })

/** A coder's layer (annotations file) of a document in the project folder `dir`. */
export function annotationFilePath(dir: string, id: string, coder: string): string {
  return join(dir, 'annotations', coder, `${encodeId(id)}.json`)
}

/**
 * A coder's view of one document read straight from the files (a worker's bulk read): the
 * document with the coder's corrections and the coder's annotations; null when either file is
 * missing or refused by the quick checks.
 */
export function readViewSync(
  dir: string,
  id: string,
  coder: string,
): { document: StoredDocument; annotations: Record<string, SentenceAnnotation> } | null {
  const base = readCheckedSync(documentFilePath(dir, id), checkDocumentFile)
  const file = annotationFilePath(dir, id, coder)
  // No layer file: a document this coder has not coded (imported by another coder), not damage.
  const layer =
    base && (readCheckedSync(file, checkLayerFile) ?? (existsSync(file) ? null : NO_LAYER))
  if (!base || !layer) return null
  return { document: withLayer(base, layer), annotations: layer.annotations }
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
const PROVENANCES = new Set<unknown>(provenanceKindSchema.options)
/** A label's provenance: a kind, or an accepted model suggestion (rare: checked by its schema). */
const isProvenance = (v: unknown) =>
  PROVENANCES.has(v) || modelProvenanceSchema.safeParse(v).success
const META_FIELDS = ['title', 'source', 'author', 'date', 'url', 'genre']

export function checkDocumentFile(data: unknown): SharedDocument | null {
  if (!isRecord(data) || data.schemaVersion !== SCHEMA_VERSION) return null
  const d = data.document
  if (!isRecord(d) || typeof d.id !== 'string' || typeof d.text !== 'string') return null
  if (typeof d.contentHash !== 'string' || !isOptionalString(d.importedAt)) return null
  if (!isOptionalString(d.origin) || !isMeta(d.meta) || !areUnits(d.units)) return null
  return d as unknown as SharedDocument
}

function isMeta(meta: unknown): boolean {
  if (!isRecord(meta) || !META_FIELDS.every((f) => isOptionalString(meta[f]))) return false
  return meta.extra === undefined || isStringRecord(meta.extra, () => true)
}

function areUnits(units: unknown): boolean {
  return (
    Array.isArray(units) &&
    units.every(
      (u: unknown) =>
        isRecord(u) &&
        typeof u.id === 'string' &&
        isCount(u.start) &&
        isCount(u.end) &&
        KINDS.has(u.kind) &&
        (u.included === undefined || typeof u.included === 'boolean'),
    )
  )
}

/** A layer file: the coder's annotations and corrections of the document. */
export function checkLayerFile(
  data: unknown,
): Pick<AnnotationFile, 'annotations' | 'units' | 'meta' | 'imported'> | null {
  const annotations = checkAnnotationFile(data)
  if (!annotations) return null
  const { units, meta, imported } = data as Loose
  if (units !== undefined && !areUnits(units)) return null
  if (meta !== undefined && !isMeta(meta)) return null
  if (imported !== undefined && (!isRecord(imported) || typeof imported.at !== 'string'))
    return null
  return data as Pick<AnnotationFile, 'annotations' | 'units' | 'meta' | 'imported'>
}

export function checkAnnotationFile(data: unknown): Record<string, SentenceAnnotation> | null {
  if (!isRecord(data) || data.schemaVersion !== SCHEMA_VERSION) return null
  const { annotations } = data
  if (typeof data.documentId !== 'string' || !isRecord(annotations)) return null
  if (data.coder !== undefined && typeof data.coder !== 'string') return null
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
      if (
        s.provenance !== undefined &&
        !(isRecord(s.provenance) && Object.values(s.provenance).every(isProvenance))
      )
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
