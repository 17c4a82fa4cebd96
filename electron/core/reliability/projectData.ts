/**
 * A team project's labels as reliability data: the unit is the sentence, the coders are the
 * project's coders (one layer each). A single-choice dimension gives one value per coder and
 * sentence, a multiple-choice dimension a set, and the statements a set of (actor, concept,
 * stance) triples. A coder who has not coded a sentence leaves the cell empty.
 */
import type { NetworkDimensions } from '../../contract/exportOptions'
import { isAnnotated, type Codebook, type SentenceAnnotation } from '../../contract/model'
import { labelSet, type CodedValue, type ReliabilityData } from './data'
import type { MetricName } from './metrics'
import { statementSet } from './sets'

/** One coder's annotations, by document id and unit id. */
export interface CoderAnnotations {
  coder: string
  annotations: ReadonlyMap<string, Record<string, SentenceAnnotation>>
}

export interface SentenceRef {
  documentId: string
  unitId: string
}

export interface ReliabilityVariable {
  /** A dimension id, or STATEMENTS for the triples. */
  id: string
  name: string
  metric: MetricName
  data: ReliabilityData
  /**
   * A single-choice dimension declared ordinal, interval or ratio: each coder's label as its
   * number (its rank in the codebook's order for ordinal, its `value` otherwise), for alpha
   * with that metric besides the nominal one. A sentence coded with no label of the dimension,
   * or with two, has no place on the scale and counts as not coded here.
   */
  scaled?: { metric: 'ordinal' | 'interval' | 'ratio'; data: ReliabilityData<number> }
}

export const STATEMENTS = 'statements'

/** What a single-choice dimension holds when a coder coded the sentence but left it empty. */
export const NO_LABEL = '(none)'

function labelsOf(a: SentenceAnnotation, dimension: string): string[] {
  return [...new Set(a.statements.flatMap((s) => s.values[dimension] ?? []))].sort()
}

function triplesOf(a: SentenceAnnotation, network: NetworkDimensions) {
  const triples = []
  for (const s of a.statements) {
    const actors = network.actor ? (s.values[network.actor] ?? []) : []
    const concepts = network.argument ? (s.values[network.argument] ?? []) : []
    const stances = network.stance ? (s.values[network.stance] ?? []) : []
    for (const actor of actors.length ? actors : [''])
      for (const concept of concepts.length ? concepts : [''])
        for (const stance of stances.length ? stances : [''])
          if (actor || concept) triples.push({ actor, concept, stance })
  }
  return triples
}

/**
 * The variables of the codebook (its dimensions, then the statements when the codebook has an
 * actor and an argument dimension) over the sentences that at least one coder coded.
 */
export function projectReliabilityData(
  codebook: Codebook,
  sentences: readonly SentenceRef[],
  layers: readonly CoderAnnotations[],
  network: NetworkDimensions,
): ReliabilityVariable[] {
  const coders = layers.map((l) => l.coder)
  const rows: { id: string; coded: (SentenceAnnotation | undefined)[] }[] = []
  for (const s of sentences) {
    const coded = layers.map((l) => {
      const a = l.annotations.get(s.documentId)?.[s.unitId]
      return isAnnotated(a, codebook) ? a : undefined
    })
    if (coded.some((a) => a !== undefined)) rows.push({ id: `${s.documentId}/${s.unitId}`, coded })
  }
  const variable = (
    id: string,
    name: string,
    metric: MetricName,
    value: (a: SentenceAnnotation) => CodedValue,
  ): ReliabilityVariable => ({
    id,
    name,
    metric,
    data: {
      coders,
      units: rows.map((r) => ({
        id: r.id,
        values: r.coded.map((a) => (a === undefined ? undefined : value(a))),
      })),
    },
  })
  const variables = codebook.dimensions.map((d) => {
    if (d.multi) return variable(d.id, d.name, 'masi', (a) => labelSet(labelsOf(a, d.id)))
    const v = variable(d.id, d.name, 'nominal', (a) => labelsOf(a, d.id).join('+') || NO_LABEL)
    const scale = d.scale ?? 'nominal'
    if (scale === 'nominal') return v
    const number = new Map(
      d.labels.map((l, rank) => [l.id, scale === 'ordinal' ? rank + 1 : l.value] as const),
    )
    const onScale = (a: SentenceAnnotation | undefined) => {
      const labels = a === undefined ? [] : labelsOf(a, d.id)
      return labels.length === 1 ? number.get(labels[0]) : undefined
    }
    v.scaled = {
      metric: scale,
      data: {
        coders,
        units: rows.map((r) => ({ id: r.id, values: r.coded.map(onScale) })),
      },
    }
    return v
  })
  if (network.actor && network.argument)
    variables.push(
      variable(STATEMENTS, 'statements (actor, concept, stance)', 'masi', (a) =>
        statementSet(triplesOf(a, network)),
      ),
    )
  return variables
}
