/**
 * The pairable values of reliability data, counted per unit: everything Krippendorff's
 * coincidence-matrix formulation of alpha needs (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"). A unit counts only when at least two coders gave it a value; each value
 * is interned once, so every metric works on small integers.
 */
import { valueKey, type CodedValue, type ReliabilityData } from './data'

export interface Coincidences<V extends CodedValue = CodedValue> {
  /** The distinct pairable values; a value's index is its code. */
  values: V[]
  /** n_c: how often each value occurs among the pairable values. */
  marginals: Float64Array
  /** n: the number of pairable values. */
  n: number
  /** Units with at least two values. */
  pairableUnits: number
  /** Pairs of values within units, Σ m_u(m_u − 1)/2. */
  pairs: number
  /** Pairs of equal values within units. */
  agreeingPairs: number
  /** Per pairable unit u, its distinct codes at unitCodes[offsets[u] .. offsets[u+1]). */
  offsets: Int32Array
  unitCodes: Int32Array
  unitCounts: Int32Array
  /** m_u: the number of values of each pairable unit. */
  unitSizes: Int32Array
}

export function countCoincidences<V extends CodedValue>(data: ReliabilityData<V>): Coincidences<V> {
  const codeOf = new Map<string, number>()
  const values: V[] = []
  const marginals: number[] = []
  const offsets: number[] = [0]
  const unitCodes: number[] = []
  const unitCounts: number[] = []
  const unitSizes: number[] = []
  let n = 0
  let pairs = 0
  let agreeingPairs = 0
  const localCodes: number[] = []
  const localCounts: number[] = []
  for (const unit of data.units) {
    let m = 0
    for (const v of unit.values) if (v !== undefined) m++
    if (m < 2) continue
    localCodes.length = 0
    localCounts.length = 0
    for (const v of unit.values) {
      if (v === undefined) continue
      const key = valueKey(v)
      let code = codeOf.get(key)
      if (code === undefined) {
        code = values.length
        codeOf.set(key, code)
        values.push(v)
        marginals.push(0)
      }
      marginals[code]++
      const at = localCodes.indexOf(code)
      if (at < 0) {
        localCodes.push(code)
        localCounts.push(1)
      } else localCounts[at]++
    }
    for (let i = 0; i < localCodes.length; i++) {
      unitCodes.push(localCodes[i])
      unitCounts.push(localCounts[i])
      agreeingPairs += (localCounts[i] * (localCounts[i] - 1)) / 2
    }
    offsets.push(unitCodes.length)
    unitSizes.push(m)
    n += m
    pairs += (m * (m - 1)) / 2
  }
  return {
    values,
    marginals: Float64Array.from(marginals),
    n,
    pairableUnits: unitSizes.length,
    pairs,
    agreeingPairs,
    offsets: Int32Array.from(offsets),
    unitCodes: Int32Array.from(unitCodes),
    unitCounts: Int32Array.from(unitCounts),
    unitSizes: Int32Array.from(unitSizes),
  }
}

/**
 * The coincidence matrix o_ck (symmetric, rows and columns in the order of `values`):
 * o_ck = Σ_u n_uc·n_uk / (m_u − 1) for c ≠ k, o_cc = Σ_u n_uc·(n_uc − 1) / (m_u − 1).
 */
export function coincidenceMatrix(c: Coincidences): number[][] {
  const v = c.values.length
  const o = Array.from({ length: v }, () => new Array<number>(v).fill(0))
  forEachCoincidence(c, (i, j, w) => {
    o[i][j] += w
  })
  return o
}

/** Calls `visit(c, k, o-contribution)` for every ordered pair of codes within every unit. */
export function forEachCoincidence(
  c: Coincidences,
  visit: (c: number, k: number, weight: number) => void,
): void {
  for (let u = 0; u < c.pairableUnits; u++) {
    const from = c.offsets[u]
    const to = c.offsets[u + 1]
    const scale = 1 / (c.unitSizes[u] - 1)
    for (let a = from; a < to; a++) {
      const na = c.unitCounts[a]
      if (na > 1) visit(c.unitCodes[a], c.unitCodes[a], na * (na - 1) * scale)
      for (let b = from; b < to; b++)
        if (b !== a) visit(c.unitCodes[a], c.unitCodes[b], na * c.unitCounts[b] * scale)
    }
  }
}
