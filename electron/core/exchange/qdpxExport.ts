/**
 * A project (or the documents an export chose) as a REFI-QDA project: gathers the documents,
 * the codebook and every coder's layer from the project folder and hands them to ./qdpxWrite.ts.
 * The whole project file is built in memory: QDA tools open a project as a whole anyway, and
 * the text of the corpus is the bulk of it.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Message } from '../../contract/messages'
import type { SentenceAnnotation, StoredDocument, Unit } from '../../contract/model'
import type { GoldSentence } from '../../contract/adjudication'
import { GoldStore } from '../adjudication/goldStore'
import { readViewSync } from '../storage/bulkRead'
import type { ProjectRepository } from '../storage/repository'
import { readProfiles } from '../team/coders'
import { ANNOTATIONS_DIR, isConflictCopy, isTransient } from '../team/layout'
import { writeQdpx, type QdpxCoder, type QdpxLayer } from './qdpxWrite'

export interface QdpxExportChoice {
  /** The documents to export, in this order. */
  ids: string[]
  /** Only the layer of the coder with this name or id; null: every coder. */
  annotator?: string | null
  lineEndings?: 'lf' | 'crlf'
  /** Only the documents with a coded sentence in one of the exported layers. */
  onlyAnnotated?: boolean
  signal?: AbortSignal
  onProgress?: (p: { done: number; total: number }) => void
}

export interface QdpxBuilt {
  bytes: Uint8Array
  counts: Record<string, number>
  warnings: Message[]
}

/** The coders with a layer in the project, the repository's own first. */
async function layerCoders(repo: ProjectRepository): Promise<string[]> {
  const entries = await readdir(join(repo.path, ANNOTATIONS_DIR), { withFileTypes: true }).catch(
    () => [],
  )
  const others = entries
    .filter((e) => e.isDirectory() && !isConflictCopy(e.name) && !isTransient(e.name))
    .map((e) => e.name)
    .filter((id) => id !== repo.coder)
    .sort()
  return [repo.coder, ...others]
}

export async function buildQdpx(
  repo: ProjectRepository,
  choice: QdpxExportChoice,
): Promise<QdpxBuilt> {
  const { profiles } = await readProfiles(repo.path)
  const golds = new GoldStore(repo.path, repo.coder)
  await golds.load()
  const gold: QdpxLayer = {}
  const coderIds = await layerCoders(repo)
  const documents: StoredDocument[] = []
  const layers: Record<string, QdpxLayer> = {}
  const layerUnits: Record<string, Record<string, Unit[]>> = {}
  const names = new Map<string, string>()
  const note = (coder: string, annotations: Record<string, SentenceAnnotation>) => {
    if (names.has(coder)) return
    const named = Object.values(annotations).find((a) => a.annotator)?.annotator
    if (named) names.set(coder, named)
  }
  for (const [i, id] of choice.ids.entries()) {
    if (choice.signal?.aborted) throw new DOMException('The export was cancelled.', 'AbortError')
    const own = await repo.readInBulk(id)
    documents.push(own.document)
    ;(layers[repo.coder] ??= {})[id] = own.annotations
    note(repo.coder, own.annotations)
    for (const coder of coderIds.slice(1)) {
      const view = readViewSync(repo.path, id, coder)
      if (!view || view.document.text !== own.document.text) continue
      ;(layers[coder] ??= {})[id] = view.annotations
      ;(layerUnits[coder] ??= {})[id] = view.document.units
      note(coder, view.annotations)
    }
    const decided = golds.sentences(id)
    if (decided.size)
      gold[id] = Object.fromEntries([...decided].map(([unit, g]) => [unit, goldAnnotation(g)]))
    choice.onProgress?.({ done: i + 1, total: choice.ids.length })
  }
  const coders: QdpxCoder[] = coderIds
    .filter((id) => layers[id])
    .map((id) => ({ id, name: profiles.get(id)?.name || names.get(id) || id }))
    .filter((c) => !choice.annotator || c.name === choice.annotator || c.id === choice.annotator)
  const coded = (id: string) =>
    coders.some((c) =>
      Object.values(layers[c.id]?.[id] ?? {}).some((a) =>
        a.statements.some((s) => Object.values(s.values).some((v) => v.length > 0)),
      ),
    )
  const result = await writeQdpx({
    name: repo.name || 'Pressecoder project',
    documents: choice.onlyAnnotated ? documents.filter((d) => coded(d.id)) : documents,
    codebook: repo.getCodebook(),
    coders,
    layers,
    layerUnits,
    // The gold layer is its own user, unless the export is of one coder's layer.
    ...(Object.keys(gold).length && !choice.annotator ? { gold } : {}),
    lineEndings: choice.lineEndings,
  })
  return { bytes: result.bytes, counts: result.counts, warnings: result.warnings }
}

/** A gold sentence as an annotation: its statements, the adjudicators' notes, the decision times. */
function goldAnnotation(g: GoldSentence): SentenceAnnotation {
  const values = Object.values(g.values)
  const times = values.map((v) => v.at).sort()
  return {
    statements: g.statements,
    uncertain: false,
    note: values
      .map((v) => v.note?.trim())
      .filter(Boolean)
      .join('\n\n'),
    annotator: 'gold',
    createdAt: times[0] ?? '',
    updatedAt: times[times.length - 1] ?? '',
    codebookVersion: 0,
  }
}
