/**
 * Imports a REFI-QDA project into a project: its text sources become documents (through the
 * product's own import, so they are segmented like any article), its code tree joins the
 * codebook, its users become coders, and every coding that covers a sentence becomes that
 * coder's label on it. What could not be mapped ends up in the import report, one line each.
 */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { msg, type Message } from '../../contract/messages'
import type { Codebook, DocumentMeta, ImportReport, SentenceAnnotation } from '../../contract/model'
import { codebookProblems } from '../../common/codebookRules'
import { codebookSchema } from '../../contract/schemas'
import { addOne, emptyReport } from '../corpus/importer'
import { failureReason } from '../errors'
import { CODER_ID } from '../settings'
import type { ProjectRepository } from '../storage/repository'
import { writeProfile, readProfiles } from '../team/coders'
import { mapCodeTree } from './codeTree'
import { addToImportedLayer } from './layers'
import { readQdpx, type QdpxProject, type QdpxUser } from './qdpxRead'
import { META_FIELDS } from './qdpxWrite'
import { mapSelections, type MappedCodings, type MappedSentence } from './selections'
import { mapSourceText } from './sourceText'

export function isQdpxFile(name: string): boolean {
  return /\.qdpx$/i.test(name)
}

/** The coder id a user of the project becomes: our own exports carry it, others get one from the GUID. */
export function coderIdOf(user: Pick<QdpxUser, 'guid' | 'id'>): string {
  if (user.id && CODER_ID.test(user.id)) return user.id
  return `q${user.guid.replace(/[^0-9a-f]/g, '').slice(0, 12)}`
}

function metaOf(variables: Record<string, string>): DocumentMeta {
  const meta: DocumentMeta = {}
  const extra: Record<string, string> = {}
  for (const [name, value] of Object.entries(variables)) {
    if ((META_FIELDS as readonly string[]).includes(name))
      meta[name as (typeof META_FIELDS)[number]] = value
    else extra[name] = value
  }
  if (Object.keys(extra).length) meta.extra = extra
  return meta
}

function isoOr(s: string | undefined, fallback: string): string {
  return s && !Number.isNaN(Date.parse(s)) ? s : fallback
}

/** Single choice unless some sentence got two labels of the dimension from one coder. */
function settleChoice(codebook: Codebook, layers: MappedCodings[]): Codebook {
  const multi = new Set<string>()
  for (const codings of layers)
    for (const layer of codings.values())
      for (const s of layer.values())
        for (const [dim, ids] of Object.entries(s.values)) if (ids.length > 1) multi.add(dim)
  return {
    ...codebook,
    dimensions: codebook.dimensions.map((d) =>
      multi.has(d.id) && !d.multi ? { ...d, multi: true } : d,
    ),
  }
}

export async function importQdpxFile(
  repo: ProjectRepository,
  path: string,
  options: { signal?: AbortSignal } = {},
): Promise<ImportReport> {
  return importQdpx(repo, await readFile(path), basename(path), options)
}

