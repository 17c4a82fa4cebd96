/**
 * From hashed features to the weighted sparse vector the models read: term frequencies
 * (sublinear, 1 + ln tf, by default), inverse document frequency from the sentences seen so far
 * (smoothed as scikit-learn does: ln((1 + n) / (1 + df)) + 1), then each group (words,
 * characters, meta) scaled to unit length and by its weight. The document frequencies grow with
 * every sentence observed, so the weighting follows an online model as it learns.
 */
import type { HashedFeatures } from './features'

export interface SparseVector {
  indices: Int32Array
  values: Float32Array
}

export interface WeightOptions {
  sublinearTf: boolean
  idf: boolean
  /** The length of each group after normalisation; 0 drops a group. */
  wordWeight: number
  charWeight: number
  metaWeight: number
}

export const DEFAULT_WEIGHTS: WeightOptions = {
  sublinearTf: true,
  idf: true,
  wordWeight: 1,
  charWeight: 1,
  metaWeight: 0.5,
}

export class Vectorizer {
  readonly df: Uint32Array
  /** ln(1 + df) per column, kept current as sentences are observed: no logarithm per feature
   *  when a vector is built, since idf = ln(1 + n) − ln(1 + df) + 1. */
  private readonly lnDf: Float32Array
  documents = 0
  // Distinct-counting scratch: `stamp[f] === generation` marks a column seen in the current
  // group, at `slot[f]` of the output. Linear time, where a sort per sentence dominated.
  private readonly stamp: Uint32Array
  private readonly slot: Int32Array
  private generation = 0
  private ids = new Int32Array(1024)
  private counts = new Float32Array(1024)

  constructor(
    bits: number,
    readonly options: WeightOptions = DEFAULT_WEIGHTS,
  ) {
    const dim = 1 << bits
    this.df = new Uint32Array(dim)
    this.lnDf = new Float32Array(dim)
    this.stamp = new Uint32Array(dim)
    this.slot = new Int32Array(dim)
  }

  /** Sets the document frequencies saved from another vectoriser of the same size. */
  restore(df: Uint32Array, documents: number): void {
    this.df.set(df)
    this.documents = documents
    for (let f = 0; f < df.length; f++) this.lnDf[f] = Math.log(1 + df[f])
  }

  /** Counts a sentence into the document frequencies. */
  observe(h: HashedFeatures): void {
    this.documents++
    const gen = this.nextGeneration()
    for (const group of [h.word, h.char, h.meta])
      for (let i = 0; i < group.length; i++) {
        const f = group[i]
        if (this.stamp[f] === gen) continue
        this.stamp[f] = gen
        this.lnDf[f] = Math.log(1 + ++this.df[f])
      }
  }

  /** The weighted vector; with `copy` false a view that the next call overwrites. */
  vector(h: HashedFeatures, copy = true): SparseVector {
    const o = this.options
    const total = h.word.length + h.char.length + h.meta.length
    if (this.ids.length < total) {
      this.ids = new Int32Array(total * 2)
      this.counts = new Float32Array(total * 2)
    }
    const ids = this.ids
    const counts = this.counts
    const lnN = Math.log(1 + this.documents)
    let n = 0
    const groups: Array<[Int32Array, number]> = [
      [h.word, o.wordWeight],
      [h.char, o.charWeight],
      [h.meta, o.metaWeight],
    ]
    const { stamp, slot, lnDf } = this
    for (const [group, weight] of groups) {
      if (weight === 0 || group.length === 0) continue
      const gen = this.nextGeneration()
      const from = n
      for (let i = 0; i < group.length; i++) {
        const f = group[i]
        if (stamp[f] === gen) counts[slot[f]]++
        else {
          stamp[f] = gen
          slot[f] = n
          ids[n] = f
          counts[n++] = 1
        }
      }
      let norm = 0
      for (let i = from; i < n; i++) {
        const c = counts[i]
        // Most terms occur once in a sentence, and ln 1 = 0: skip the logarithm for them.
        let v = c === 1 || !o.sublinearTf ? c : 1 + Math.log(c)
        if (o.idf) v *= lnN - lnDf[ids[i]] + 1
        counts[i] = v
        norm += v * v
      }
      const scale = norm > 0 ? weight / Math.sqrt(norm) : 0
      for (let i = from; i < n; i++) counts[i] *= scale
    }
    return copy
      ? { indices: ids.slice(0, n), values: counts.slice(0, n) }
      : { indices: ids.subarray(0, n), values: counts.subarray(0, n) }
  }

  private nextGeneration(): number {
    if (++this.generation === 0xffffffff) {
      this.stamp.fill(0)
      this.generation = 1
    }
    return this.generation
  }
}
