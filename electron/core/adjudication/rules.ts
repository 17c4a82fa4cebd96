/**
 * The rules of adjudication, as pure functions over plain data: how the coders' values of a
 * sentence compare, what an automatic acceptance takes, what an adjudicator's choice makes of
 * the gold, and how an acceptance is undone. No files, no clock: the caller passes who and when.
 */
import type {
  AcceptRule,
  AdjudicationChoice,
  CoderStatements,
  GoldSentence,
  GoldValue,
  ValueComparison,
} from '../../contract/adjudication'
import type { Statement } from '../../contract/model'

/** Who decides and when: stamped on every value a rule or a choice sets. */
export interface Stamp {
  by: string
  at: string
  note?: string
  run?: string
}

/** The labels a coder's statements carry in one dimension, each once, sorted. */
export function labelsIn(statements: readonly Statement[], dimension: string): string[] {
  const set = new Set<string>()
  for (const s of statements) for (const id of s.values[dimension] ?? []) set.add(id)
  return [...set].sort()
}

function key(labels: readonly string[]): string {
  return labels.join('\u0000')
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return key(a) === key(b)
}

/**
 * Compares the coders of one sentence, dimension by dimension: the dimensions of `dimensions`
 * that some coder (or gold) used. A coder who coded the sentence and left a dimension empty
 * holds "no label" there, which is a value like any other.
 */
export function compareSentence(
  coders: readonly CoderStatements[],
  dimensions: readonly string[],
  gold: GoldSentence | null,
): ValueComparison[] {
  const out: ValueComparison[] = []
  for (const dimension of dimensions) {
    const byCoder: Record<string, string[]> = {}
    for (const c of coders) byCoder[c.coder] = labelsIn(c.statements, dimension)
    const values = Object.values(byCoder)
    const goldValue = gold?.values[dimension] ?? null
    if (!goldValue && values.every((v) => v.length === 0)) continue
    out.push({
      dimension,
      byCoder,
      agreed: values.length > 0 && values.every((v) => sameLabels(v, values[0])),
      majority: majorityOf(values),
      gold: goldValue,
    })
  }
  return out
}

/** The labels more than half of the values hold, or null when no value has a majority. */
export function majorityOf(values: readonly (readonly string[])[]): string[] | null {
  const counts = new Map<string, { labels: readonly string[]; n: number }>()
  for (const v of values) {
    const k = key(v)
    const entry = counts.get(k) ?? { labels: v, n: 0 }
    entry.n++
    counts.set(k, entry)
  }
  for (const { labels, n } of counts.values()) if (n * 2 > values.length) return [...labels]
  return null
}

function codersWith(comparison: ValueComparison, labels: readonly string[]): string[] {
  return Object.entries(comparison.byCoder)
    .filter(([, v]) => sameLabels(v, labels))
    .map(([coder]) => coder)
    .sort()
}

function value(
  comparison: ValueComparison,
  labels: readonly string[],
  origin: GoldValue['origin'],
  stamp: Stamp,
): GoldValue {
  return {
    labels: [...labels].sort(),
    coders: codersWith(comparison, labels),
    origin,
    by: stamp.by,
    at: stamp.at,
    ...(stamp.note ? { note: stamp.note } : {}),
    ...(stamp.run ? { run: stamp.run } : {}),
  }
}

/**
 * The gold statements for some values: the statements of a coder whose labels equal gold in
 * every dimension (so that who-said-what within the sentence survives), else one statement
 * holding the decided labels.
 */
export function goldStatements(
  values: Record<string, GoldValue>,
  coders: readonly CoderStatements[],
  dimensions: readonly string[],
): Statement[] {
  const decided = Object.entries(values)
  if (decided.length === 0) return []
  for (const c of coders) {
    const fits = dimensions.every((d) => {
      const mine = labelsIn(c.statements, d)
      const gold = values[d]
      return gold ? sameLabels(mine, gold.labels) : mine.length === 0
    })
    if (fits && c.statements.length > 0)
      return c.statements.map((s) => ({ id: s.id, values: { ...s.values } }))
  }
  const merged: Record<string, string[]> = {}
  for (const [d, v] of decided) if (v.labels.length) merged[d] = [...v.labels]
  return Object.keys(merged).length ? [{ id: 's1', values: merged }] : []
}

