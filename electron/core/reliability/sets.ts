/**
 * Set-valued reliability data seen per label, and statements as sets of triples.
 */
import { isLabelSet, labelSet, type LabelSet, type ReliabilityData } from './data'

/**
 * Presence or absence of one label, per coder and unit ("1" / "0"), where the coder coded the
 * unit at all: the data for alpha per label.
 */
export function presenceOf(
  data: ReliabilityData<LabelSet>,
  label: string,
): ReliabilityData<string> {
  return {
    coders: data.coders,
    units: data.units.map((u) => ({
      id: u.id,
      values: u.values.map((v) => (v === undefined ? undefined : v.includes(label) ? '1' : '0')),
    })),
  }
}

/** Every label that occurs in the data, sorted. */
export function labelsIn(data: ReliabilityData): string[] {
  const labels = new Set<string>()
  for (const u of data.units)
    for (const v of u.values) if (v !== undefined && isLabelSet(v)) for (const l of v) labels.add(l)
  return [...labels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** One statement in the Discourse Network Analyzer's sense. */
export interface StatementTriple {
  actor: string
  concept: string
  stance: string
}

/**
 * A sentence's statements as one set of (actor, concept, stance) triples, so two coders agree
 * on a statement only when all three parts agree. A missing part is the empty string.
 */
export function statementSet(statements: readonly StatementTriple[]): LabelSet {
  return labelSet(statements.map((s) => JSON.stringify([s.actor, s.concept, s.stance])))
}
