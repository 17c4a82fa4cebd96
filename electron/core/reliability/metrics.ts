/**
 * Krippendorff's difference functions δ²_ck (Krippendorff 2011) and the set distances for
 * multiple-choice dimensions: Jaccard and MASI (Passonneau 2006). A metric is prepared once for
 * the distinct pairable values (and, for the ordinal metric, their frequencies) and then answers
 * for pairs of value codes.
 */
import { msg, type Message } from '../../contract/messages'
import { isLabelSet, type CodedValue, type LabelSet } from './data'

export type MetricName = 'nominal' | 'ordinal' | 'interval' | 'ratio' | 'jaccard' | 'masi'

export const METRICS: readonly MetricName[] = [
  'nominal',
  'ordinal',
  'interval',
  'ratio',
  'jaccard',
  'masi',
]

/** δ between the values with codes a and b. */
export type Distance = (a: number, b: number) => number

export interface PreparedMetric {
  distance: Distance
  /**
   * Σ_c Σ_k n_c·n_k·δ_ck for value counts n (zero outside `used`, the codes counted): the
   * numerator of expected disagreement. In closed form or over sparse similarities where the
   * metric allows, since the plain double sum over V distinct values is the cost of alpha.
   */
  expectedSum: (counts: Float64Array, used: readonly number[]) => number
  /** Set metrics: the pairs of distinct values that share a label, with 1 − δ. */
  overlapping?: () => OverlappingPairs
}

export interface OverlappingPairs {
  first: Int32Array
  second: Int32Array
  similarity: Float64Array
}

export interface MetricOptions {
  /** For the ordinal metric over labels: the labels from lowest to highest. */
  order?: readonly string[]
}

/** Σ_c Σ_k n_c·n_k·δ_ck by the double sum. */
function pairwiseSum(distance: Distance): PreparedMetric['expectedSum'] {
  return (counts, used) => {
    let total = 0
    for (let x = 0; x < used.length; x++) {
      const a = used[x]
      for (let y = x + 1; y < used.length; y++)
        total += counts[a] * counts[used[y]] * distance(a, used[y])
    }
    return 2 * total
  }
}

/** Σ_{c≠k} n_c·n_k = n² − Σ n_c²: the nominal sum, and the start of the set metrics' one. */
export function unequalPairs(counts: Float64Array, used: readonly number[]): number {
  let n = 0
  let squares = 0
  for (const c of used) {
    n += counts[c]
    squares += counts[c] * counts[c]
  }
  return n * n - squares
}

/** The metric for these values, or why it does not apply to them. */
export function prepareMetric(
  name: MetricName,
  values: readonly CodedValue[],
  marginals: Float64Array,
  options: MetricOptions = {},
): PreparedMetric | Message {
  switch (name) {
    case 'nominal':
      return { distance: (a, b) => (a === b ? 0 : 1), expectedSum: unequalPairs }
    case 'ordinal': {
      const distance = ordinal(values, marginals, options.order)
      return typeof distance === 'function'
        ? { distance, expectedSum: pairwiseSum(distance) }
        : distance
    }
    case 'interval':
    case 'ratio': {
      const numbers = numericValues(values, name)
      if (!Array.isArray(numbers)) return numbers
      if (name === 'ratio') {
        if (numbers.some((x) => x < 0))
          return msg('reliability.metricNeedsNonNegative', { metric: name })
        const distance: Distance = (a, b) => {
          const sum = numbers[a] + numbers[b]
          return sum === 0 ? 0 : ((numbers[a] - numbers[b]) / sum) ** 2
        }
        return { distance, expectedSum: pairwiseSum(distance) }
      }
      return {
        distance: (a, b) => (numbers[a] - numbers[b]) ** 2,
        // Σ n_c n_k (c − k)² = 2(n·Σ n_c c² − (Σ n_c c)²)
        expectedSum: (counts, used) => {
          let n = 0
          let sum = 0
          let squares = 0
          for (const i of used) {
            n += counts[i]
            sum += counts[i] * numbers[i]
            squares += counts[i] * numbers[i] * numbers[i]
          }
          return 2 * (n * squares - sum * sum)
        },
      }
    }
    case 'jaccard':
    case 'masi': {
      const sets = setValues(values, name)
      if (!Array.isArray(sets)) return sets
      return setMetric(values, sets, name)
    }
  }
}

