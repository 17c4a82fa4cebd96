/**
 * Plain agreement figures beside alpha: percent agreement, the counts a reader checks first,
 * the coder-by-coder matrix and the confusion matrix of two coders.
 */
import { msg } from '../../contract/messages'
import { alphaFromCoincidences } from './alpha'
import { countCoincidences, type Coincidences } from './coincidences'
import {
  estimate,
  selectCoders,
  undefinedEstimate,
  valueKey,
  type CodedValue,
  type Estimate,
  type ReliabilityData,
} from './data'
import {
  prepareMetric,
  unequalPairs,
  type MetricName,
  type MetricOptions,
  type PreparedMetric,
} from './metrics'

/** The share of agreeing pairs of values within units, over all pairs (pooled, not averaged). */
export function percentAgreement(c: Coincidences): Estimate {
  if (c.pairs === 0) return undefinedEstimate(msg('reliability.undefined.nothingPairable'))
  return estimate(c.agreeingPairs / c.pairs)
}

export interface ReliabilityCounts {
  /** Units in the data, and those coded by at least two coders. */
  units: number
  pairableUnits: number
  coders: number
  /** Values in pairable units (Krippendorff's n). */
  pairable: number
  /** Cells left empty. */
  missing: number
}

export function reliabilityCounts(data: ReliabilityData, c: Coincidences): ReliabilityCounts {
  let missing = 0
  for (const u of data.units) for (const v of u.values) if (v === undefined) missing++
  return {
    units: data.units.length,
    pairableUnits: c.pairableUnits,
    coders: data.coders.length,
    pairable: c.n,
    missing,
  }
}

export interface CoderPair {
  first: string
  second: string
  /** Units both coded. */
  units: number
  percentAgreement: Estimate
  alpha: Estimate
}

/** Every pair of coders: how often they agree and alpha between the two alone. */
export function coderMatrix(
  data: ReliabilityData,
  metric: MetricName,
  options: MetricOptions = {},
  /** The data's coincidences and metric, when the caller has them already. */
  shared?: { coincidences: Coincidences; prepared?: PreparedMetric },
): CoderPair[] {
  // The ordinal metric depends on each pair's own frequencies: computed pair by pair.
  if (metric === 'ordinal') return coderMatrixPairByPair(data, metric, options)
  const all = shared?.coincidences ?? countCoincidences(data)
  const prepared =
    shared?.prepared ??
    (all.n === 0 ? undefined : prepareMetric(metric, all.values, all.marginals, options))
  if (!prepared || !('distance' in prepared)) return coderMatrixPairByPair(data, metric, options)
  return coderMatrixShared(data, all, prepared)
}

function coderMatrixPairByPair(
  data: ReliabilityData,
  metric: MetricName,
  options: MetricOptions,
): CoderPair[] {
  const result: CoderPair[] = []
  for (let i = 0; i < data.coders.length; i++)
    for (let j = i + 1; j < data.coders.length; j++) {
      const c = countCoincidences(selectCoders(data, [i, j]))
      result.push({
        first: data.coders[i],
        second: data.coders[j],
        units: c.pairableUnits,
        percentAgreement: percentAgreement(c),
        alpha: alphaFromCoincidences(c, metric, options).alpha,
      })
    }
  return result
}

/**
 * All pairs over one interning of the values and one prepared metric (for sets, one search for
 * the overlapping sets, instead of one per pair of coders). For two coders alpha reduces to
 * 1 − (n − 1)·Σ_u 2δ_u / Σ_{c≠k} n_c·n_k·δ_ck, n = 2 × the units both coded.
 */
