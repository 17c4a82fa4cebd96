import type { Codebook, SentenceAnnotation, Statement } from '../../contract/model'
import { copyStatements } from '../../common/annotationEdits'
import { MERGE_CONFLICT, REVIEW_REASONS } from '../../contract/messages'

/**
 * Unites the annotations of two sentences being merged. One statement each: values are united
 * per dimension; a single-choice dimension with two different labels keeps the first and is
 * flagged as a conflict. Several statements: all are kept, renumbered, and flagged for review.
 */
export function mergeAnnotations(
  first: SentenceAnnotation | undefined,
  second: SentenceAnnotation | undefined,
  codebook: Codebook,
): SentenceAnnotation | undefined {
  if (!first || !second) {
    const only = first ?? second
    return only ? { ...only, needsReview: REVIEW_REASONS.merged } : undefined
  }
  const conflicts: string[] = []
  let statements: Statement[]
  if (first.statements.length <= 1 && second.statements.length <= 1) {
    const a = copyStatements(first.statements)[0] ?? { id: 's1', values: {} }
    const b = second.statements[0] ?? { id: 's1', values: {} }
    for (const [dimensionId, ids] of Object.entries(b.values)) {
      const dimension = codebook.dimensions.find((d) => d.id === dimensionId)
      const mine = a.values[dimensionId] ?? []
      if (
        dimension &&
        !dimension.multi &&
        mine.length > 0 &&
        ids.length > 0 &&
        mine[0] !== ids[0]
      ) {
        const name = (id: string) => dimension.labels.find((l) => l.id === id)?.name ?? id
        conflicts.push(`${dimension.name}: ${name(mine[0])} vs ${name(ids[0])}`)
        continue
      }
      a.values[dimensionId] = [...new Set([...mine, ...ids])]
    }
    if (b.provenance) a.provenance = { ...b.provenance, ...(a.provenance ?? {}) }
    statements = [a]
  } else {
    statements = copyStatements([...first.statements, ...second.statements]).map((s, i) => ({
      ...s,
      id: `s${i + 1}`,
    }))
  }
  const note = [first.note, second.note].filter((n) => n.trim()).join('\n')
  return {
    statements,
    uncertain: first.uncertain || second.uncertain,
    note,
    annotator: first.annotator,
    createdAt: first.createdAt < second.createdAt ? first.createdAt : second.createdAt,
    updatedAt: first.updatedAt > second.updatedAt ? first.updatedAt : second.updatedAt,
    codebookVersion: Math.max(first.codebookVersion, second.codebookVersion),
    needsReview: conflicts.length
      ? `${MERGE_CONFLICT}${conflicts.join('; ')}`
      : REVIEW_REASONS.merged,
  }
}