function numericValues(values: readonly CodedValue[], metric: MetricName): number[] | Message {
  const numbers: number[] = []
  for (const v of values) {
    if (typeof v !== 'number') return msg('reliability.metricNeedsNumbers', { metric })
    numbers.push(v)
  }
  return numbers
}

function setValues(values: readonly CodedValue[], metric: MetricName): LabelSet[] | Message {
  const sets: LabelSet[] = []
  for (const v of values) {
    if (!isLabelSet(v)) return msg('reliability.metricNeedsSets', { metric })
    sets.push(v)
  }
  return sets
}

/**
 * The ordinal difference: δ_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², ranks taken from the
 * numbers, or from `order` for labels. It depends on how often each value occurs.
 */
function ordinal(
  values: readonly CodedValue[],
  marginals: Float64Array,
  order: readonly string[] | undefined,
): Distance | Message {
  const rankOf = new Map<string, number>((order ?? []).map((label, i) => [label, i]))
  const rank: number[] = []
  for (const v of values) {
    if (typeof v === 'number' && !order) rank.push(v)
    else if (typeof v === 'string' && rankOf.has(v)) rank.push(rankOf.get(v) as number)
    else return msg('reliability.metricNeedsOrder', { metric: 'ordinal' })
  }
  const byRank = values.map((_, i) => i).sort((a, b) => rank[a] - rank[b])
  // cumulative[i] = Σ n_g over the values ranked at or below value i
  const cumulative = new Float64Array(values.length)
  let running = 0
  for (const i of byRank) {
    running += marginals[i]
    cumulative[i] = running
  }
  return (a, b) => {
    if (a === b) return 0
    const [low, high] = rank[a] <= rank[b] ? [a, b] : [b, a]
    const between = cumulative[high] - cumulative[low] + marginals[low]
    return (between - (marginals[a] + marginals[b]) / 2) ** 2
  }
}

function intersectionSize(a: LabelSet, b: LabelSet): number {
  // Both sorted: one merge pass.
  let i = 0
  let j = 0
  let common = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++
      i++
      j++
    } else if (a[i] < b[j]) i++
    else j++
  }
  return common
}

function popcount(word: number): number {
  let x = word >>> 0
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24
}

/**
 * Jaccard or MASI over interned sets, as bit sets. Expected disagreement compares every pair of
 * distinct sets (2.5 million pairs for 2,000 distinct sets, again for each pair of coders), but
 * disjoint sets always differ by exactly 1: so Σ n_c·n_k·δ_ck = Σ_{c≠k} n_c·n_k −
 * Σ n_c·n_k·(1 − δ_ck) over the pairs that share a label, found once through an index from
 * label to sets, a fraction of all pairs.
 */
interface SetIndex {
  words: number
  bits: Uint32Array
  sizes: Int32Array
  /** The pairs of distinct sets that share a label, and how many labels they share. */
  overlaps?: { first: Int32Array; second: Int32Array; common: Int32Array }
  withLabel: number[][]
  bitOf: Map<string, number>
}

/** One index per list of values, shared by Jaccard and MASI (a report asks for both). */
const setIndexes = new WeakMap<readonly CodedValue[], SetIndex>()

function setIndex(key: readonly CodedValue[], sets: readonly LabelSet[]): SetIndex {
  const cached = setIndexes.get(key)
  if (cached) return cached
  const bitOf = new Map<string, number>()
  for (const set of sets)
    for (const label of set) if (!bitOf.has(label)) bitOf.set(label, bitOf.size)
  const words = Math.max(1, Math.ceil(bitOf.size / 32))
  const bits = new Uint32Array(sets.length * words)
  const sizes = new Int32Array(sets.length)
  const withLabel: number[][] = Array.from({ length: bitOf.size }, () => [])
  sets.forEach((set, i) => {
    sizes[i] = set.length
    for (const label of set) {
      const b = bitOf.get(label) as number
      bits[i * words + (b >>> 5)] |= 1 << (b & 31)
      withLabel[b].push(i)
    }
  })
  const index: SetIndex = { words, bits, sizes, withLabel, bitOf }
  setIndexes.set(key, index)
  return index
}

function commonLabels(index: SetIndex, a: number, b: number): number {
  let common = 0
  for (let w = 0; w < index.words; w++)
    common += popcount(index.bits[a * index.words + w] & index.bits[b * index.words + w])
  return common
}

