/**
 * How far the analyst can trust a dimension's model, from the project's own coded sentences:
 * cross-validated macro-F1 with per-label precision and recall (predictions of all folds pooled),
 * and a learning curve, macro-F1 on one held-out fold against the number of coded sentences
 * trained on, so the analyst sees whether more coding still helps.
 */
import { folds } from './evaluate'
import { seededRandom } from './linear'
import { quality, type Quality } from './metrics'
import { SuggestionModel, type LabeledSentence, type ModelOptions } from './model'

export interface CurvePoint {
  coded: number
  macro_f1: number
}

export interface DimensionQuality extends Quality {
  folds: number
  learning_curve: CurvePoint[]
}

function train(
  labels: readonly string[],
  multi: boolean,
  data: readonly LabeledSentence[],
  options: Partial<ModelOptions>,
): SuggestionModel {
  const model = new SuggestionModel(labels, multi, options)
  model.fit(data)
  return model
}

export function dimensionQuality(
  data: readonly LabeledSentence[],
  labels: readonly string[],
  multi: boolean,
  options: Partial<ModelOptions> = {},
  k = 5,
): DimensionQuality {
  const fold = folds(data, k)
  const truth: string[][] = []
  const predicted: string[][] = []
  for (let f = 0; f < k; f++) {
    const test = data.filter((_, i) => fold[i] === f)
    if (test.length === 0) continue
    const model = train(
      labels,
      multi,
      data.filter((_, i) => fold[i] !== f),
      options,
    )
    for (const s of test) {
      truth.push([...s.labels])
      predicted.push(model.choose(model.predict(s.input)))
    }
  }
  // The curve: fold 0 held out, the rest in a seeded order, trained on ever longer prefixes.
  const held = data.filter((_, i) => fold[i] === 0)
  const rest = data.filter((_, i) => fold[i] !== 0)
  const random = seededRandom(7)
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[rest[i], rest[j]] = [rest[j], rest[i]]
  }
  const learning_curve: CurvePoint[] = []
  for (let n = 10; held.length > 0; n *= 2) {
    const size = Math.min(n, rest.length)
    const model = train(labels, multi, rest.slice(0, size), options)
    const q = quality(
      held.map((s) => [...s.labels]),
      held.map((s) => model.choose(model.predict(s.input))),
    )
    learning_curve.push({ coded: size, macro_f1: q.macro_f1 })
    if (size === rest.length) break
  }
  return { ...quality(truth, predicted), folds: k, learning_curve }
}
