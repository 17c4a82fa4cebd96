/**
 * Set-valued reliability data seen per label, and statements as sets of triples.
 */
import type { Coincidences } from './coincidences'
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

/**
 * The coincidences of presenceOf(data, label), counted straight from the sets: the report
 * needs them for every label of every multiple-choice dimension, and interning "1"s and "0"s
 * cell by cell through countCoincidences costs ten times as much. Values: "1" is code 0, "0"
 * is code 1 (whichever occur).
 */
export function countPresence(
  data: ReliabilityData<LabelSet>,
  label: string,
): Coincidences<string> {
  const offsets: number[] = [0]
  const unitCodes: number[] = []
  const unitCounts: number[] = []
  const unitSizes: number[] = []
  let present = 0
  let absent = 0
  let pairs = 0
  let agreeingPairs = 0
  for (const u of data.units) {
    let m = 0
    let p = 0
    for (const v of u.values)
      if (v !== undefined) {
        m++
        if (v.includes(label)) p++
      }
    if (m < 2) continue
    if (p > 0) {
      unitCodes.push(0)
      unitCounts.push(p)
    }
    if (m - p > 0) {
      unitCodes.push(1)
      unitCounts.push(m - p)
    }
    offsets.push(unitCodes.length)
    unitSizes.push(m)
    present += p
    absent += m - p
    pairs += (m * (m - 1)) / 2
    agreeingPairs += (p * (p - 1)) / 2 + ((m - p) * (m - p - 1)) / 2
  }
  // Keep codes dense: a value that never occurs is not a value of the data.
  const values: string[] = []
  const marginals: number[] = []
  const remap = [-1, -1]
  if (present > 0) {
    remap[0] = values.length
    values.push('1')
    marginals.push(present)
  }
  if (absent > 0) {
    remap[1] = values.length
    values.push('0')
    marginals.push(absent)
  }
  return {
    values,
    marginals: Float64Array.from(marginals),
    n: present + absent,
    pairableUnits: unitSizes.length,
    pairs,
    agreeingPairs,
    offsets: Int32Array.from(offsets),
    unitCodes: Int32Array.from(unitCodes, (code) => remap[code]),
    unitCounts: Int32Array.from(unitCounts),
    unitSizes: Int32Array.from(unitSizes),
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
