/**
 * Held-out evaluation and cross-validation of the suggestion model: what `model evaluate`
 * prints, what the bench measures and how the defaults were chosen (on development data only).
 */
import { performance } from 'node:perf_hooks'
import { labelsOf } from './dataset'
import { seededRandom } from './linear'
import { quality, type Quality } from './metrics'
import { SuggestionModel, type LabeledSentence, type ModelOptions } from './model'

export interface Evaluation extends Quality {
  train_s: number
  predict_s: number
  train_size: number
  test_size: number
}

export function evaluate(
  train: readonly LabeledSentence[],
  test: readonly LabeledSentence[],
  multi: boolean,
  options: Partial<ModelOptions> = {},
): Evaluation {
  const labels = labelsOf(train, test)
  const startTrain = performance.now()
  const model = new SuggestionModel(labels, multi, options)
  model.fit(train)
  const train_s = (performance.now() - startTrain) / 1000
  const startPredict = performance.now()
  const predicted = model.predictMany(test.map((s) => s.input)).map((p) => model.choose(p))
  const predict_s = (performance.now() - startPredict) / 1000
  return {
    ...quality(
      test.map((s) => [...s.labels]),
      predicted,
    ),
    train_s,
    predict_s,
    train_size: train.length,
    test_size: test.length,
  }
}

/**
 * Stratified k-fold folds (by the first label, as scikit-learn's StratifiedKFold does for
 * single-label data), seeded: fold i holds every k-th sentence of each label after a shuffle.
 */
export function folds(data: readonly LabeledSentence[], k: number, seed = 0): number[] {
  const random = seededRandom(seed)
  const byLabel = new Map<string, number[]>()
  data.forEach((s, i) => {
    const key = s.labels[0] ?? ''
    byLabel.set(key, [...(byLabel.get(key) ?? []), i])
  })
  const fold = new Array<number>(data.length)
  let offset = 0
  for (const key of [...byLabel.keys()].sort()) {
    const members = byLabel.get(key)!
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[members[i], members[j]] = [members[j], members[i]]
    }
    members.forEach((m, i) => (fold[m] = (i + offset) % k))
    offset += members.length
  }
  return fold
}

/** Macro-F1 averaged over k folds. */
export function crossValidate(
  data: readonly LabeledSentence[],
  multi: boolean,
  options: Partial<ModelOptions>,
  k = 5,
  seed = 0,
): number {
  const fold = folds(data, k, seed)
  let sum = 0
  for (let f = 0; f < k; f++) {
    const train = data.filter((_, i) => fold[i] !== f)
    const test = data.filter((_, i) => fold[i] === f)
    sum += evaluate(train, test, multi, options).macro_f1
  }
  return sum / k
}
