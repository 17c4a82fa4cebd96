/**
 * Reliability samples: which documents (or sentences) the coders code twice, drawn with a seed
 * so that the same seed and the same corpus give the same sample, optionally stratified by a
 * metadata field (outlet, month) so that each stratum is represented in its share; and how large
 * a sample has to be.
 */
import { UserError } from '../errors'
import { mulberry32 } from '../export/split'

export interface SampleCandidate {
  id: string
  /** The stratum, e.g. the document's outlet; candidates without one form their own stratum. */
  stratum?: string
}

export interface SampleOptions {
  size: number
  seed: number
  /** Draw from each stratum in proportion to its size (largest remainders). */
  stratified?: boolean
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function shuffled(ids: string[], random: () => number): string[] {
  const out = [...ids]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

/**
 * A seeded sample of candidate ids, in sorted order. The candidates are sorted first, so the
 * sample depends on the set of candidates and the seed, never on the order they came in.
 */
export function drawSample(
  candidates: readonly SampleCandidate[],
  options: SampleOptions,
): string[] {
  const { size, seed } = options
  if (!Number.isInteger(size) || size < 1)
    throw new UserError('reliability.sample.badSize', { size })
  const unique = new Map<string, string>()
  for (const c of candidates) unique.set(c.id, c.stratum ?? '')
  if (size > unique.size)
    throw new UserError('reliability.sample.tooLarge', { size, available: unique.size })
  const random = mulberry32(seed)
  if (!options.stratified)
    return shuffled([...unique.keys()].sort(byId), random)
      .slice(0, size)
      .sort(byId)
  const strata = new Map<string, string[]>()
  for (const [id, stratum] of unique) {
    const members = strata.get(stratum) ?? []
    members.push(id)
    strata.set(stratum, members)
  }
  const names = [...strata.keys()].sort(byId)
  // Proportional allocation by largest remainders: the shares add up to `size` exactly.
  const quotas = names.map((name) => ((strata.get(name) as string[]).length * size) / unique.size)
  const counts = quotas.map(Math.floor)
  let left = size - counts.reduce((a, b) => a + b, 0)
  const order = names
    .map((_, i) => i)
    .sort((a, b) => quotas[b] - counts[b] - (quotas[a] - counts[a]) || a - b)
  for (const i of order) {
    if (left === 0) break
    counts[i]++
    left--
  }
  const sample: string[] = []
  names.forEach((name, i) => {
    const members = (strata.get(name) as string[]).sort(byId)
    sample.push(...shuffled(members, random).slice(0, counts[i]))
  })
  return sample.sort(byId)
}

export interface SampleSizeOptions {
  /** The smallest alpha the variable must reach, e.g. 0.800. */
  minimumAlpha: number
  /** The significance level, e.g. 0.05: the chance of accepting a variable below the minimum. */
  significance: number
  /** The share of the rarest category expected, e.g. 1/4 for four equally frequent labels. */
  smallestShare: number
}

/**
 * The number of units two coders must code, after Krippendorff (2004, Content Analysis,
 * § 11.4.4) and Bloch and Kraemer (1989, eq. 3.7):
 * N = 2z² ((1 + α)(3 − α) / (4(1 − α)·P(1 − P)) − α), z the one-tailed normal quantile.
 * It reproduces Krippendorff's table (α .800, p .05, P .25: 139 units; α .667: 81).
 */
export function requiredSampleSize(options: SampleSizeOptions): number {
  const { minimumAlpha: a, significance: p, smallestShare: share } = options
  if (!(a > 0 && a < 1 && p > 0 && p < 0.5 && share > 0 && share <= 0.5))
    throw new UserError('reliability.sampleSize.badParameters')
  const z = normalQuantile(1 - p)
  const n = 2 * z * z * (((1 + a) * (3 - a)) / (4 * (1 - a) * share * (1 - share)) - a)
  // The tiny tolerance keeps a whole-number result from being rounded up by float noise.
  return Math.ceil(n - 1e-9)
}

/**
 * The standard normal quantile, Acklam's rational approximation (relative error < 1.2·10⁻⁹),
 * hand-written because a sample-size helper does not justify a statistics library.
 */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ]
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ]
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ]
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
  const low = 0.02425
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p))
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    )
  }
  if (p > 1 - low) return -normalQuantile(1 - p)
  const q = p - 0.5
  const r = q * q
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  )
}
