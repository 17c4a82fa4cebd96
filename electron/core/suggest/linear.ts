/**
 * A linear classifier over sparse vectors, trained online by stochastic gradient descent on the
 * log loss with L2 regularisation: multinomial (softmax) for single-choice dimensions, one
 * binary logistic regression per label (one-vs-rest) for multi-choice ones.
 *
 * Hand-written: the npm libraries that fit the name (ml-logistic-regression, natural's
 * LogisticRegressionClassifier, @tensorflow/tfjs) train dense matrices in batch; none takes a
 * sparse, hashed vector of 2^20 columns or an update by one example, which the suggestions need
 * after every label (≤ 50 ms at 5,000 coded sentences). The method is textbook (Bottou, "Stochastic
 * gradient descent tricks", 2012, the schedule scikit-learn's SGDClassifier calls "optimal"):
 * step size η_t = η0 / (1 + η0·λ·t), and the L2 shrink kept as one scale factor, so a step costs
 * the example's non-zeros, not the model's size.
 */
import type { SparseVector } from './vectorizer'

export { mulberry32 as seededRandom } from '../export/split'

export type LinearKind = 'softmax' | 'ovr'

export interface LinearOptions {
  /** L2 strength λ (scikit-learn's alpha; roughly 1 / (C · n)). */
  lambda: number
  /** Initial step size η0. */
  eta0: number
  /** Epochs of a full retrain. */
  epochs: number
}

export const DEFAULT_LINEAR: LinearOptions = { lambda: 1e-4, eta0: 0.5, epochs: 5 }

export class LinearModel {
  /** Weights, feature-major: column f of class k is at f·K + k, so one example's K scores read
   *  neighbouring memory. The true weights are `scale · w`. */
  readonly w: Float32Array
  readonly bias: Float64Array
  private scale = 1
  /** Steps taken; drives the step size, and goes on across online updates. */
  steps = 0
  private readonly scratch: Float64Array

  constructor(
    readonly kind: LinearKind,
    readonly dim: number,
    readonly classes: number,
    readonly options: LinearOptions = DEFAULT_LINEAR,
  ) {
    this.w = new Float32Array(dim * classes)
    this.bias = new Float64Array(classes)
    this.scratch = new Float64Array(classes)
  }

  /** The factor of the stored weights: the true weight of column f, class k is `scale · w`. */
  get weightScale(): number {
    return this.scale
  }

  /** What restores the model elsewhere: weights, bias, their scale and the steps taken. */
  snapshot(): { w: Float32Array; bias: Float64Array; scale: number; steps: number } {
    return { w: this.w, bias: this.bias, scale: this.scale, steps: this.steps }
  }

  restore(s: { w: Float32Array; bias: Float64Array; scale: number; steps: number }): void {
    this.w.set(s.w)
    this.bias.set(s.bias)
    this.scale = s.scale
    this.steps = s.steps
  }

  reset(): void {
    this.w.fill(0)
    this.bias.fill(0)
    this.scale = 1
    this.steps = 0
  }

  /** Raw scores (logits) of every class into `out`. */
  scores(x: SparseVector, out: Float64Array): Float64Array {
    const K = this.classes
    out.fill(0)
    const { indices, values } = x
    const w = this.w
    for (let i = 0; i < indices.length; i++) {
      const base = indices[i] * K
      const v = values[i]
      for (let k = 0; k < K; k++) out[k] += w[base + k] * v
    }
    for (let k = 0; k < K; k++) out[k] = out[k] * this.scale + this.bias[k]
    return out
  }

  /** Probabilities: a distribution over the classes (softmax) or per label (one-vs-rest). */
  probabilities(x: SparseVector, out: Float64Array = new Float64Array(this.classes)): Float64Array {
    this.scores(x, out)
    if (this.kind === 'ovr') {
      for (let k = 0; k < out.length; k++) out[k] = 1 / (1 + Math.exp(-out[k]))
      return out
    }
    let max = -Infinity
    for (let k = 0; k < out.length; k++) max = Math.max(max, out[k])
    let sum = 0
    for (let k = 0; k < out.length; k++) sum += out[k] = Math.exp(out[k] - max)
    for (let k = 0; k < out.length; k++) out[k] /= sum
    return out
  }

  /**
   * One SGD step on one example. `target` holds per class 1 or 0 (the example's labels);
   * `weights` per class the example's weight as a positive (softmax: of its class) and, for
   * one-vs-rest, `negWeights` its weight as a negative.
   */
  step(
    x: SparseVector,
    target: Uint8Array,
    weights: Float64Array,
    negWeights?: Float64Array,
  ): void {
    const { lambda, eta0 } = this.options
    const eta = eta0 / (1 + eta0 * lambda * this.steps)
    this.steps++
    const g = this.probabilities(x, this.scratch)
    const K = this.classes
    if (this.kind === 'softmax') {
      let wy = 1
      for (let k = 0; k < K; k++) if (target[k]) wy = weights[k]
      for (let k = 0; k < K; k++) g[k] = wy * (g[k] - target[k])
    } else {
      for (let k = 0; k < K; k++)
        g[k] = target[k] ? weights[k] * (g[k] - 1) : (negWeights ? negWeights[k] : 1) * g[k]
    }
    // L2 shrink of every weight at once, folded into the scale.
    this.scale *= 1 - eta * lambda
    if (this.scale < 1e-6) this.rescale()
    const step = eta / this.scale
    const { indices, values } = x
    const w = this.w
    for (let i = 0; i < indices.length; i++) {
      const base = indices[i] * K
      const v = values[i] * step
      for (let k = 0; k < K; k++) w[base + k] -= g[k] * v
    }
    // The bias learns slower and is not regularised, as in scikit-learn's SGD.
    for (let k = 0; k < K; k++) this.bias[k] -= eta * 0.01 * g[k]
  }

  private rescale(): void {
    const s = this.scale
    for (let i = 0; i < this.w.length; i++) this.w[i] *= s
    this.scale = 1
  }
}
