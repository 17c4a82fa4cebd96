/**
 * Importing the long JSONL of `export --layer all` into a project: the documents once, every
 * coder's layer (with the coder's name as their profile), and the gold with its provenance, so
 * that exporting all layers again gives the same bytes. The file's lines are grouped by their
 * `coder` column and each group read as an annotated export (../export/jsonlRead.ts).
 *
 * Meant for a new or empty project (moving or archiving a team's work): a layer of another
 * coder is written here once, as the restore of what that coder wrote; afterwards only they
 * write it. The automatic acceptances are not in the file: their values keep their run id,
 * but there is no run left to undo them by.
 */
import { mkdir, open, readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { GoldSentence, GoldValue } from '../../contract/adjudication'
import { msg } from '../../contract/messages'
import type { ImportReport } from '../../contract/model'
import { emptyReport } from '../corpus/importer'
import { parseAnnotatedExport } from '../export/jsonlRead'
import { annotationFilePath, encodeId } from '../storage/bulkRead'
import { writeDurably } from '../storage/durableFile'
import { SCHEMA_VERSION } from '../storage/files'
import type { ProjectRepository } from '../storage/repository'
import { writeProfile } from '../team/coders'
import { GOLD_DIR, GOLD_SCHEMA_VERSION, goldFileSchema, type GoldFile } from './goldStore'
import { GOLD } from './layerExport'

/** True when the file's first line is a line of the long layout with provenance (`--layer all`). */
export async function isLayeredExportFile(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r')
    try {
      const buffer = Buffer.alloc(64)
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
      return /^\ufeff?\{"coder":"[^"]*","provenance":/.test(
        buffer.subarray(0, bytesRead).toString('utf8'),
      )
    } finally {
      await handle.close()
    }
  } catch {
    return false
  }
}

interface LayeredLine {
  coder: string
  provenance: Record<string, GoldValue> | null
  rest: string
}

function splitLine(raw: string): LayeredLine {
  const value = JSON.parse(raw) as Record<string, unknown>
  const { coder, provenance, ...rest } = value
  return {
    coder: String(coder),
    provenance: (provenance as Record<string, GoldValue> | null) ?? null,
    rest: JSON.stringify(rest),
  }
}

export async function importLayeredExport(
  repo: ProjectRepository,
  path: string,
): Promise<ImportReport> {
  const report = emptyReport()
  const origin = basename(path)
  const groups = new Map<string, string[]>()
  const provenance = new Map<string, Record<string, GoldValue>>()
  try {
    const text = (await readFile(path, 'utf8')).replace(/^\ufeff/, '')
    for (const raw of text.split('\n')) {
      if (!raw.trim()) continue
      const line = splitLine(raw)
      const list = groups.get(line.coder) ?? []
      list.push(line.rest)
      groups.set(line.coder, list)
      if (line.coder === GOLD && line.provenance) {
        const { document_id, sentence_id } = JSON.parse(line.rest) as Record<string, string>
        provenance.set(`${document_id}\u0000${sentence_id}`, line.provenance)
      }
    }
  } catch (e) {
    report.failed.push({ origin, reason: msg('import.failed', { detail: (e as Error).message }) })
    return report
  }
  for (const [coder, lines] of groups) {
    const parsed = parseAnnotatedExport(`${lines.join('\n')}\n`, origin)
    report.failed.push(...parsed.failed)
    for (const { document, annotations } of parsed.documents) {
      if (!repo.hasDocument(document.id)) {
        await repo.addDocument(document)
        report.imported.push({
          id: document.id,
          origin,
          title: document.meta.title ?? document.id,
          sentences: document.units.filter((u) => u.kind === 'sentence').length,
        })
      }
      if (coder === GOLD) {
        await writeGold(repo.path, document.id, annotations, provenance)
        await adjudicatorProfiles(repo, document.id, annotations, provenance)
      } else if (Object.keys(annotations).length > 0) {
        if (coder === repo.coder) await repo.replaceDocument(document, annotations)
        else {
          const file = annotationFilePath(repo.path, document.id, coder)
          await mkdir(dirname(file), { recursive: true })
          const layer = {
            schemaVersion: SCHEMA_VERSION,
            documentId: document.id,
            coder,
            annotations,
          }
          await writeDurably(file, `${JSON.stringify(layer)}\n`)
        }
        const name = Object.values(annotations)
          .map((a) => a.annotator)
          .find(Boolean)
        if (name && coder !== repo.coder) await writeProfile(repo.path, { id: coder, name })
      }
    }
  }
  return report
}

/** The adjudicators' names, as their profiles: a gold line names the last one to decide. */
async function adjudicatorProfiles(
  repo: ProjectRepository,
  documentId: string,
  annotations: Record<string, { annotator: string }>,
  provenance: ReadonlyMap<string, Record<string, GoldValue>>,
): Promise<void> {
  const names = new Map<string, string>()
  for (const [unitId, a] of Object.entries(annotations)) {
    const values = Object.values(provenance.get(`${documentId}\u0000${unitId}`) ?? {})
    if (values.length === 0) continue
    const last = values.reduce((x, y) => (y.at > x.at ? y : x))
    if (a.annotator && a.annotator !== last.by) names.set(last.by, a.annotator)
  }
  for (const [id, name] of names) if (id !== repo.coder) await writeProfile(repo.path, { id, name })
}

/** Gold files per adjudicator: each sentence goes to whoever decided it last. */
async function writeGold(
  dir: string,
  documentId: string,
  annotations: Record<string, { statements: GoldSentence['statements'] }>,
  provenance: ReadonlyMap<string, Record<string, GoldValue>>,
): Promise<void> {
  const files = new Map<string, GoldFile>()
  for (const [unitId, a] of Object.entries(annotations)) {
    const values = provenance.get(`${documentId}\u0000${unitId}`)
    if (!values || Object.keys(values).length === 0) continue
    const last = Object.values(values).reduce((x, y) => (y.at > x.at ? y : x))
    const file = files.get(last.by) ?? {
      schemaVersion: GOLD_SCHEMA_VERSION,
      documentId,
      adjudicator: last.by,
      sentences: {},
      runs: [],
    }
    file.sentences[unitId] = { values, statements: a.statements }
    files.set(last.by, file)
  }
  for (const [adjudicator, file] of files) {
    const checked = goldFileSchema.parse(file)
    const folder = join(dir, GOLD_DIR, adjudicator)
    await mkdir(folder, { recursive: true })
    await writeDurably(
      join(folder, `${encodeId(documentId)}.json`),
      `${JSON.stringify(checked, null, 1)}\n`,
    )
  }
}
