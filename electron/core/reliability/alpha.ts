/**
 * Krippendorff's alpha, α = 1 − D_o / D_e, in the coincidence-matrix formulation of
 * Krippendorff (2011): D_o = (1/n) Σ_u Σ_{c,k} n_uc·n_uk·δ_ck / (m_u − 1) over pairable units,
 * D_e = Σ_c Σ_k n_c·n_k·δ_ck / (n(n − 1)).
 */
import { msg } from '../../contract/messages'
import { countCoincidences, type Coincidences } from './coincidences'
import {
  estimate,
  undefinedEstimate,
  type CodedValue,
  type Estimate,
  type ReliabilityData,
} from './data'
import { prepareMetric, type MetricName, type MetricOptions, type PreparedMetric } from './metrics'

/** Alpha with the parts it is made of, for the bootstrap and the report. */
export interface AlphaParts {
  alpha: Estimate
  metric: MetricName
  /** Observed and expected disagreement, when alpha is defined. */
  observed?: number
  expected?: number
  prepared?: PreparedMetric
}

export function krippendorffAlpha(
  data: ReliabilityData,
  metric: MetricName,
  options: MetricOptions = {},
): Estimate {
  return alphaFromCoincidences(countCoincidences(data), metric, options).alpha
}

export function alphaFromCoincidences<V extends CodedValue>(
  c: Coincidences<V>,
  metric: MetricName,
  options: MetricOptions = {},
): AlphaParts {
  if (c.n === 0)
    return { metric, alpha: undefinedEstimate(msg('reliability.undefined.nothingPairable')) }
  const prepared = prepareMetric(metric, c.values, c.marginals, options)
  if (!('distance' in prepared)) return { metric, alpha: undefinedEstimate(prepared) }
  if (c.values.length < 2)
    return {
      metric,
      alpha: undefinedEstimate(
        msg('reliability.undefined.noVariation', { values: c.values.length }),
      ),
    }
  const expectedSum = prepared.expectedSum(
    c.marginals,
    c.values.map((_, i) => i),
  )
  if (!(expectedSum > 0))
    return {
      metric,
      alpha: undefinedEstimate(
        msg('reliability.undefined.noVariation', { values: c.values.length }),
      ),
    }
  const observed = observedSum(c, prepared) / c.n
  const expected = expectedSum / (c.n * (c.n - 1))
  return { metric, alpha: estimate(1 - observed / expected), observed, expected, prepared }
}

/** Σ_u Σ_{c≠k} n_uc·n_uk·δ_ck / (m_u − 1): n·D_o. */
function observedSum(c: Coincidences, metric: PreparedMetric): number {
  const { distance } = metric
  let total = 0
  for (let u = 0; u < c.pairableUnits; u++) {
    const from = c.offsets[u]
    const to = c.offsets[u + 1]
    if (to - from < 2) continue
    let unit = 0
    for (let a = from; a < to; a++)
      for (let b = a + 1; b < to; b++)
        unit += c.unitCounts[a] * c.unitCounts[b] * distance(c.unitCodes[a], c.unitCodes[b])
    total += (2 * unit) / (c.unitSizes[u] - 1)
  }
  return total
}
