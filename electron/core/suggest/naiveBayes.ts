/**
 * Multinomial naive Bayes over the same weighted vectors (TF-IDF counts, as scikit-learn's
 * MultinomialNB over a TfidfVectorizer), kept online: a label adds the example's values to its
 * class's column sums, and only the columns it touches have their logarithm recomputed.
 * Strong on few labels, where a discriminative model has too little to go on (Wang & Manning,
 * "Baselines and bigrams", 2012); the suggestion model blends it with the linear model.
 */
import type { SparseVector } from './vectorizer'

export class NaiveBayes {
  /** Column sums per class, feature-major (f·K + k). */
  private readonly counts: Float32Array
  /** ln(counts + α), kept current column by column. */
  private readonly logNumerator: Float32Array
  private readonly classTotals: Float64Array
  private readonly classDocs: Float64Array
  private readonly seen: Uint8Array
  private columnsSeen = 0
  private documents = 0

  constructor(
    readonly dim: number,
    readonly classes: number,
    readonly alpha: number,
  ) {
    this.counts = new Float32Array(dim * classes)
    this.logNumerator = new Float32Array(dim * classes).fill(Math.log(alpha))
    this.classTotals = new Float64Array(classes)
    this.classDocs = new Float64Array(classes)
    this.seen = new Uint8Array(dim)
  }

  /** What restores the model: the column sums and the counts (the rest is derived from them). */
  snapshot(): { counts: Float32Array; classTotals: Float64Array; classDocs: Float64Array } {
    return { counts: this.counts, classTotals: this.classTotals, classDocs: this.classDocs }
  }

  restore(s: { counts: Float32Array; classTotals: Float64Array; classDocs: Float64Array }): void {
    this.counts.set(s.counts)
    this.classTotals.set(s.classTotals)
    this.classDocs.set(s.classDocs)
    this.documents = 0
    for (const d of s.classDocs) this.documents += d
    this.columnsSeen = 0
    const K = this.classes
    for (let f = 0; f < this.dim; f++) {
      let any = false
      for (let k = 0; k < K; k++) {
        const c = this.counts[f * K + k]
        if (c > 0) {
          any = true
          this.logNumerator[f * K + k] = Math.log(c + this.alpha)
        }
      }
      this.seen[f] = any ? 1 : 0
      if (any) this.columnsSeen++
    }
  }

  /**
   * Adds one example of class `k`. With `deferLog` the logarithms wait for `settle()`: a full
   * retrain adds every example first and takes each column's logarithm once.
   */
  add(x: SparseVector, k: number, deferLog = false): void {
    const K = this.classes
    const { indices, values } = x
    this.classDocs[k]++
    this.documents++
    for (let i = 0; i < indices.length; i++) {
      const f = indices[i]
      const at = f * K + k
      this.counts[at] += values[i]
      if (!deferLog) this.logNumerator[at] = Math.log(this.counts[at] + this.alpha)
      this.classTotals[k] += values[i]
      if (!this.seen[f]) {
        this.seen[f] = 1
        this.columnsSeen++
      }
    }
  }

  /** Brings the logarithms up to date after additions with `deferLog`. */
  settle(): void {
    const { counts, logNumerator, alpha } = this
    for (let i = 0; i < counts.length; i++)
      if (counts[i] > 0) logNumerator[i] = Math.log(counts[i] + alpha)
  }

  /**
   * The model as a linear function of x: ln θ_kf = logNumerator[f·K + k] − logDenominator[k]
   * (α smoothing over the columns seen), and the class priors.
   */
  parameters(): {
    logNumerator: Float32Array
    logDenominator: Float64Array
    logPrior: Float64Array
  } {
    const K = this.classes
    const columns = Math.max(1, this.columnsSeen)
    const logDenominator = new Float64Array(K)
    const logPrior = new Float64Array(K)
    for (let k = 0; k < K; k++) {
      logDenominator[k] = Math.log(this.classTotals[k] + this.alpha * columns)
      logPrior[k] = Math.log((this.classDocs[k] + 1) / (this.documents + K))
    }
    return { logNumerator: this.logNumerator, logDenominator, logPrior }
  }

  /** Σ_f x_f·ln(N_cf + α) of every class c into `out`; returns the vector's mass Σ_f x_f. */
  dot(x: SparseVector, out: Float64Array): number {
    const C = this.classes
    out.fill(0)
    const { indices, values } = x
    let mass = 0
    for (let i = 0; i < indices.length; i++) {
      const base = indices[i] * C
      const v = values[i]
      mass += v
      for (let c = 0; c < C; c++) out[c] += this.logNumerator[base + c] * v
    }
    return mass
  }
}