export async function importQdpx(
  repo: ProjectRepository,
  bytes: Uint8Array,
  file: string,
  options: { signal?: AbortSignal } = {},
): Promise<ImportReport> {
  const report = emptyReport()
  const warn = (message: Message): void => {
    report.warnings.push({ origin: file, message })
  }
  let project: QdpxProject
  try {
    project = await readQdpx(bytes, file)
  } catch (e) {
    report.failed.push({ origin: file, reason: failureReason(e) })
    return report
  }
  for (const p of project.problems) warn(p)

  const before = repo.getCodebook()
  const mapped = mapCodeTree(project.codes, before)
  // A code system the codebook cannot hold is refused before anything is written.
  const refused = codebookRefusal(mapped.codebook)
  if (refused) {
    report.failed.push({ origin: file, reason: refused })
    return report
  }
  for (const m of mapped.messages) warn(m)

  const users = new Map(project.users.map((u) => [u.guid, u]))
  const fallbackUser = project.creatingUser ?? project.users[0]?.guid ?? ''
  const userName = (guid: string): string => users.get(guid)?.name || coderIdOf({ guid })
  const crlfAsOne = /atlas/i.test(project.origin ?? '')

  const perDocument: Array<{ id: string; codings: MappedCodings }> = []
  const names = new Set<string>()
  for (const source of project.sources) {
    if (options.signal?.aborted) {
      report.cancelled = true
      break
    }
    const origin = `${file}: ${source.name}`
    const text = mapSourceText(source.text, { crlfAsOne })
    // QDA tools allow two documents of one name (in different groups); ids must differ.
    const suggestedId = names.has(source.name)
      ? `${source.name}-${source.guid.slice(0, 8)}`
      : source.name
    names.add(source.name)
    const id = await addOne(
      repo,
      { origin, suggestedId, text: text.text, meta: metaOf(source.variables) },
      report,
    )
    if (!id) continue
    const document = await repo.getDocument(id)
    if (document.text !== text.text) {
      // The project holds this article already with another text; offsets would not hold.
      warn(
        msg('qdpx.sourceFailed', {
          source: source.name,
          reason: msg('team.documentNameTaken', { id }),
        }),
      )
      continue
    }
    const codings: MappedCodings = new Map()
    for (const p of mapSelections(
      source.selections,
      {
        source: source.name,
        text,
        units: document.units,
        codes: mapped.codes,
        notes: project.notes,
        defaultUser: fallbackUser,
        userName,
      },
      codings,
    ))
      warn(p)
    if (source.sourceCodings)
      warn(msg('qdpx.sourceCodings', { source: source.name, count: source.sourceCodings }))
    perDocument.push({ id, codings })
  }

  const codebook = settleChoice(
    mapped.codebook,
    perDocument.map((d) => d.codings),
  )
  if (JSON.stringify(codebook.dimensions) !== JSON.stringify(before.dimensions))
    await repo.setCodebook({ ...codebook, version: before.version + 1 })
  const version = repo.getCodebook().version

  const { profiles } = await readProfiles(repo.path)
  const coders = new Map<string, { id: string; name: string }>()
  let kept = 0
  const now = new Date().toISOString()
  for (const { id, codings } of perDocument) {
    for (const [userGuid, layer] of codings) {
      const user = users.get(userGuid)
      const coder = user ? coderIdOf(user) : userGuid ? coderIdOf({ guid: userGuid }) : repo.coder
      const name = user?.name || profiles.get(coder)?.name || (coder === repo.coder ? '' : coder)
      coders.set(coder, { id: coder, name })
      const annotations: Record<string, SentenceAnnotation> = {}
      for (const [unitId, s] of layer)
        annotations[unitId] = annotationOf(s, { coder, name, version, now })
      if (coder === repo.coder) {
        const existing = await repo.getAnnotations(id)
        const entries = Object.entries(annotations).filter(([unitId]) => !existing[unitId])
        kept += Object.keys(annotations).length - entries.length
        if (entries.length) await repo.putAnnotations(id, entries)
      } else kept += await addToImportedLayer(repo.path, coder, id, annotations)
    }
  }
  if (kept) warn(msg('qdpx.annotationsKept', { count: kept }))
  for (const c of coders.values())
    if (c.id !== repo.coder && !profiles.has(c.id) && c.name)
      await writeProfile(repo.path, { id: c.id, name: c.name.slice(0, 100) })
  if (coders.size)
    warn(msg('qdpx.coders', { names: [...coders.values()].map((c) => c.name || c.id).join(', ') }))
  return report
}

function codebookRefusal(codebook: Codebook): Message | null {
  const parsed = codebookSchema.safeParse(codebook)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return msg('qdpx.codebookRefused', { detail: `${issue.path.join('.')}: ${issue.message}` })
  }
  const problem = codebookProblems(codebook)[0]
  return problem ? msg('qdpx.codebookRefused', { detail: [problem.message] }) : null
}

function annotationOf(
  s: MappedSentence,
  who: { coder: string; name: string; version: number; now: string },
): SentenceAnnotation {
  const createdAt = isoOr(s.createdAt, who.now)
  return {
    statements: [{ id: 's1', values: s.values }],
    uncertain: false,
    note: s.notes.join('\n\n'),
    annotator: who.name,
    coder: who.coder,
    createdAt,
    updatedAt: isoOr(s.modifiedAt, createdAt),
    codebookVersion: who.version,
  }
}
