/**
 * The suggestion model of one dimension: hashed German-news features (features.ts), TF-IDF-like
 * weighting (vectorizer.ts), and a blend of a linear model trained by SGD (linear.ts) with
 * multinomial naive Bayes (naiveBayes.ts) for single-choice dimensions; for multi-choice ones
 * the same per label, one-vs-rest (each label's logistic regression blended with a naive Bayes
 * of the label against its absence). It trains in full (`fit`) or by one label at a time
 * (`update`), and predicts a probability per label.
 */
import { DEFAULT_FEATURES, Featurizer, type FeatureOptions, type SentenceInput } from './features'
import { DEFAULT_LINEAR, LinearModel, seededRandom, type LinearOptions } from './linear'
import { NaiveBayes } from './naiveBayes'
import { DEFAULT_WEIGHTS, Vectorizer, type SparseVector, type WeightOptions } from './vectorizer'

export interface ModelOptions {
  features: FeatureOptions
  weights: WeightOptions
  linear: LinearOptions
  /** Naive Bayes smoothing α. */
  nbAlpha: number
  /** Share of naive Bayes in the blend of log-probabilities (0: the linear model alone). */
  blend: number
  /** The same for a multi-choice dimension, blending each label's log-odds with those of a
   *  naive Bayes of the label against its absence. */
  multiBlend: number
  /** 'balanced' weighs each class inversely to its frequency, as scikit-learn does. */
  classWeight: 'balanced' | 'none'
  /** Past examples replayed with each online update, so one label does not swing the model. */
  replay: number
  seed: number
}

/**
 * The defaults, chosen by 5-fold cross-validation on the development leads of 10kGNAD (three
 * seeds; never on its test leads): macro-F1 0.601 for naive Bayes alone, 0.49 for the linear
 * model alone (scikit-learn's: 0.584 and 0.498), 0.623–0.628 for blends of 0.1 to 0.3, where
 * 0.3 gives the best-calibrated confidence (log loss 1.10 against 1.16 at 0.2). 2^18 columns
 * did as well as 2^20 at a quarter of the memory; 5 epochs as well as 10 at half the time.
 * For multi-choice dimensions, on dev leads paired at random into two-topic texts (each lead
 * used once): one-vs-rest logistic regression alone 0.23, blends of 0.1–0.15 0.51–0.52 (0.40 at
 * 0.05, 0.48 at 0.2); 0.15, away from the steep side.
 */
export const DEFAULT_MODEL: ModelOptions = {
  features: DEFAULT_FEATURES,
  weights: DEFAULT_WEIGHTS,
  linear: DEFAULT_LINEAR,
  nbAlpha: 0.01,
  blend: 0.3,
  multiBlend: 0.15,
  classWeight: 'balanced',
  replay: 8,
  seed: 1,
}

export interface LabeledSentence {
  input: SentenceInput
  /** One label for a single-choice dimension; none or several for a multi-choice one. */
  labels: readonly string[]
}

export interface Prediction {
  label: string
  probability: number
}

/**
 * The blend as one linear model, for prediction. Blending log-probabilities,
 * (1 − β)·ln softmax(s)_k + β·ln P_NB(k | x), equals, up to a constant that the normalisation
 * removes, Σ_f x_f·[(1 − β)·w_fk + β·ln(N_fk + α)] + bias_k − mass(x)·β·ln(N_k + α·V): one
 * pass over the sentence's columns instead of two, which halves the cost of predictions.
 */
interface Blend {
  w: Float32Array
  bias: Float64Array
  /** Per class, the factor of the vector's total mass Σ_f x_f. */
  perMass: Float64Array
}

/** Everything a trained model is, as plain data and typed arrays (see ./modelFile.ts). */
export interface ModelSnapshot {
  labels: string[]
  multi: boolean
  options: ModelOptions
  size: number
  classCounts: Float64Array
  documents: number
  df: Uint32Array
  linear: { w: Float32Array; bias: Float64Array; scale: number; steps: number }
  nb: { counts: Float32Array; classTotals: Float64Array; classDocs: Float64Array } | null
}

