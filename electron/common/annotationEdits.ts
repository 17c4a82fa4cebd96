/**
 * Edits of a sentence's annotation as pure functions: the renderer applies them on key presses
 * and clicks, and the tests check them without a browser.
 */
import type {
  Dimension,
  Provenance,
  SentenceAnnotation,
  SentenceAnnotationInput,
  Statement,
} from '../contract/model'

export function emptyInput(): SentenceAnnotationInput {
  return { statements: [{ id: 's1', values: {} }], uncertain: false, note: '' }
}

/** The editable part of a stored annotation (a fresh one with one empty statement if none). */
export function toInput(annotation: SentenceAnnotation | undefined): SentenceAnnotationInput {
  if (!annotation) return emptyInput()
  const input: SentenceAnnotationInput = {
    statements:
      annotation.statements.length > 0
        ? copyStatements(annotation.statements)
        : emptyInput().statements,
    uncertain: annotation.uncertain,
    note: annotation.note,
  }
  if (annotation.needsReview) input.needsReview = annotation.needsReview
  if (annotation.done) input.done = true
  if (annotation.dismissed?.length) input.dismissed = [...annotation.dismissed]
  return input
}

/**
 * Copies statements deeply. Not structuredClone: the renderer's annotations are reactive proxies,
 * which structuredClone refuses.
 */
export function copyStatements(statements: readonly Statement[]): Statement[] {
  return statements.map((s) => {
    const values: Record<string, string[]> = {}
    for (const [dimension, ids] of Object.entries(s.values)) values[dimension] = [...ids]
    const copy: Statement = { id: s.id, values }
    if (s.provenance) copy.provenance = { ...s.provenance }
    return copy
  })
}

function nextStatementId(statements: Statement[]): string {
  const used = new Set(statements.map((s) => s.id))
  let n = statements.length + 1
  while (used.has(`s${n}`)) n++
  return `s${n}`
}

/**
 * Turns a label on or off in one statement. In a single-choice dimension choosing a label
 * replaces the previous one; choosing the same one again clears it.
 */
export function toggleLabel(
  input: SentenceAnnotationInput,
  statementIndex: number,
  dimension: Dimension,
  labelId: string,
  provenance: Provenance = 'manual',
): SentenceAnnotationInput {
  const statements = copyStatements(
    input.statements.length ? input.statements : emptyInput().statements,
  )
  const index = Math.min(Math.max(statementIndex, 0), statements.length - 1)
  const statement = statements[index]
  const current = statement.values[dimension.id] ?? []
  const had = current.includes(labelId)
  let next: string[]
  if (had) next = current.filter((id) => id !== labelId)
  else next = dimension.multi ? [...current, labelId] : [labelId]
  if (next.length) statement.values[dimension.id] = next
  else delete statement.values[dimension.id]
  const prov = { ...(statement.provenance ?? {}) }
  if (!dimension.multi) for (const id of current) delete prov[id]
  if (had) delete prov[labelId]
  else if (provenance !== 'manual') prov[labelId] = provenance
  if (Object.keys(prov).length) statement.provenance = prov
  else delete statement.provenance
  return { ...input, statements }
}

export function addStatement(input: SentenceAnnotationInput): SentenceAnnotationInput {
  const statements = copyStatements(input.statements)
  statements.push({ id: nextStatementId(statements), values: {} })
  return { ...input, statements }
}

export function removeStatement(
  input: SentenceAnnotationInput,
  index: number,
): SentenceAnnotationInput {
  if (input.statements.length <= 1) return { ...input, statements: emptyInput().statements }
  return { ...input, statements: input.statements.filter((_, i) => i !== index) }
}

export function hasLabel(
  input: SentenceAnnotationInput,
  statementIndex: number,
  dimensionId: string,
  labelId: string,
): boolean {
  return input.statements[statementIndex]?.values[dimensionId]?.includes(labelId) ?? false
}
