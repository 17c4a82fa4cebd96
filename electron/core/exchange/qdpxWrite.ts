/**
 * Writes a REFI-QDA project (QDA-XML 1.0, `.qdpx`) from plain data: documents, the codebook,
 * the coders and one annotation layer per coder (and optionally the gold layer, as a user of
 * its own). Pure apart from hashing: no project files are read here (see ./qdpxExport.ts).
 *
 * How the product's model maps onto the standard:
 * - a coder is a User (its coder id in `id`), the gold layer the User `gold`;
 * - a dimension is a Code holding its labels as child Codes (colour; definition as Description);
 * - a document is a TextSource named by its id, its plain text in `sources/<guid>.txt`;
 * - a coded sentence is one PlainTextSelection per coder, with one Coding per label (statements
 *   are flattened: the standard has no statements), and its note as a Note;
 * - metadata fields are Text Variables with a VariableValue on each source that has them.
 * Positions count Unicode code points (./positions.ts).
 */
import JSZip from 'jszip'
import type {
  Codebook,
  DocumentMeta,
  SentenceAnnotation,
  StoredDocument,
  Unit,
} from '../../contract/model'
import { msg, type Message } from '../../contract/messages'
import { guidFor } from './guid'
import { CodePointMap } from './positions'
import {
  dateTime,
  planSelections,
  type CoderOnDocument,
  type ExportTally,
  type PlannedSelection,
} from './selectionPlan'
import { XmlWriter } from './xml'

export interface QdpxCoder {
  id: string
  name: string
}

/** A coder's annotations: per document id, per unit id. */
export type QdpxLayer = Record<string, Record<string, SentenceAnnotation>>

export interface QdpxExportInput {
  name: string
  documents: Array<Pick<StoredDocument, 'id' | 'text' | 'meta' | 'units'>>
  codebook: Codebook
  coders: QdpxCoder[]
  /** Per coder id, that coder's layer. */
  layers: Record<string, QdpxLayer>
  gold?: QdpxLayer
  /**
   * A coder's own units of a document, where they split or merged sentences (the text is the
   * same for all: units are spans of it); the document's units otherwise.
   */
  layerUnits?: Record<string, Record<string, Unit[]>>
  /** Written as the project's creation time when given (kept out otherwise, for stable bytes). */
  createdAt?: string
  origin?: string
  /**
   * The line endings of the source files: LF (the default, one character everywhere) or CRLF,
   * which some MAXQDA versions expect; positions count what is written either way.
   */
  lineEndings?: 'lf' | 'crlf'
}

export interface QdpxExportResult {
  bytes: Uint8Array
  /** The project.qde text, decoded on demand (for checks and tests). */
  xml: string
  counts: { sources: number; selections: number; codings: number; notes: number; users: number }
  warnings: Message[]
}

/** The gold layer's user. */
export const GOLD_USER: QdpxCoder = { id: 'gold', name: 'Gold standard' }

export const META_FIELDS = ['title', 'source', 'author', 'date', 'url', 'genre'] as const

/** Zip entries carry this time, so the same project gives the same bytes. */
const ZIP_DATE = new Date(Date.UTC(1980, 0, 1))

export function sourcePath(guid: string): string {
  return `sources/${guid}.txt`
}

function metaEntries(meta: DocumentMeta): Array<[string, string]> {
  const out: Array<[string, string]> = []
  for (const field of META_FIELDS) {
    const value = meta[field]
    if (value) out.push([field, value])
  }
  for (const key of Object.keys(meta.extra ?? {}).sort())
    if (meta.extra![key] && !(META_FIELDS as readonly string[]).includes(key))
      out.push([key, meta.extra![key]])
  return out
}

/** The source file's text and the position in it (code points) of a position in the document. */
function sourcePositions(
  text: string,
  crlf: boolean,
): { written: string; of: (i: number) => number } {
  if (!crlf) {
    const map = new CodePointMap(text)
    return { written: text, of: (i) => map.toCodePoint(i) }
  }
  // Every LF before a position becomes two characters.
  const breaks = new Int32Array(text.length + 1)
  for (let i = 0; i < text.length; i++) breaks[i + 1] = breaks[i] + (text[i] === '\n' ? 1 : 0)
  const map = new CodePointMap(text)
  return { written: text.replace(/\n/g, '\r\n'), of: (i) => map.toCodePoint(i) + breaks[i] }
}

function writeCodeBook(
  x: XmlWriter,
  codebook: Codebook,
  codes: ReadonlyMap<string, { guid: string }>,
): void {
  if (!codebook.dimensions.length) return
  x.open('CodeBook').open('Codes')
  for (const d of codebook.dimensions) {
    x.open('Code', { guid: guidFor('code', d.id), name: d.name, isCodable: false })
    for (const l of d.labels) {
      const attrs = {
        guid: codes.get(`${d.id}/${l.id}`)!.guid,
        name: l.name,
        isCodable: true,
        color: l.color,
      }
      if (l.definition) x.open('Code', attrs).text('Description', l.definition).close('Code')
      else x.empty('Code', attrs)
    }
    x.close('Code')
  }
  x.close('Codes').close('CodeBook')
}