interface Stored {
  x: SparseVector
  target: Uint8Array
}

export class SuggestionModel {
  readonly options: ModelOptions
  private readonly featurizer: Featurizer
  private vectorizer: Vectorizer
  private readonly linear: LinearModel
  private nb: NaiveBayes | undefined
  private readonly index: Map<string, number>
  private readonly classCounts: Float64Array
  private readonly examples: Stored[] = []
  private readonly random: () => number
  private readonly posWeights: Float64Array
  private readonly negWeights: Float64Array
  /** The blended model, rebuilt on the first prediction after any learning. */
  private blended: Blend | undefined

  constructor(
    readonly labels: readonly string[],
    readonly multi: boolean,
    options: Partial<ModelOptions> = {},
  ) {
    if (labels.length < 1) throw new RangeError('a model needs at least one label')
    this.options = { ...DEFAULT_MODEL, ...options }
    const dim = 1 << this.options.features.bits
    this.featurizer = new Featurizer(this.options.features)
    this.vectorizer = new Vectorizer(this.options.features.bits, this.options.weights)
    this.linear = new LinearModel(
      multi ? 'ovr' : 'softmax',
      dim,
      labels.length,
      this.options.linear,
    )
    this.nb = this.newNaiveBayes()
    this.index = new Map(labels.map((l, i) => [l, i]))
    this.classCounts = new Float64Array(labels.length)
    this.posWeights = new Float64Array(labels.length).fill(1)
    this.negWeights = new Float64Array(labels.length).fill(1)
    this.random = seededRandom(this.options.seed)
  }

  /** How many labelled sentences the model has learnt from. */
  get size(): number {
    return this.learnt
  }
  private learnt = 0

  snapshot(): ModelSnapshot {
    return {
      labels: [...this.labels],
      multi: this.multi,
      options: this.options,
      size: this.learnt,
      classCounts: this.classCounts,
      documents: this.vectorizer.documents,
      df: this.vectorizer.df,
      linear: this.linear.snapshot(),
      nb: this.nb?.snapshot() ?? null,
    }
  }

  /**
   * The model a snapshot was taken of. It predicts and updates as the original would, except
   * that online updates replay only the sentences learnt since (the snapshot keeps no texts).
   */
  static restore(s: ModelSnapshot): SuggestionModel {
    const model = new SuggestionModel(s.labels, s.multi, s.options)
    model.learnt = s.size
    model.classCounts.set(s.classCounts)
    model.vectorizer.restore(s.df, s.documents)
    model.linear.restore(s.linear)
    if (s.nb && model.nb) model.nb.restore(s.nb)
    model.updateClassWeights()
    return model
  }

  /** Retrains from scratch on `data`: document frequencies first, then the epochs. */
  fit(data: readonly LabeledSentence[]): void {
    this.blended = undefined
    this.vectorizer = new Vectorizer(this.options.features.bits, this.options.weights)
    this.linear.reset()
    this.nb = this.newNaiveBayes()
    this.classCounts.fill(0)
    this.examples.length = 0
    this.learnt = data.length
    const hashed = data.map((d) => this.featurizer.hash(d.input))
    for (const h of hashed) this.vectorizer.observe(h)
    for (let i = 0; i < data.length; i++) {
      const stored = { x: this.vectorizer.vector(hashed[i]), target: this.target(data[i].labels) }
      this.learnCounts(stored, true)
      this.examples.push(stored)
    }
    this.nb?.settle()
    this.updateClassWeights()
    const order = Int32Array.from(this.examples.keys())
    for (let epoch = 0; epoch < this.options.linear.epochs; epoch++) {
      this.shuffle(order)
      for (const i of order) this.linearStep(this.examples[i])
    }
  }

  /** Learns one more labelled sentence: the cost of one example and a few replayed ones. */
  update(sentence: LabeledSentence): void {
    this.blended = undefined
    const h = this.featurizer.hash(sentence.input)
    this.vectorizer.observe(h)
    const stored = { x: this.vectorizer.vector(h), target: this.target(sentence.labels) }
    this.learnCounts(stored)
    this.examples.push(stored)
    this.learnt++
    this.updateClassWeights()
    this.linearStep(stored)
    const n = this.examples.length
    for (let r = 0; r < Math.min(this.options.replay, n - 1); r++)
      this.linearStep(this.examples[Math.floor(this.random() * (n - 1))])
  }

