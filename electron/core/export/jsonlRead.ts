/**
 * Reads an annotated JSONL export back into documents and annotations: the inverse of
 * ./jsonl.ts. Every line is checked against a schema, and every document's text is rebuilt
 * from `text_before` + `text` (+ `text_after`) and checked against the units' offsets, so an
 * export that was filtered or edited is refused instead of restored wrong.
 */
import { z } from 'zod'
import type {
  DocumentMeta,
  Provenance,
  SentenceAnnotation,
  Statement,
  StoredDocument,
  Unit,
} from '../../contract/model'
import { provenanceSchema, unitKindSchema } from '../../contract/schemas'
import { contentHash } from '../corpus/document'
import { msg, type Message } from '../../contract/messages'
import { UserError, failureReason, schemaProblem } from '../errors'

const nullableString = z.string().nullable()

const lineSchema = z.object({
  document_id: z.string().min(1),
  document_meta: z.object({
    title: nullableString,
    source: nullableString,
    author: nullableString,
    date: nullableString,
    url: nullableString,
    genre: nullableString,
    extra: z.array(z.object({ key: z.string(), value: z.string() })).nullable(),
  }),
  document_origin: nullableString,
  document_imported_at: z.string(),
  document_units: z.number().int().positive(),
  sentence_id: z.string().min(1),
  index: z.number().int().nonnegative(),
  kind: unitKindSchema,
  included: z.boolean().nullable(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text_before: z.string(),
  text: z.string(),
  text_after: z.string(),
  statements: z.array(
    z.object({
      statement_id: z.string(),
      label_ids: z.record(z.string(), z.array(z.string())),
      provenance: z.record(z.string(), z.array(provenanceSchema.nullable())),
    }),
  ),
  annotator: nullableString,
  created_at: nullableString,
  updated_at: nullableString,
  codebook_version: z.number().int().nonnegative().nullable(),
  note: nullableString,
  uncertain: z.boolean().nullable(),
  needs_review: nullableString,
  // Added later: an older export has neither.
  done: z.boolean().nullish(),
  dismissed: z.array(z.string()).nullish(),
})

type Line = z.infer<typeof lineSchema>

export interface RestoredDocument {
  document: StoredDocument
  annotations: Record<string, SentenceAnnotation>
}

export interface ParsedExport {
  documents: RestoredDocument[]
  failed: Array<{ origin: string; reason: Message }>
}

/** Parses the text of an export; a bad line fails its document, never the others. */
export function parseAnnotatedExport(text: string, origin: string): ParsedExport {
  const groups = new Map<string, Array<{ line: Line; at: number }>>()
  const broken = new Map<string, Message>()
  const failed: ParsedExport['failed'] = []
  const lines = text.replace(/^\ufeff/, '').split('\n')
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i]
    if (raw.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch {
      failed.push({ origin: `${origin}:${i + 1}`, reason: msg('import.exportLineNotJson') })
      continue
    }
    const parsed = lineSchema.safeParse(value)
    if (!parsed.success) {
      const id = (value as { document_id?: unknown } | null)?.document_id
      const reason = msg('import.notExportLine', {
        line: i + 1,
        detail: schemaProblem(lineSchema, value),
      })
      if (typeof id === 'string' && !broken.has(id)) broken.set(id, reason)
      else if (typeof id !== 'string') failed.push({ origin: `${origin}:${i + 1}`, reason })
      continue
    }
    const group = groups.get(parsed.data.document_id) ?? []
    group.push({ line: parsed.data, at: i + 1 })
    groups.set(parsed.data.document_id, group)
  }
  const documents: RestoredDocument[] = []
  for (const [id, reason] of broken) {
    failed.push({ origin: `${origin}, document "${id}"`, reason })
    groups.delete(id)
  }
  for (const [id, group] of groups) {
    try {
      documents.push(restoreDocument(group))
    } catch (e) {
      failed.push({ origin: `${origin}, document "${id}"`, reason: failureReason(e) })
    }
  }
  return { documents, failed }
}