function findOverlaps(
  index: SetIndex,
  sets: readonly LabelSet[],
): NonNullable<SetIndex['overlaps']> {
  // Typed arrays grown by doubling: a million pairs pushed onto plain arrays cost more in
  // garbage collection than in finding them.
  let size = 0
  let first: Int32Array = new Int32Array(1024)
  let second: Int32Array = new Int32Array(1024)
  let common: Int32Array = new Int32Array(1024)
  const grow = (x: Int32Array): Int32Array => {
    const y = new Int32Array(x.length * 2)
    y.set(x)
    return y
  }
  const seen = new Int32Array(sets.length).fill(-1)
  for (let a = 0; a < sets.length; a++)
    for (const label of sets[a])
      for (const b of index.withLabel[index.bitOf.get(label) as number]) {
        if (b <= a || seen[b] === a) continue
        seen[b] = a
        if (size === first.length) {
          first = grow(first)
          second = grow(second)
          common = grow(common)
        }
        first[size] = a
        second[size] = b
        common[size] = commonLabels(index, a, b)
        size++
      }
  return {
    first: first.subarray(0, size),
    second: second.subarray(0, size),
    common: common.subarray(0, size),
  }
}

/**
 * Jaccard or MASI over interned sets, as bit sets. Expected disagreement compares every pair of
 * distinct sets (2.5 million pairs for 2,000 distinct sets, again for each pair of coders), but
 * disjoint sets always differ by exactly 1: so Σ n_c·n_k·δ_ck = Σ_{c≠k} n_c·n_k −
 * Σ n_c·n_k·(1 − δ_ck) over the pairs that share a label, found once through an index from
 * label to sets, a fraction of all pairs.
 */
function setMetric(
  key: readonly CodedValue[],
  sets: readonly LabelSet[],
  name: 'jaccard' | 'masi',
): PreparedMetric {
  const index = setIndex(key, sets)
  const { sizes } = index
  const of = name === 'jaccard' ? jaccardFrom : masiFrom
  const distance: Distance = (a, b) =>
    a === b ? 0 : of(commonLabels(index, a, b), sizes[a], sizes[b])
  let found: OverlappingPairs | undefined
  const overlapping = (): OverlappingPairs => {
    if (found) return found
    index.overlaps ??= findOverlaps(index, sets)
    const { first, second, common } = index.overlaps
    const similarity = new Float64Array(first.length)
    for (let q = 0; q < first.length; q++)
      similarity[q] = 1 - of(common[q], sizes[first[q]], sizes[second[q]])
    found = { first, second, similarity }
    return found
  }
  return {
    distance,
    overlapping,
    expectedSum: (counts, used) => {
      const { first, second, similarity } = overlapping()
      let similar = 0
      for (let p = 0; p < first.length; p++)
        similar += counts[first[p]] * counts[second[p]] * similarity[p]
      return unequalPairs(counts, used) - 2 * similar
    },
  }
}

function jaccardFrom(common: number, sa: number, sb: number): number {
  const union = sa + sb - common
  return union === 0 ? 0 : 1 - common / union
}

function masiFrom(common: number, sa: number, sb: number): number {
  const union = sa + sb - common
  if (union === 0) return 0
  let monotonicity: number
  if (common === sa && common === sb) monotonicity = 1
  else if (common === Math.min(sa, sb)) monotonicity = 2 / 3
  else if (common > 0) monotonicity = 1 / 3
  else monotonicity = 0
  return 1 - (common / union) * monotonicity
}

/** 1 − |A ∩ B| / |A ∪ B|; two empty sets are equal (distance 0). */
export function jaccardDistance(a: LabelSet, b: LabelSet): number {
  return jaccardFrom(intersectionSize(a, b), a.length, b.length)
}

/**
 * MASI (Passonneau 2006): 1 − Jaccard × monotonicity, where monotonicity is 1 for equal sets,
 * 2/3 when one contains the other, 1/3 when they overlap otherwise, 0 when disjoint. (NLTK's
 * masi_distance rounds 2/3 and 1/3 to .67 and .33; this is the exact definition.)
 */
export function masiDistance(a: LabelSet, b: LabelSet): number {
  return masiFrom(intersectionSize(a, b), a.length, b.length)
}
