/**
 * The JSONL export: one unit per line, every line with the same keys in the same order and the
 * same types (null where a value is missing, [] for no statements), so that
 * `pandas.read_json(path, lines=True)` and `datasets.load_dataset("json", ...)` read it as a table.
 *
 * Lines are built by string concatenation around JSON.stringify of the variable parts and
 * encoded straight into the output's buffers: the document's columns are serialised and encoded
 * once per document, and an unannotated unit costs a constant.
 */
import { type DocumentMeta, type SentenceAnnotation, type Statement } from '../../contract/model'
import type { ByteBuilder, DocumentWriter } from './bytes'
import { valuesOf, type DimensionInfo, type ExportDocument } from './rows'

const J = JSON.stringify

/** The keys of every line, in order (`split` only when the export is split). */
export const JSONL_COLUMNS = [
  'document_id',
  'document_meta',
  'document_origin',
  'document_imported_at',
  'document_units',
  'sentence_id',
  'index',
  'kind',
  'included',
  'start',
  'end',
  'text_before',
  'text',
  'text_after',
  'annotated',
  'statements',
  'annotator',
  'created_at',
  'updated_at',
  'codebook_version',
  'note',
  'uncertain',
  'needs_review',
  'done',
  'dismissed',
] as const

/** The columns every annotated export has had; later ones may be missing from older files. */
export const JSONL_FIRST_COLUMNS = JSONL_COLUMNS.filter((c) => c !== 'done' && c !== 'dismissed')

/** The metadata as a fixed-shape object: free key-values become a list, so the keys never vary. */
export interface ExportedMeta {
  title: string | null
  source: string | null
  author: string | null
  date: string | null
  url: string | null
  genre: string | null
  extra: Array<{ key: string; value: string }> | null
}

/** The document's metadata with every field present (null where unset). */
export function exportMeta(meta: DocumentMeta): ExportedMeta {
  return {
    title: meta.title ?? null,
    source: meta.source ?? null,
    author: meta.author ?? null,
    date: meta.date ?? null,
    url: meta.url ?? null,
    genre: meta.genre ?? null,
    extra: meta.extra ? Object.entries(meta.extra).map(([key, value]) => ({ key, value })) : null,
  }
}

const UNANNOTATED =
  ',"annotated":false,"statements":[],"annotator":null,"created_at":null,"updated_at":null,' +
  '"codebook_version":null,"note":null,"uncertain":null,"needs_review":null,"done":null,' +
  '"dismissed":null'

/** What every line of an export shares, prepared once: the dimensions' keys and label names. */
interface Prepared {
  dimensions: Array<{ id: string; key: string; names: Map<string, string> }>
  withSplit: boolean
}

/**
 * A writer of the documents of one export: appends a document's lines (each ending in \n) and
 * returns how many it wrote. Everything that is the same for every line is serialised here,
 * once; what is the same for every line of a document (its id, metadata, origin and import
 * date: about half of each line) is encoded once per document and copied as bytes.
 */
export function jsonlWriter(dimensions: DimensionInfo[], withSplit: boolean): DocumentWriter {
  const prepared: Prepared = {
    withSplit,
    dimensions: dimensions.map((d, i) => ({
      id: d.id,
      key: `${i > 0 ? ',' : ''}${J(d.id)}:`,
      names: new Map([...d.labels].map(([id, name]) => [id, J(name)])),
    })),
  }
  return (doc, out) => jsonlDocument(doc, prepared, out)
}

function jsonlDocument(doc: ExportDocument, p: Prepared, out: ByteBuilder): number {
  const d = doc.document
  const head = Buffer.from(
    `{"document_id":${J(d.id)},"document_meta":${J(exportMeta(d.meta))},` +
      `"document_origin":${J(d.origin ?? null)},"document_imported_at":${J(d.importedAt)},` +
      `"document_units":${d.units.length},"sentence_id":`,
  )
  const tail = p.withSplit ? `,"split":${J(doc.split)}}\n` : '}\n'
  for (const row of doc.rows) {
    const u = row.unit
    out.bytes(head)
    out.text(
      J(u.id) +
        ',"index":' +
        row.index +
        ',"kind":"' +
        u.kind +
        '","included":' +
        (u.included === undefined ? 'null' : u.included) +
        ',"start":' +
        u.start +
        ',"end":' +
        u.end +
        ',"text_before":' +
        J(row.textBefore) +
        ',"text":' +
        J(row.text) +
        ',"text_after":' +
        (row.textAfter === '' ? '""' : J(row.textAfter)) +
        (row.annotation ? annotationColumns(row.annotation, row.coded, p) : UNANNOTATED) +
        tail,
    )
  }
  return doc.rows.length
}

function annotationColumns(a: SentenceAnnotation, coded: boolean, p: Prepared): string {
  let statements = ''
  for (const s of a.statements) statements += (statements ? ',' : '') + statementJson(s, p)
  return (
    `,"annotated":${coded},"statements":[${statements}]` +
    `,"annotator":${J(a.annotator)},"created_at":${J(a.createdAt)},"updated_at":${J(a.updatedAt)}` +
    `,"codebook_version":${J(a.codebookVersion)},"note":${J(a.note)},"uncertain":${J(a.uncertain)}` +
    `,"needs_review":${J(a.needsReview ?? null)},"done":${a.done ?? null}` +
    `,"dismissed":${a.dismissed ? J(a.dismissed) : null}`
  )
}

/**
 * A statement with every dimension present (empty lists where unset), label names beside the
 * ids, and the provenance of each label at the same position (null: chosen by hand, unrecorded).
 * Written by hand rather than through an object: faster, and a dimension id such as
 * "__proto__" stays an ordinary key.
 */
function statementJson(s: Statement, p: Prepared): string {
  let ids = ''
  let names = ''
  let provenance = ''
  const marks = s.provenance
  for (const dimension of p.dimensions) {
    const values = valuesOf(s, dimension.id)
    let nameList = ''
    let markList = ''
    for (let i = 0; i < values.length; i++) {
      const sep = i > 0 ? ',' : ''
      // A label the codebook lacks is named by its id (as in ./rows.ts labelNames).
      nameList += sep + (dimension.names.get(values[i]) ?? J(values[i]))
      markList += sep + (marks && Object.hasOwn(marks, values[i]) ? J(marks[values[i]]) : 'null')
    }
    ids += dimension.key + J(values)
    names += `${dimension.key}[${nameList}]`
    provenance += `${dimension.key}[${markList}]`
  }
  return `{"statement_id":${J(s.id)},"label_ids":{${ids}},"label_names":{${names}},"provenance":{${provenance}}}`
}