function coderMatrixShared(
  data: ReliabilityData,
  all: Coincidences,
  metric: PreparedMetric,
): CoderPair[] {
  const v = all.values.length
  const codeOf = new Map(all.values.map((value, code) => [valueKey(value), code]))
  const coders = data.coders.length
  const codes = new Int32Array(data.units.length * coders).fill(-1)
  data.units.forEach((u, row) => {
    let m = 0
    for (const value of u.values) if (value !== undefined) m++
    // Values of units nobody else coded were not interned: no pair can use them.
    if (m < 2) return
    u.values.forEach((value, i) => {
      if (value !== undefined) codes[row * coders + i] = codeOf.get(valueKey(value)) as number
    })
  })
  const pairs: [number, number][] = []
  for (let i = 0; i < coders; i++) for (let j = i + 1; j < coders; j++) pairs.push([i, j])
  const k = pairs.length
  // counts[code·k + p]: how often value `code` occurs among pair p's values.
  const counts = new Float64Array(v * k)
  const used: number[][] = pairs.map(() => [])
  const units = new Int32Array(k)
  const agree = new Int32Array(k)
  const observed = new Float64Array(k)
  pairs.forEach(([i, j], p) => {
    for (let row = 0; row < data.units.length; row++) {
      const a = codes[row * coders + i]
      const b = codes[row * coders + j]
      if (a < 0 || b < 0) continue
      units[p]++
      if (counts[a * k + p]++ === 0) used[p].push(a)
      if (counts[b * k + p]++ === 0) used[p].push(b)
      if (a === b) agree[p]++
      else observed[p] += 2 * metric.distance(a, b)
    }
  })
  const expected = new Float64Array(k)
  if (metric.overlapping) {
    // All pairs of coders in one pass over the overlapping sets (see setMetric).
    const { first, second, similarity } = metric.overlapping()
    const similar = new Float64Array(k)
    // Most distinct sets are a single coder's slip, present in the few pairs with that coder:
    // walk the pairs where the sparser of the two values occurs, not all of them.
    const nonzeroStart = new Int32Array(v + 1)
    for (let a = 0; a < v; a++) {
      let n = 0
      for (let p = 0; p < k; p++) if (counts[a * k + p] > 0) n++
      nonzeroStart[a + 1] = nonzeroStart[a] + n
    }
    const nonzero = new Int32Array(nonzeroStart[v])
    for (let a = 0, at = 0; a < v; a++)
      for (let p = 0; p < k; p++) if (counts[a * k + p] > 0) nonzero[at++] = p
    for (let q = 0; q < first.length; q++) {
      let a = first[q]
      let b = second[q]
      if (nonzeroStart[a + 1] - nonzeroStart[a] > nonzeroStart[b + 1] - nonzeroStart[b])
        [a, b] = [b, a]
      const s = similarity[q]
      for (let i = nonzeroStart[a]; i < nonzeroStart[a + 1]; i++) {
        const p = nonzero[i]
        similar[p] += counts[a * k + p] * counts[b * k + p] * s
      }
    }
    const one = new Float64Array(v)
    pairs.forEach((_, p) => {
      for (const code of used[p]) one[code] = counts[code * k + p]
      expected[p] = unequalPairs(one, used[p]) - 2 * similar[p]
      for (const code of used[p]) one[code] = 0
    })
  } else {
    const one = new Float64Array(v)
    pairs.forEach((_, p) => {
      for (const code of used[p]) one[code] = counts[code * k + p]
      expected[p] = metric.expectedSum(one, used[p])
      for (const code of used[p]) one[code] = 0
    })
  }
  return pairs.map(([i, j], p) => {
    const nothing = units[p] === 0
    return {
      first: data.coders[i],
      second: data.coders[j],
      units: units[p],
      percentAgreement: nothing
        ? undefinedEstimate(msg('reliability.undefined.nothingPairable'))
        : estimate(agree[p] / units[p]),
      alpha: nothing
        ? undefinedEstimate(msg('reliability.undefined.nothingPairable'))
        : used[p].length < 2 || !(expected[p] > 0)
          ? undefinedEstimate(msg('reliability.undefined.noVariation', { values: used[p].length }))
          : estimate(1 - ((2 * units[p] - 1) * observed[p]) / expected[p]),
    }
  })
}

export interface ConfusionMatrix<V extends CodedValue = CodedValue> {
  /** Row coder, column coder. */
  coders: [string, string]
  values: V[]
  /** counts[r][c]: units the row coder gave values[r] and the column coder values[c]. */
  counts: number[][]
}

/** How two coders' values cross, over the units both coded. */
export function confusionMatrix<V extends CodedValue>(
  data: ReliabilityData<V>,
  first: number,
  second: number,
): ConfusionMatrix<V> {
  const index = new Map<string, number>()
  const values: V[] = []
  const cells: [number, number][] = []
  const codeOf = (v: V): number => {
    const key = valueKey(v)
    let code = index.get(key)
    if (code === undefined) {
      code = values.length
      index.set(key, code)
      values.push(v)
    }
    return code
  }
  for (const u of data.units) {
    const a = u.values[first]
    const b = u.values[second]
    if (a === undefined || b === undefined) continue
    cells.push([codeOf(a), codeOf(b)])
  }
  const counts = values.map(() => new Array<number>(values.length).fill(0))
  for (const [r, c] of cells) counts[r][c]++
  return { coders: [data.coders[first], data.coders[second]], values, counts }
}