/** A sentence's gold with `values` set, its statements made anew. */
export function withValues(
  gold: GoldSentence | null,
  values: Record<string, GoldValue>,
  coders: readonly CoderStatements[],
  dimensions: readonly string[],
): GoldSentence | null {
  const all = { ...(gold?.values ?? {}), ...values }
  if (Object.keys(all).length === 0) return null
  return { values: all, statements: goldStatements(all, coders, dimensions) }
}

/**
 * What an automatic acceptance takes in one sentence: each dimension without a gold value on
 * which all coders agree (rule `unanimous`), or, with rule `majority`, also those where more
 * than half of them agree. A sentence coded by fewer than two coders has nothing to accept:
 * agreement needs someone to agree with.
 */
export function acceptable(
  comparisons: readonly ValueComparison[],
  coderCount: number,
  rule: AcceptRule,
  stamp: Stamp,
): Record<string, GoldValue> {
  const out: Record<string, GoldValue> = {}
  if (coderCount < 2) return out
  for (const c of comparisons) {
    if (c.gold) continue
    const first = Object.values(c.byCoder)[0]
    if (c.agreed && first) out[c.dimension] = value(c, first, 'unanimous', stamp)
    else if (rule === 'majority' && c.majority)
      out[c.dimension] = value(c, c.majority, 'majority', stamp)
  }
  return out
}

/**
 * What an adjudicator's choice sets: a coder's values in every dimension, the majority's where
 * there is one, edited labels, or nothing (`clear` removes the sentence's gold). Decided values
 * replace whatever gold held, automatically accepted or not.
 */
export function chosenValues(
  comparisons: readonly ValueComparison[],
  choice: AdjudicationChoice,
  stamp: Stamp,
): Record<string, GoldValue> | null {
  const out: Record<string, GoldValue> = {}
  switch (choice.kind) {
    case 'clear':
      return null
    case 'coder':
      for (const c of comparisons) {
        const labels = c.byCoder[choice.coder]
        if (labels) out[c.dimension] = value(c, labels, 'decided', stamp)
      }
      return out
    case 'majority':
      for (const c of comparisons)
        if (c.majority) out[c.dimension] = value(c, c.majority, 'decided', stamp)
      return out
    case 'edit': {
      // Only the dimensions edited: the others keep the gold they have.
      for (const [d, labels] of Object.entries(choice.values)) {
        const comparison = comparisons.find((c) => c.dimension === d) ?? {
          dimension: d,
          byCoder: {},
          agreed: false,
          majority: null,
          gold: null,
        }
        out[d] = value(comparison, labels, 'decided', stamp)
      }
      return out
    }
  }
}

/** The gold of a sentence without the values an automatic acceptance `run` set. */
export function withoutRun(
  gold: GoldSentence,
  run: string,
  coders: readonly CoderStatements[],
  dimensions: readonly string[],
): { gold: GoldSentence | null; removed: number } {
  const kept: Record<string, GoldValue> = {}
  let removed = 0
  for (const [d, v] of Object.entries(gold.values))
    if (v.run === run) removed++
    else kept[d] = v
  if (removed === 0) return { gold, removed }
  if (Object.keys(kept).length === 0) return { gold: null, removed }
  return { gold: { values: kept, statements: goldStatements(kept, coders, dimensions) }, removed }
}

/** True when the coders differ in some dimension of the sentence. */
export function hasDisagreement(comparisons: readonly ValueComparison[]): boolean {
  return comparisons.some((c) => !c.agreed)
}

/** True when every compared dimension of the sentence has a gold value. */
export function isResolved(comparisons: readonly ValueComparison[]): boolean {
  return comparisons.length > 0 && comparisons.every((c) => c.gold !== null)
}