  /** A probability per label, likeliest first. */
  predict(input: SentenceInput): Prediction[] {
    return this.ranked(this.probabilities(this.vector(input), false))
  }

  /**
   * Predictions for many sentences: the blend is compiled into one linear model first, which
   * costs one pass over the model and pays off from a few hundred sentences on.
   */
  predictMany(inputs: readonly SentenceInput[]): Prediction[][] {
    return inputs.map((input) => this.ranked(this.probabilities(this.vector(input), true)))
  }

  private vector(input: SentenceInput): SparseVector {
    return this.vectorizer.vector(this.featurizer.hash(input, false), false)
  }

  private ranked(p: Float64Array): Prediction[] {
    return this.labels
      .map((label, k) => ({ label, probability: p[k] }))
      .sort((a, b) => b.probability - a.probability)
  }

  /** The labels the model would choose: the likeliest one, or every one above one half. */
  choose(predictions: readonly Prediction[]): string[] {
    if (!this.multi) return predictions.length ? [predictions[0].label] : []
    return predictions.filter((p) => p.probability >= 0.5).map((p) => p.label)
  }

  private probabilities(x: SparseVector, bulk: boolean): Float64Array {
    if (!this.nb) return this.linear.probabilities(x)
    // One sentence after an update: the two models apart, rather than recompiling the blend
    // (a pass over all 2^bits × labels weights) for it.
    if (!bulk && !this.blended) return this.direct(x, this.nb)
    const b = (this.blended ??= this.multi ? this.blendLabels(this.nb) : this.blend(this.nb))
    const K = this.labels.length
    const p = new Float64Array(K)
    const { indices, values } = x
    let mass = 0
    for (let i = 0; i < indices.length; i++) {
      const base = indices[i] * K
      const v = values[i]
      mass += v
      for (let k = 0; k < K; k++) p[k] += b.w[base + k] * v
    }
    if (this.multi) {
      for (let k = 0; k < K; k++)
        p[k] = 1 / (1 + Math.exp(-(p[k] + b.bias[k] + mass * b.perMass[k])))
      return p
    }
    let max = -Infinity
    for (let k = 0; k < K; k++) {
      p[k] += b.bias[k] + mass * b.perMass[k]
      max = Math.max(max, p[k])
    }
    let sum = 0
    for (let k = 0; k < K; k++) sum += p[k] = Math.exp(p[k] - max)
    for (let k = 0; k < K; k++) p[k] /= sum
    return p
  }

  /** The blend computed from the two models, as `blend` and `blendLabels` compile it. */
  private direct(x: SparseVector, nb: NaiveBayes): Float64Array {
    const K = this.labels.length
    const z = this.linear.scores(x, new Float64Array(K))
    const { logDenominator, logPrior } = nb.parameters()
    const ll = new Float64Array(nb.classes)
    const mass = nb.dot(x, ll)
    for (let c = 0; c < nb.classes; c++) ll[c] += logPrior[c] - mass * logDenominator[c]
    if (this.multi) {
      const beta = this.options.multiBlend
      for (let k = 0; k < K; k++) {
        const odds = ll[2 * k] - ll[2 * k + 1]
        z[k] = 1 / (1 + Math.exp(-((1 - beta) * z[k] + beta * odds)))
      }
      return z
    }
    const beta = this.options.blend
    let max = -Infinity
    for (let k = 0; k < K; k++) {
      z[k] = (1 - beta) * z[k] + beta * ll[k]
      max = Math.max(max, z[k])
    }
    let sum = 0
    for (let k = 0; k < K; k++) sum += z[k] = Math.exp(z[k] - max)
    for (let k = 0; k < K; k++) z[k] /= sum
    return z
  }

