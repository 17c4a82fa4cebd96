/**
 * Train/dev/test splits grouped by document: sentences of one article are far more alike than
 * sentences of different articles, so a document split in two would leak into the test set.
 */
import { SPLIT_NAMES, type SplitName, type SplitOptions } from './options'

/**
 * mulberry32: a tiny seeded 32-bit PRNG. Good enough for shuffling, and its output is fixed by
 * the seed on every platform, which is what makes a split reproducible from its seed alone.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Assigns every document to one split. The ids are sorted first, so the result depends on the
 * set of documents and the seed, never on the order they were listed in.
 */
export function assignSplits(
  documentIds: readonly string[],
  split: SplitOptions,
): Map<string, SplitName> {
  const ids = [...new Set(documentIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const random = mulberry32(split.seed)
  // Fisher–Yates: every order equally likely, one random number per position.
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[ids[i], ids[j]] = [ids[j], ids[i]]
  }
  const [trainCount, devCount] = splitSizes(ids.length, split)
  const trainEnd = trainCount
  const devEnd = trainCount + devCount
  const result = new Map<string, SplitName>()
  ids.forEach((id, i) => result.set(id, i < trainEnd ? 'train' : i < devEnd ? 'dev' : 'test'))
  return result
}

/**
 * How many of `n` documents go to train, dev and test. Every part asked for (fraction above 0)
 * gets at least one document when there are enough to go round, so five articles split
 * 0.8/0.1/0.1 give 3/1/1 rather than an empty test file; the rest goes by the largest remainder,
 * which keeps the counts adding up to `n` and as near to the fractions as whole documents allow.
 */
export function splitSizes(n: number, split: SplitOptions): [number, number, number] {
  const wanted = SPLIT_NAMES.map((s) => split[s])
  const asked = wanted.filter((f) => f > 0).length
  const floor: number = n >= asked ? 1 : 0
  const sizes = wanted.map((f) => (f > 0 ? floor : 0))
  const rest = n - sizes.reduce((a, b) => a + b, 0)
  const total = wanted.reduce((a, b) => a + b, 0)
  // The share of the documents left after the minimum each part is still owed.
  const owed = wanted.map((f, i) => Math.max(0, (f / total) * n - sizes[i]))
  const owedSum = owed.reduce((a, b) => a + b, 0)
  const exact = owed.map((o) => (owedSum > 0 ? (o / owedSum) * rest : 0))
  const whole = exact.map((x) => Math.floor(x))
  let left = rest - whole.reduce((a, b) => a + b, 0)
  // Ties go to the earlier part (train before dev before test), so the result is fixed.
  const order = [0, 1, 2].sort((x, y) => exact[y] - whole[y] - (exact[x] - whole[x]) || x - y)
  for (const i of order)
    if (left > 0 && wanted[i] > 0) {
      whole[i]++
      left--
    }
  return [sizes[0] + whole[0], sizes[1] + whole[1], sizes[2] + whole[2]]
}