function writeSelection(x: XmlWriter, sel: PlannedSelection): void {
  x.open('PlainTextSelection', {
    guid: sel.guid,
    name: sel.name,
    startPosition: sel.start,
    endPosition: sel.end,
    creatingUser: sel.user,
    creationDateTime: sel.createdAt,
    modifyingUser: sel.user,
    modifiedDateTime: sel.updatedAt,
  })
  for (const code of sel.codes) {
    x.open('Coding', {
      guid: guidFor('coding', sel.guid, code),
      creatingUser: sel.user,
      creationDateTime: sel.createdAt,
    })
    x.empty('CodeRef', { targetGUID: code })
    x.close('Coding')
  }
  if (sel.note) x.empty('NoteRef', { targetGUID: sel.note.guid })
  x.close('PlainTextSelection')
}

export async function writeQdpx(input: QdpxExportInput): Promise<QdpxExportResult> {
  const users = [...input.coders]
  const layers: Array<[QdpxCoder, QdpxLayer]> = input.coders.map((c) => [
    c,
    input.layers[c.id] ?? {},
  ])
  if (input.gold) {
    users.push(GOLD_USER)
    layers.push([GOLD_USER, input.gold])
  }
  const userGuid = new Map(users.map((u) => [u.id, guidFor('user', u.id)]))
  const codes = new Map<string, { guid: string; order: number }>()
  for (const d of input.codebook.dimensions)
    for (const l of d.labels)
      codes.set(`${d.id}/${l.id}`, { guid: guidFor('code', d.id, l.id), order: codes.size })

  const tally: ExportTally = { flattened: 0, uncertain: 0, unknownLabel: 0, unknownUnit: 0 }
  const counts = { sources: 0, selections: 0, codings: 0, notes: 0, users: users.length }
  const notes: Array<{ guid: string; user: string; at?: string; text: string; name: string }> = []
  const variables = new Map<string, string>()
  for (const doc of input.documents)
    for (const [key] of metaEntries(doc.meta))
      if (!variables.has(key)) variables.set(key, guidFor('variable', key))

  const x = new XmlWriter()
  x.open('Project', {
    name: input.name,
    origin: input.origin ?? 'Pressecoder',
    creatingUserGUID: users[0] ? userGuid.get(users[0].id) : undefined,
    creationDateTime: dateTime(input.createdAt),
    xmlns: 'urn:QDA-XML:project:1.0',
  })
  if (users.length) {
    x.open('Users')
    for (const u of users)
      x.empty('User', { guid: userGuid.get(u.id), name: u.name || u.id, id: u.id })
    x.close('Users')
  }
  writeCodeBook(x, input.codebook, codes)
  if (variables.size) {
    x.open('Variables')
    for (const [name, guid] of variables)
      x.empty('Variable', { guid, name, typeOfVariable: 'Text' })
    x.close('Variables')
  }

  const files: Array<[string, string]> = []
  if (input.documents.length) x.open('Sources')
  for (const doc of input.documents) {
    const guid = guidFor('source', doc.id)
    const positions = sourcePositions(doc.text, input.lineEndings === 'crlf')
    const shared = new Map(doc.units.map((u) => [u.id, u]))
    files.push([sourcePath(guid), positions.written])
    counts.sources++
    x.open('TextSource', { guid, name: doc.id, plainTextPath: `internal://${guid}.txt` })
    const coders: CoderOnDocument[] = layers.map(([coder, layer]) => {
      const own = input.layerUnits?.[coder.id]?.[doc.id]
      return {
        userGuid: userGuid.get(coder.id)!,
        annotations: layer[doc.id] ?? {},
        units: own ? new Map(own.map((u) => [u.id, u])) : shared,
      }
    })
    const context = {
      documentId: doc.id,
      sourceGuid: guid,
      text: doc.text,
      positionOf: positions.of,
      codes,
      tally,
    }
    for (const sel of planSelections(coders, context)) {
      counts.selections++
      counts.codings += sel.codes.length
      writeSelection(x, sel)
      if (sel.note) notes.push({ ...sel.note, user: sel.user, at: sel.createdAt })
    }
    for (const [key, value] of metaEntries(doc.meta)) {
      x.open('VariableValue')
        .empty('VariableRef', { targetGUID: variables.get(key) })
        .text('TextValue', value)
      x.close('VariableValue')
    }
    x.close('TextSource')
  }
  if (input.documents.length) x.close('Sources')
  if (notes.length) {
    x.open('Notes')
    for (const n of notes) {
      counts.notes++
      x.open('Note', { guid: n.guid, name: n.name, creatingUser: n.user, creationDateTime: n.at })
      x.text('PlainTextContent', n.text)
      x.close('Note')
    }
    x.close('Notes')
  }
  x.close('Project')

  const qde = x.toBytes()
  const zip = new JSZip()
  zip.file('project.qde', qde, { date: ZIP_DATE, binary: true })
  for (const [path, text] of files) zip.file(path, text, { date: ZIP_DATE })
  const bytes = await zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  })
  const warnings: Message[] = []
  if (tally.flattened)
    warnings.push(msg('qdpx.export.statementsFlattened', { count: tally.flattened }))
  if (tally.uncertain)
    warnings.push(msg('qdpx.export.uncertainDropped', { count: tally.uncertain }))
  if (tally.unknownLabel)
    warnings.push(msg('qdpx.export.unknownLabel', { count: tally.unknownLabel }))
  if (tally.unknownUnit) warnings.push(msg('qdpx.export.unknownUnit', { count: tally.unknownUnit }))
  return {
    bytes,
    get xml() {
      return qde.toString('utf8')
    },
    counts,
    warnings,
  }
}