  private blend(nb: NaiveBayes): Blend {
    const beta = this.options.blend
    const { logNumerator, logDenominator, logPrior } = nb.parameters()
    const linear = this.linear
    const a = (1 - beta) * linear.weightScale
    const w = new Float32Array(linear.w.length)
    for (let i = 0; i < w.length; i++) w[i] = a * linear.w[i] + beta * logNumerator[i]
    const K = this.labels.length
    const bias = new Float64Array(K)
    const perMass = new Float64Array(K)
    for (let k = 0; k < K; k++) {
      bias[k] = (1 - beta) * linear.bias[k] + beta * logPrior[k]
      perMass[k] = -beta * logDenominator[k]
    }
    return { w, bias, perMass }
  }

  /**
   * One-vs-rest: naive Bayes class 2k is "label k present", 2k + 1 "absent"; its log-odds
   * Σ_f x_f·(ln θ_2k,f − ln θ_2k+1,f) + prior odds join the label's logit, as in `blend`.
   */
  private blendLabels(nb: NaiveBayes): Blend {
    const beta = this.options.multiBlend
    const { logNumerator, logDenominator, logPrior } = nb.parameters()
    const linear = this.linear
    const K = this.labels.length
    const a = (1 - beta) * linear.weightScale
    const w = new Float32Array(linear.w.length)
    for (let f = 0; f < linear.dim; f++)
      for (let k = 0; k < K; k++) {
        const at = f * 2 * K + 2 * k
        w[f * K + k] = a * linear.w[f * K + k] + beta * (logNumerator[at] - logNumerator[at + 1])
      }
    const bias = new Float64Array(K)
    const perMass = new Float64Array(K)
    for (let k = 0; k < K; k++) {
      bias[k] = (1 - beta) * linear.bias[k] + beta * (logPrior[2 * k] - logPrior[2 * k + 1])
      perMass[k] = -beta * (logDenominator[2 * k] - logDenominator[2 * k + 1])
    }
    return { w, bias, perMass }
  }

  private newNaiveBayes(): NaiveBayes | undefined {
    const dim = 1 << this.options.features.bits
    const K = this.labels.length
    if (this.multi)
      return this.options.multiBlend === 0
        ? undefined
        : new NaiveBayes(dim, 2 * K, this.options.nbAlpha)
    return this.options.blend === 0 ? undefined : new NaiveBayes(dim, K, this.options.nbAlpha)
  }

  private target(labels: readonly string[]): Uint8Array {
    const t = new Uint8Array(this.labels.length)
    for (const l of labels) {
      const k = this.index.get(l)
      if (k === undefined) throw new RangeError(`unknown label "${l}"`)
      t[k] = 1
    }
    if (!this.multi && labels.length !== 1)
      throw new RangeError('a single-choice sentence has exactly one label')
    return t
  }

  private learnCounts(s: Stored, deferLog = false): void {
    for (let k = 0; k < s.target.length; k++) {
      if (s.target[k]) this.classCounts[k]++
      if (this.multi) this.nb?.add(s.x, s.target[k] ? 2 * k : 2 * k + 1, deferLog)
      else if (s.target[k]) this.nb?.add(s.x, k, deferLog)
    }
  }

  private updateClassWeights(): void {
    const n = this.learnt
    const K = this.labels.length
    let present = 0
    for (let k = 0; k < K; k++) if (this.classCounts[k] > 0) present++
    for (let k = 0; k < K; k++) {
      const pos = this.classCounts[k]
      if (this.options.classWeight === 'none' || pos === 0 || pos === n) {
        this.posWeights[k] = 1
        this.negWeights[k] = 1
      } else if (this.multi) {
        this.posWeights[k] = n / (2 * pos)
        this.negWeights[k] = n / (2 * (n - pos))
      } else this.posWeights[k] = n / (present * pos)
    }
  }

  private linearStep(s: Stored): void {
    this.linear.step(s.x, s.target, this.posWeights, this.multi ? this.negWeights : undefined)
  }

  private shuffle(order: Int32Array): void {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1))
      const t = order[i]
      order[i] = order[j]
      order[j] = t
    }
  }
}
