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
  /** Σ_c Σ_k n_c·n_k·δ_ck in closed form, where there is one (saves V² calls on large V). */
  expectedSum?: () => number
}

export interface MetricOptions {
  /** For the ordinal metric over labels: the labels from lowest to highest. */
  order?: readonly string[]
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
      return {
        distance: (a, b) => (a === b ? 0 : 1),
        expectedSum: () => {
          let n = 0
          let squares = 0
          for (const m of marginals) {
            n += m
            squares += m * m
          }
          return n * n - squares
        },
      }
    case 'ordinal':
      return ordinal(values, marginals, options.order)
    case 'interval':
    case 'ratio': {
      const numbers = numericValues(values, name)
      if (!Array.isArray(numbers)) return numbers
      if (name === 'ratio') {
        if (numbers.some((x) => x < 0))
          return msg('reliability.metricNeedsNonNegative', { metric: name })
        return {
          distance: (a, b) => {
            const sum = numbers[a] + numbers[b]
            return sum === 0 ? 0 : ((numbers[a] - numbers[b]) / sum) ** 2
          },
        }
      }
      return {
        distance: (a, b) => (numbers[a] - numbers[b]) ** 2,
        // Σ n_c n_k (c − k)² = 2(n·Σ n_c c² − (Σ n_c c)²)
        expectedSum: () => {
          let n = 0
          let sum = 0
          let squares = 0
          for (let i = 0; i < numbers.length; i++) {
            n += marginals[i]
            sum += marginals[i] * numbers[i]
            squares += marginals[i] * numbers[i] * numbers[i]
          }
          return 2 * (n * squares - sum * sum)
        },
      }
    }
    case 'jaccard':
    case 'masi': {
      const sets = setValues(values, name)
      if (!Array.isArray(sets)) return sets
      const distance = name === 'jaccard' ? jaccardDistance : masiDistance
      return { distance: (a, b) => (a === b ? 0 : distance(sets[a], sets[b])) }
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
): PreparedMetric | Message {
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
  return {
    distance: (a, b) => {
      if (a === b) return 0
      const [low, high] = rank[a] <= rank[b] ? [a, b] : [b, a]
      const between = cumulative[high] - cumulative[low] + marginals[low]
      return (between - (marginals[a] + marginals[b]) / 2) ** 2
    },
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

/** 1 − |A ∩ B| / |A ∪ B|; two empty sets are equal (distance 0). */
export function jaccardDistance(a: LabelSet, b: LabelSet): number {
  const common = intersectionSize(a, b)
  const union = a.length + b.length - common
  return union === 0 ? 0 : 1 - common / union
}

/**
 * MASI (Passonneau 2006): 1 − Jaccard × monotonicity, where monotonicity is 1 for equal sets,
 * 2/3 when one contains the other, 1/3 when they overlap otherwise, 0 when disjoint. (NLTK's
 * masi_distance rounds 2/3 and 1/3 to .67 and .33; this is the exact definition.)
 */
export function masiDistance(a: LabelSet, b: LabelSet): number {
  const common = intersectionSize(a, b)
  const union = a.length + b.length - common
  if (union === 0) return 0
  let monotonicity: number
  if (common === a.length && common === b.length) monotonicity = 1
  else if (common === Math.min(a.length, b.length)) monotonicity = 2 / 3
  else if (common > 0) monotonicity = 1 / 3
  else monotonicity = 0
  return 1 - (common / union) * monotonicity
}
