/**
 * Reads a REFI-QDA project (`.qdpx`: a zip with project.qde and the source texts) into plain
 * data: users, the code tree, the text sources with their plain text and their selections.
 * Positions stay as the file gives them (code points); ./qdpxMap.ts maps them onto sentences.
 * Readers differ on the folder's case (MAXQDA `sources/`, NVivo `Sources/`): both are read.
 */
import JSZip from 'jszip'
import { XMLParser } from 'fast-xml-parser'
import { msg, type Message } from '../../contract/messages'
import { UserError } from '../errors'
import { normaliseGuid } from './guid'

export interface QdpxUser {
  guid: string
  name: string
  /** The user's id in the tool that wrote the project (our coder id, in our own exports). */
  id?: string
}

export interface QdpxCode {
  guid: string
  name: string
  color?: string
  description?: string
  children: QdpxCode[]
}

export interface QdpxCoding {
  code: string
  user?: string
  createdAt?: string
}

export interface QdpxSelection {
  guid: string
  /** Code point positions in the source's plain text, end exclusive. */
  start: number
  end: number
  user?: string
  createdAt?: string
  modifiedAt?: string
  codings: QdpxCoding[]
  notes: string[]
}

export interface QdpxSource {
  guid: string
  name: string
  /** The plain text as stored (byte-order mark removed, line endings as they are). */
  text: string
  selections: QdpxSelection[]
  /** Codings of the whole source, without a selection. */
  sourceCodings: number
  /** Variable values by variable name. */
  variables: Record<string, string>
}

export interface QdpxProject {
  name: string
  origin?: string
  creatingUser?: string
  users: QdpxUser[]
  codes: QdpxCode[]
  sources: QdpxSource[]
  /** Note texts by GUID. */
  notes: Map<string, string>
  /** Sources that could not be read. */
  problems: Message[]
}

const REPEATED = new Set([
  'User',
  'Code',
  'Variable',
  'TextSource',
  'PictureSource',
  'PDFSource',
  'AudioSource',
  'VideoSource',
  'PlainTextSelection',
  'Coding',
  'NoteRef',
  'Note',
  'VariableValue',
  'Case',
  'SourceRef',
])

type Node = Record<string, unknown>

function nodes(parent: unknown, name: string): Node[] {
  if (!parent || typeof parent !== 'object') return []
  const value = (parent as Node)[name]
  if (!Array.isArray(value)) return []
  return value.map((v) => (v && typeof v === 'object' ? (v as Node) : {}))
}

function child(parent: unknown, name: string): Node | undefined {
  if (!parent || typeof parent !== 'object') return undefined
  const value = (parent as Node)[name]
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Node
  return value === '' ? {} : undefined
}

function text(parent: unknown, name: string): string | undefined {
  if (!parent || typeof parent !== 'object') return undefined
  const value = (parent as Node)[name]
  if (typeof value === 'string') return value
  if (value && typeof value === 'object' && typeof (value as Node)['#text'] === 'string')
    return (value as Node)['#text'] as string
  return undefined
}

function attr(node: Node, name: string): string | undefined {
  const value = node[name]
  return typeof value === 'string' ? value : undefined
}

function guidAttr(node: Node, name: string): string | undefined {
  const value = attr(node, name)
  return value ? normaliseGuid(value) : undefined
}

function readCode(node: Node): QdpxCode {
  return {
    guid: guidAttr(node, 'guid') ?? '',
    name: attr(node, 'name') ?? '',
    color: attr(node, 'color'),
    description: text(node, 'Description'),
    children: nodes(node, 'Code').map(readCode),
  }
}

/** The values of an element's VariableValues, by variable name. */
function variableValues(node: Node, names: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const vv of nodes(node, 'VariableValue')) {
    const ref = guidAttr(child(vv, 'VariableRef') ?? {}, 'targetGUID') ?? ''
    const value = VALUE_ELEMENTS.map((k) => text(vv, k)).find((v) => v !== undefined)
    const name = names.get(ref)
    if (name && value !== undefined) out[name] = value
  }
  return out
}

const VALUE_ELEMENTS = [
  'TextValue',
  'BooleanValue',
  'IntegerValue',
  'FloatValue',
  'DateValue',
  'DateTimeValue',
]

function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '')
}

/** Zip entries by lower-cased path, so `Sources/` and `sources/` both resolve. */
function entryIndex(zip: JSZip): Map<string, JSZip.JSZipObject> {
  const out = new Map<string, JSZip.JSZipObject>()
  zip.forEach((path, entry) => {
    if (!entry.dir) out.set(path.replace(/\\/g, '/').toLowerCase(), entry)
  })
  return out
}

