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
import type { MetricName, MetricOptions } from './metrics'

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
