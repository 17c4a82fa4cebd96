/**
 * A bootstrap distribution of alpha after Hayes and Krippendorff (2007) and Krippendorff's
 * "Algorithm for bootstrapping a distribution of α": the expected disagreement D_e stays as
 * observed; each resample draws as many pairs of values as the data hold, each pair with the
 * probability of its cell of the coincidence matrix (p_ck = o_ck / n, so a pair from a unit
 * that m_u coders coded weighs 1/(m_u − 1)), and its mean difference is the resample's D_o.
 *
 * Only the difference of a drawn pair matters, so the pairs are drawn as one multinomial over
 * the distinct differences, by exact conditional binomials: the same distribution as drawing
 * pair by pair, in a handful of draws per resample instead of one per pair (10 coders × 5,000
 * sentences hold 225,000 pairs; 1,000 resamples would take 2.25·10⁸ single draws).
 */
import randomBinomial from '@stdlib/random-base-binomial'
import { mulberry32 } from '../export/split'
import type { AlphaParts } from './alpha'
import { forEachCoincidence, type Coincidences } from './coincidences'

export interface AlphaBootstrap {
  draws: number
  seed: number
  /** The central interval of the bootstrapped alphas at `level` (e.g. 0.95). */
  level: number
  low: number
  high: number
  /** Shares of resamples with alpha below Krippendorff's thresholds. */
  pBelow800: number
  pBelow667: number
}

export interface BootstrapOptions {
  draws?: number
  seed?: number
  level?: number
}

/** The bootstrap of a defined alpha; undefined alphas have none. */
export function bootstrapAlpha(
  c: Coincidences,
  parts: AlphaParts,
  options: BootstrapOptions = {},
): AlphaBootstrap | undefined {
  const draws = options.draws ?? 1000
  const seed = options.seed ?? 1
  const level = options.level ?? 0.95
  if (parts.alpha.value === null || !parts.prepared || !parts.expected) return undefined
  const { distance } = parts.prepared
  // The weight of each distinct difference in the coincidence matrix.
  const weightOf = new Map<number, number>()
  forEachCoincidence(c, (a, b, w) => {
    const d = a === b ? 0 : distance(a, b)
    weightOf.set(d, (weightOf.get(d) ?? 0) + w)
  })
  const differences = [...weightOf.keys()].sort((a, b) => a - b)
  const weights = differences.map((d) => weightOf.get(d) as number)
  // Suffix sums, so each conditional probability is taken from exact remaining mass.
  const remaining = new Float64Array(weights.length + 1)
  for (let i = weights.length - 1; i >= 0; i--) remaining[i] = remaining[i + 1] + weights[i]
  const pairs = Math.round(c.pairs)
  const binomial = binomialSampler(mulberry32(seed))
  const alphas = new Float64Array(draws)
  for (let r = 0; r < draws; r++) {
    let left = pairs
    let sum = 0
    for (let i = 0; i < differences.length && left > 0; i++) {
      const taken =
        i === differences.length - 1 ? left : binomial(left, Math.min(1, weights[i] / remaining[i]))
      sum += taken * differences[i]
      left -= taken
    }
    alphas[r] = 1 - sum / pairs / parts.expected
  }
  alphas.sort()
  let below800 = 0
  let below667 = 0
  for (const a of alphas) {
    if (a < 0.8) below800++
    if (a < 0.667) below667++
  }
  return {
    draws,
    seed,
    level,
    low: quantile(alphas, (1 - level) / 2),
    high: quantile(alphas, 1 - (1 - level) / 2),
    pBelow800: below800 / draws,
    pBelow667: below667 / draws,
  }
}

/**
 * Exact binomial draws from one uniform source. Where n·p is small, by inversion (BINV,
 * Kachitvichyanukul and Schmeiser 1988: about n·p + 1 steps), because the library's sampler
 * takes milliseconds per draw there (3 ms for n = 200,000, p = 10⁻⁵) and most differences of
 * a coincidence matrix are rare; elsewhere by the library's BTPE.
 */
function binomialSampler(random: () => number): (n: number, p: number) => number {
  const btpe = randomBinomial.factory({ prng: random })
  const draw = (n: number, p: number): number => {
    if (p <= 0 || n === 0) return 0
    if (p >= 1) return n
    if (p > 0.5) return n - draw(n, 1 - p)
    if (n * p >= 30) return btpe(n, p)
    const q = 1 - p
    const s = p / q
    const a = (n + 1) * s
    let r = Math.exp(n * Math.log1p(-p))
    let u = random()
    let x = 0
    while (u > r && x < n) {
      u -= r
      x++
      r *= a / x - s
    }
    return x
  }
  return draw
}

/** Linear interpolation between order statistics (R's type 7, numpy's default). */
function quantile(sorted: Float64Array, p: number): number {
  const at = (sorted.length - 1) * p
  const lo = Math.floor(at)
  const hi = Math.min(sorted.length - 1, lo + 1)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo)
}