function sourceEntry(
  entries: Map<string, JSZip.JSZipObject>,
  path: string,
): JSZip.JSZipObject | undefined {
  const internal = /^internal:\/\/(.+)$/i.exec(path)
  const name = (internal ? internal[1] : path).replace(/\\/g, '/')
  const base = name.split('/').pop() ?? name
  return (
    entries.get(`sources/${name.toLowerCase()}`) ??
    entries.get(name.toLowerCase()) ??
    entries.get(`sources/${base.toLowerCase()}`)
  )
}

export async function readQdpx(bytes: Uint8Array, file: string): Promise<QdpxProject> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch (e) {
    throw new UserError('qdpx.notProject', { file, detail: (e as Error).message })
  }
  const entries = entryIndex(zip)
  const qde = entries.get('project.qde') ?? [...entries].find(([p]) => p.endsWith('.qde'))?.[1]
  if (!qde) throw new UserError('qdpx.noProjectFile', { file })
  const xml = decodeUtf8(await qde.async('uint8array'))
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    removeNSPrefix: true,
    htmlEntities: true,
    isArray: (name) => REPEATED.has(name),
  })
  let root: Node
  try {
    root = parser.parse(xml) as Node
  } catch (e) {
    throw new UserError('qdpx.notProject', { file, detail: (e as Error).message })
  }
  const project = child(root, 'Project')
  if (!project) throw new UserError('qdpx.notProject', { file, detail: 'no <Project> element' })

  const users = nodes(child(project, 'Users'), 'User').map((u) => ({
    guid: guidAttr(u, 'guid') ?? '',
    name: attr(u, 'name') ?? '',
    id: attr(u, 'id'),
  }))
  const codes = nodes(child(child(project, 'CodeBook'), 'Codes'), 'Code').map(readCode)
  const variableNames = new Map<string, string>()
  for (const v of nodes(child(project, 'Variables'), 'Variable'))
    variableNames.set(guidAttr(v, 'guid') ?? '', attr(v, 'name') ?? '')
  const notes = new Map<string, string>()
  for (const n of nodes(child(project, 'Notes'), 'Note'))
    notes.set(
      guidAttr(n, 'guid') ?? '',
      text(n, 'PlainTextContent') ?? text(n, 'Description') ?? '',
    )

  const problems: Message[] = []
  const sources: QdpxSource[] = []
  const sourcesNode = child(project, 'Sources')
  for (const kind of ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'])
    for (const s of nodes(sourcesNode, kind))
      problems.push(msg('qdpx.sourceNotText', { source: attr(s, 'name') ?? '', kind }))
  for (const s of nodes(sourcesNode, 'TextSource')) {
    const name = attr(s, 'name') ?? attr(s, 'guid') ?? ''
    let plain = text(s, 'PlainTextContent')
    const path = attr(s, 'plainTextPath')
    if (plain === undefined && path) {
      const entry = sourceEntry(entries, path)
      if (!entry) {
        problems.push(msg('qdpx.sourceMissing', { source: name, path }))
        continue
      }
      plain = decodeUtf8(await entry.async('uint8array'))
    }
    if (plain === undefined) {
      problems.push(msg('qdpx.sourceMissing', { source: name, path: path ?? '' }))
      continue
    }
    const variables = variableValues(s, variableNames)
    sources.push({
      guid: guidAttr(s, 'guid') ?? '',
      name,
      text: plain,
      sourceCodings: nodes(s, 'Coding').length,
      variables,
      selections: nodes(s, 'PlainTextSelection').map((sel) => ({
        guid: guidAttr(sel, 'guid') ?? '',
        start: Number(attr(sel, 'startPosition')),
        end: Number(attr(sel, 'endPosition')),
        user: guidAttr(sel, 'creatingUser'),
        createdAt: attr(sel, 'creationDateTime'),
        modifiedAt: attr(sel, 'modifiedDateTime'),
        codings: nodes(sel, 'Coding').map((c) => ({
          code: guidAttr(child(c, 'CodeRef') ?? {}, 'targetGUID') ?? '',
          user: guidAttr(c, 'creatingUser'),
          createdAt: attr(c, 'creationDateTime'),
        })),
        notes: nodes(sel, 'NoteRef')
          .map((r) => guidAttr(r, 'targetGUID') ?? '')
          .filter(Boolean),
      })),
    })
  }
  // MAXQDA keeps document variables on cases; a case's values apply to its sources.
  for (const c of nodes(child(project, 'Cases'), 'Case')) {
    const values = variableValues(c, variableNames)
    for (const ref of nodes(c, 'SourceRef')) {
      const source = sources.find((s) => s.guid === guidAttr(ref, 'targetGUID'))
      if (source) source.variables = { ...values, ...source.variables }
    }
  }
  return {
    name: attr(project, 'name') ?? '',
    origin: attr(project, 'origin'),
    creatingUser: guidAttr(project, 'creatingUserGUID'),
    users,
    codes,
    sources,
    notes,
    problems,
  }
}
