/**
 * Train/dev/test splits grouped by document: sentences of one article are far more alike than
 * sentences of different articles, so a document split in two would leak into the test set.
 */
import type { SplitName, SplitOptions } from './options'

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
  // Cumulative rounding keeps the three counts adding up to the number of documents.
  const trainEnd = Math.round(split.train * ids.length)
  const devEnd = Math.min(ids.length, Math.round((split.train + split.dev) * ids.length))
  const result = new Map<string, SplitName>()
  ids.forEach((id, i) => result.set(id, i < trainEnd ? 'train' : i < devEnd ? 'dev' : 'test'))
  return result
}
