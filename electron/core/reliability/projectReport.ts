/**
 * Gathers every coder's layer of an open project through the repository and the team (never
 * the files themselves) for the reliability report.
 */
import { networkDimensions } from '../../contract/exportOptions'
import { isAnnotatable, type SentenceAnnotation } from '../../contract/model'
import type { ReliabilityView } from '../../contract/reliability'
import type { CoderLayer, TeamStatus } from '../../contract/team'
import type { ProjectRepository } from '../storage/repository'
import type { CoderAnnotations, SentenceRef } from './projectData'
import type { BootstrapOptions } from './bootstrap'
import { reliabilityView } from './view'

export interface LayerSource {
  otherLayers(documentId: string): CoderLayer[]
}

export async function projectReliability(
  repo: ProjectRepository,
  team: LayerSource | null | undefined,
  status: TeamStatus,
  /** Only these sentences (a sample's); every sentence when absent. */
  include?: (documentId: string, unitId: string) => boolean,
  bootstrap: BootstrapOptions | false = {},
): Promise<ReliabilityView> {
  const codebook = repo.getCodebook()
  const sentences: SentenceRef[] = []
  const byCoder = new Map<string, Map<string, Record<string, SentenceAnnotation>>>()
  const layerOf = (coder: string) => {
    let layer = byCoder.get(coder)
    if (!layer) byCoder.set(coder, (layer = new Map()))
    return layer
  }
  for (const d of repo.listDocuments()) {
    for (const unit of (await repo.getDocument(d.id)).units)
      if (isAnnotatable(unit) && (!include || include(d.id, unit.id)))
        sentences.push({ documentId: d.id, unitId: unit.id })
    layerOf(repo.coder).set(d.id, await repo.getAnnotations(d.id))
    for (const other of team?.otherLayers(d.id) ?? [])
      layerOf(other.coder).set(d.id, other.annotations)
  }
  const nameOf = new Map(status.coders.map((c) => [c.id, c.name]))
  // A coder without a single label (this machine's, before coding) is no coder of the report.
  const ids = [...byCoder.keys()]
    .filter((id) => [...(byCoder.get(id)?.values() ?? [])].some((a) => Object.keys(a).length > 0))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const layers: CoderAnnotations[] = ids.map((coder) => ({
    coder,
    annotations: byCoder.get(coder) as Map<string, Record<string, SentenceAnnotation>>,
  }))
  return reliabilityView(
    codebook,
    sentences,
    layers,
    ids.map((id) => ({ id, name: nameOf.get(id) ?? id })),
    networkDimensions(codebook),
    bootstrap,
  )
}