/** Rebuilds one document from its lines, checking that the text and the offsets agree. */
function restoreDocument(group: Array<{ line: Line; at: number }>): RestoredDocument {
  group.sort((a, b) => a.line.index - b.line.index)
  const count = group[0].line.document_units
  if (group.length !== count)
    throw new UserError('import.exportIncomplete', { held: group.length, count })
  let text = ''
  const units: Unit[] = []
  const annotations: Record<string, SentenceAnnotation> = {}
  for (const [expected, { line, at }] of group.entries()) {
    if (line.index !== expected)
      throw new UserError('import.exportUnitMissing', {
        unit: expected,
        line: at,
        index: line.index,
      })
    const start = text.length + line.text_before.length
    if (line.start !== start || line.end !== start + line.text.length)
      throw new UserError('import.exportOffsets', {
        line: at,
        start: line.start,
        end: line.end,
        expectedStart: start,
        expectedEnd: start + line.text.length,
      })
    text += line.text_before + line.text
    units.push({
      id: line.sentence_id,
      start: line.start,
      end: line.end,
      kind: line.kind,
      ...(line.included === null ? {} : { included: line.included }),
    })
    const annotation = restoreAnnotation(line, at)
    if (annotation) annotations[line.sentence_id] = annotation
  }
  const first = group[0].line
  text += group[group.length - 1].line.text_after
  const document: StoredDocument = {
    id: first.document_id,
    meta: restoreMeta(first.document_meta),
    text,
    units,
    contentHash: contentHash(text),
    importedAt: first.document_imported_at,
    ...(first.document_origin === null ? {} : { origin: first.document_origin }),
  }
  return { document, annotations }
}

function restoreMeta(m: Line['document_meta']): DocumentMeta {
  const meta: DocumentMeta = {}
  for (const key of ['title', 'source', 'author', 'date', 'url', 'genre'] as const) {
    const value = m[key]
    if (value !== null) meta[key] = value
  }
  if (m.extra) meta.extra = Object.fromEntries(m.extra.map(({ key, value }) => [key, value]))
  return meta
}

/** The annotation of a line; `created_at` is null exactly when the unit had none. */
function restoreAnnotation(line: Line, at: number): SentenceAnnotation | null {
  if (line.created_at === null) {
    if (line.statements.length > 0)
      throw new UserError('import.exportStatementsUndated', { line: at })
    return null
  }
  const { annotator, updated_at, codebook_version, note, uncertain } = line
  if (
    annotator === null ||
    updated_at === null ||
    codebook_version === null ||
    note === null ||
    uncertain === null
  )
    throw new UserError('import.exportAnnotationIncomplete', { line: at })
  return {
    statements: line.statements.map((s) => restoreStatement(s, at)),
    uncertain,
    note,
    ...(line.needs_review === null ? {} : { needsReview: line.needs_review }),
    ...(line.done === null || line.done === undefined ? {} : { done: line.done }),
    ...(line.dismissed === null || line.dismissed === undefined
      ? {}
      : { dismissed: line.dismissed }),
    annotator,
    createdAt: line.created_at,
    updatedAt: updated_at,
    codebookVersion: codebook_version,
  }
}

function restoreStatement(s: Line['statements'][number], at: number): Statement {
  const values: Record<string, string[]> = {}
  const provenance: Record<string, Provenance> = {}
  for (const [dimension, ids] of Object.entries(s.label_ids)) {
    const marks = s.provenance[dimension] ?? []
    if (marks.length !== ids.length)
      throw new UserError('import.exportProvenance', { line: at, dimension })
    // The app never stores an empty list; the export writes one for every dimension.
    if (ids.length === 0) continue
    values[dimension] = ids
    ids.forEach((id, i) => {
      const mark = marks[i]
      if (mark !== null) provenance[id] = mark
    })
  }
  return { id: s.statement_id, values, ...(Object.keys(provenance).length ? { provenance } : {}) }
}
