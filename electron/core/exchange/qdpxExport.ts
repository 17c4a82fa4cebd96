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
    lineEndings: choice.lineEndings,
  })
  return { bytes: result.bytes, counts: result.counts, warnings: result.warnings }
}
