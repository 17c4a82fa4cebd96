/**
 * Cohen's kappa (two coders) and Fleiss' kappa (any number of coders, every unit coded by all),
 * both over whole values as categories (a set of labels is one category), the way
 * scikit-learn's cohen_kappa_score and statsmodels' fleiss_kappa compute them.
 */
import { msg } from '../../contract/messages'
import {
  estimate,
  undefinedEstimate,
  valueKey,
  type CodedValue,
  type Estimate,
  type ReliabilityData,
} from './data'

/** A measure that does not apply to the data says why (the CLI leaves it out). */
export type Applicable = Estimate | { notApplicable: ReturnType<typeof msg> }

function emptyCells(data: ReliabilityData): number {
  let empty = 0
  for (const u of data.units) for (const v of u.values) if (v === undefined) empty++
  return empty
}

/** κ = (p_o − p_e) / (1 − p_e), p_e from each coder's own category shares. */
export function cohenKappa(data: ReliabilityData): Applicable {
  if (data.coders.length !== 2)
    return {
      notApplicable: msg('reliability.notApplicable.twoCoders', { coders: data.coders.length }),
    }
  const empty = emptyCells(data)
  if (empty > 0)
    return {
      notApplicable: msg('reliability.notApplicable.incomplete', {
        measure: 'Cohen’s kappa',
        count: empty,
      }),
    }
  const n = data.units.length
  if (n === 0) return undefinedEstimate(msg('reliability.undefined.nothingPairable'))
  const first = new Map<string, number>()
  const second = new Map<string, number>()
  let agree = 0
  for (const u of data.units) {
    const a = valueKey(u.values[0] as CodedValue)
    const b = valueKey(u.values[1] as CodedValue)
    if (a === b) agree++
    first.set(a, (first.get(a) ?? 0) + 1)
    second.set(b, (second.get(b) ?? 0) + 1)
  }
  let chance = 0
  for (const [key, count] of first) chance += (count / n) * ((second.get(key) ?? 0) / n)
  if (chance >= 1) return undefinedEstimate(msg('reliability.undefined.noVariation'))
  return estimate((agree / n - chance) / (1 - chance))
}

/**
 * Fleiss (1971): P̄ = mean over units of Σ_j n_ij(n_ij − 1) / (m(m − 1)), P̄_e = Σ_j p_j².
 */
export function fleissKappa(data: ReliabilityData): Applicable {
  const m = data.coders.length
  const empty = emptyCells(data)
  if (empty > 0)
    return {
      notApplicable: msg('reliability.notApplicable.incomplete', {
        measure: 'Fleiss’ kappa',
        count: empty,
      }),
    }
  if (m < 2) return undefinedEstimate(msg('reliability.undefined.tooFewCoders'))
  const n = data.units.length
  if (n === 0) return undefinedEstimate(msg('reliability.undefined.nothingPairable'))
  const totals = new Map<string, number>()
  let agreement = 0
  const counts = new Map<string, number>()
  for (const u of data.units) {
    counts.clear()
    for (const v of u.values) {
      const key = valueKey(v as CodedValue)
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    let pairs = 0
    for (const [key, c] of counts) {
      pairs += c * (c - 1)
      totals.set(key, (totals.get(key) ?? 0) + c)
    }
    agreement += pairs / (m * (m - 1))
  }
  const observed = agreement / n
  let chance = 0
  for (const c of totals.values()) chance += (c / (n * m)) ** 2
  if (chance >= 1) return undefinedEstimate(msg('reliability.undefined.noVariation'))
  return estimate((observed - chance) / (1 - chance))
}

export function isApplicable(a: Applicable): a is Estimate {
  return !('notApplicable' in a)
}
