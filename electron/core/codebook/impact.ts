import type { Codebook, CodebookImpact, SentenceAnnotation, Statement } from '../../contract/model'
import { removedIds } from '../../common/codebookDraft'
import type { ProjectRepository } from '../storage/repository'

/** Visits every annotation of the project, document by document. */
async function* everyAnnotation(repo: ProjectRepository) {
  for (const summary of repo.listDocuments()) {
    if (summary.annotatedCount === 0) continue
    const annotations = await repo.getAnnotations(summary.id)
    yield { documentId: summary.id, annotations }
  }
}

/**
 * What saving `next` would take away: per removed label, how many statements and sentences use
 * it; per removed dimension, how many statements carry a value in it. Renames and recolourings
 * take nothing away, because annotations refer to labels by id.
 */
export async function codebookImpact(
  repo: ProjectRepository,
  next: Codebook,
): Promise<CodebookImpact> {
  const current = repo.getCodebook()
  const removed = removedIds(current, next)
  const labelUse = new Map<string, { statements: number; sentences: number }>()
  const dimensionUse = new Map<string, number>()
  for await (const { annotations } of everyAnnotation(repo)) {
    for (const annotation of Object.values(annotations)) {
      const seen = new Set<string>()
      for (const statement of annotation.statements) {
        for (const [dimensionId, ids] of Object.entries(statement.values)) {
          if (removed.dimensions.has(dimensionId) && ids.length)
            dimensionUse.set(dimensionId, (dimensionUse.get(dimensionId) ?? 0) + 1)
          for (const id of ids) {
            if (!removed.labels.has(id)) continue
            const use = labelUse.get(id) ?? { statements: 0, sentences: 0 }
            use.statements++
            if (!seen.has(id)) use.sentences++
            seen.add(id)
            labelUse.set(id, use)
          }
        }
      }
    }
  }
  const removedLabels = current.dimensions.flatMap((d) =>
    d.labels
      .filter((l) => removed.labels.has(l.id))
      .map((l) => ({
        dimension: d.name,
        label: l.name,
        ...(labelUse.get(l.id) ?? { statements: 0, sentences: 0 }),
      })),
  )
  const removedDimensions = current.dimensions
    .filter((d) => removed.dimensions.has(d.id))
    .map((d) => ({ dimension: d.name, statements: dimensionUse.get(d.id) ?? 0 }))
  return { removedLabels, removedDimensions }
}

/** Removes deleted labels and dimensions from one annotation; undefined when nothing changes. */
export function stripRemoved(
  annotation: SentenceAnnotation,
  labels: Set<string>,
  dimensions: Set<string>,
): SentenceAnnotation | undefined {
  let changed = false
  const statements = annotation.statements.map((s) => {
    const copy: Statement = { id: s.id, values: {} }
    for (const [dimensionId, ids] of Object.entries(s.values)) {
      const kept = dimensions.has(dimensionId) ? [] : ids.filter((id) => !labels.has(id))
      if (kept.length !== ids.length) changed = true
      if (kept.length) copy.values[dimensionId] = kept
    }
    const provenance = Object.entries(s.provenance ?? {}).filter(([id]) => !labels.has(id))
    if (provenance.length) copy.provenance = Object.fromEntries(provenance)
    return copy
  })
  return changed ? { ...annotation, statements } : undefined
}

/**
 * Stores a new codebook: deleted labels and dimensions are removed from every annotation (the
 * confirmation said so), then the codebook is written with its version raised.
 */
export async function applyCodebook(repo: ProjectRepository, next: Codebook): Promise<void> {
  const removed = removedIds(repo.getCodebook(), next)
  if (removed.labels.size || removed.dimensions.size) {
    for await (const { documentId, annotations } of everyAnnotation(repo)) {
      const entries: Array<[string, SentenceAnnotation | null]> = []
      for (const [unitId, annotation] of Object.entries(annotations)) {
        const stripped = stripRemoved(annotation, removed.labels, removed.dimensions)
        if (stripped) entries.push([unitId, stripped])
      }
      if (entries.length) await repo.putAnnotations(documentId, entries)
    }
  }
  await repo.setCodebook(next)
}
