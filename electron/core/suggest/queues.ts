/**
 * The orders in which the coding panel offers uncoded sentences once a model predicts them:
 * "most uncertain next" (active learning by smallest margin: the two likeliest labels closest
 * together, for a multi-choice dimension the label closest to the threshold), and "most
 * confident first" (for fast confirmation). Pure functions over predictions.
 */
import type { Prediction } from './model'

export interface Predicted<T> {
  item: T
  /** Likeliest first, as the model returns them. */
  predictions: readonly Prediction[]
}

/**
 * How sure the model is, 0 (a toss-up) to 1: the difference between the two likeliest labels,
 * or for one-vs-rest labels the smallest distance of any label's probability from one half,
 * doubled.
 */
export function margin(predictions: readonly Prediction[], multi: boolean): number {
  if (predictions.length === 0) return 0
  if (multi) return Math.min(...predictions.map((p) => Math.abs(2 * p.probability - 1)))
  return predictions[0].probability - (predictions[1]?.probability ?? 0)
}

/** Smallest margin first; ties keep the corpus order. */
export function mostUncertainFirst<T>(list: readonly Predicted<T>[], multi: boolean): T[] {
  return list
    .map((p, i) => ({ p, i, m: margin(p.predictions, multi) }))
    .sort((a, b) => a.m - b.m || a.i - b.i)
    .map((x) => x.p.item)
}

/** Highest margin first; ties keep the corpus order. */
export function mostConfidentFirst<T>(list: readonly Predicted<T>[], multi: boolean): T[] {
  return list
    .map((p, i) => ({ p, i, m: margin(p.predictions, multi) }))
    .sort((a, b) => b.m - a.m || a.i - b.i)
    .map((x) => x.p.item)
}
