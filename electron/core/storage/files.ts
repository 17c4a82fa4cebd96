/**
 * The files of a project folder, their schemas and their versions.
 *
 *   project.json                    name, creation                    (written once)
 *   documents/<id>.json             one document: text, metadata, units (written once, at import)
 *   codebook/<version>-<coder>.json one codebook version              (written once)
 *   annotations/<coder>/<id>.json   one coder's layer of one document (that coder's only)
 *   local/index.json                summaries of all documents        (a cache, rebuilt when stale)
 *
 * Sharding per document keeps a label change a rewrite of one small file, whatever the size of
 * the corpus, and keeps a project folder easy to copy, back up and compare; one writer per file
 * lets any sync engine carry it (../team/layout.ts). Schema 1 was the single-annotator layout
 * (annotations/<id>.json, the codebook in project.json); ../team/migrate.ts converts it.
 */
import { z } from 'zod'
import { msg, type MessageParam } from '../../contract/messages'
import { UserError, schemaProblem } from '../errors'
import {
  codebookSchema,
  documentMetaSchema,
  sentenceAnnotationSchema,
  storedDocumentSchema,
} from '../../contract/schemas'
import type {
  Codebook,
  DocumentMeta,
  DocumentProfile,
  SentenceAnnotation,
  StoredDocument,
  Unit,
} from '../../contract/model'

export const SCHEMA_VERSION = 2

export interface ProjectFile {
  schemaVersion: number
  name: string
  createdAt: string
  /** Schema 1 only: the codebook, now kept as versions in codebook/. */
  codebook?: Codebook
}

/**
 * A document as written at import. When and from where it was imported belong to the importing
 * machine and live in that coder's layer, so two coders importing one article write equal bytes.
 */
export type SharedDocument = Omit<StoredDocument, 'importedAt' | 'origin'> &
  Partial<Pick<StoredDocument, 'importedAt' | 'origin'>>

export interface DocumentFile {
  schemaVersion: number
  document: SharedDocument
}

/**
 * One coder's layer of one document: the coder's labels, and the coder's own corrections of the
 * document (units after a split or merge, edited metadata), since the document file is shared
 * and never rewritten.
 */
export interface AnnotationFile {
  schemaVersion: number
  documentId: string
  /** The coder who writes this file (absent in schema 1). */
  coder?: string
  annotations: Record<string, SentenceAnnotation>
  units?: Unit[]
  meta?: DocumentMeta
  /** Set when this coder imported the document. */
  imported?: { at: string; origin?: string }
}

export interface IndexEntry extends DocumentProfile {
  contentHash: string
}

export interface IndexFile {
  schemaVersion: number
  documents: IndexEntry[]
}

/**
 * Checks the schema version before the shape, so that a file written by a newer version of the
 * app is refused with a message that says so instead of a list of unknown fields.
 */
function versioned<T extends z.ZodTypeAny>(
  schema: T,
  what: MessageParam,
): (data: unknown) => z.infer<T> {
  return (data) => {
    const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion
    if (typeof version !== 'number') throw new UserError('storage.noVersion', { what })
    if (version > SCHEMA_VERSION)
      throw new UserError('storage.newerVersion', {
        what,
        version: String(version),
        readable: String(SCHEMA_VERSION),
      })
    const migrated = migrate(data as { schemaVersion: number })
    const parsed = schema.safeParse(migrated)
    if (!parsed.success)
      throw new UserError('storage.badShape', { what, detail: schemaProblem(schema, migrated) })
    return parsed.data
  }
}

export type Migration = (data: Record<string, unknown>) => Record<string, unknown>

/**
 * Migrations from older schema versions: MIGRATIONS[n] turns a version-n file into version n+1.
 * The mechanism is tested with a table of its own (tests/unit/migrations.test.ts).
 */
export const MIGRATIONS: Record<number, Migration> = {
  // A schema-1 file reads as schema 2 (the new fields are optional); moving the files into the
  // team layout is the folder migration's (../team/migrate.ts).
  1: (data) => data,
}

/** Brings data of an older schema version up to `target`, one step at a time. */
export function migrate<T extends { schemaVersion: number }>(
  data: T,
  migrations: Record<number, Migration> = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): T {
  let current = data as unknown as Record<string, unknown> & { schemaVersion: number }
  while (current.schemaVersion < target) {
    const step = migrations[current.schemaVersion]
    if (!step)
      throw new Error(
        `no migration from schema ${current.schemaVersion} to ${current.schemaVersion + 1}`,
      )
    current = { ...step(current), schemaVersion: current.schemaVersion + 1 } as typeof current
  }
  return current as unknown as T
}

export function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'value'}: ${i.message}`)
    .join('; ')
}

export const readProjectFile = versioned(
  z.object({
    schemaVersion: z.number(),
    name: z.string(),
    createdAt: z.string(),
    codebook: codebookSchema.optional(),
  }),
  'project.json',
) as (d: unknown) => ProjectFile

export const readDocumentFile = versioned(
  z.object({
    schemaVersion: z.number(),
    document: storedDocumentSchema.extend({
      importedAt: z.string().optional(),
      origin: z.string().optional(),
    }),
  }),
  msg('storage.file.document'),
) as (d: unknown) => DocumentFile

export const readAnnotationFile = versioned(
  z.object({
    schemaVersion: z.number(),
    documentId: z.string(),
    coder: z.string().optional(),
    annotations: z.record(z.string(), sentenceAnnotationSchema),
    units: storedDocumentSchema.shape.units.optional(),
    meta: documentMetaSchema.optional(),
    imported: z.object({ at: z.string(), origin: z.string().optional() }).optional(),
  }),
  msg('storage.file.annotations'),
) as (d: unknown) => AnnotationFile

export const readIndexFile = versioned(
  z.object({
    schemaVersion: z.number(),
    documents: z.array(
      z.object({
        id: z.string(),
        meta: documentMetaSchema,
        sentenceCount: z.number(),
        annotatedCount: z.number(),
        // Absent in indexes written before label profiles existed; the index is then rebuilt.
        labelCounts: z.record(z.string(), z.number()),
        contentHash: z.string(),
      }),
    ),
  }),
  'index.json',
) as (d: unknown) => IndexFile
