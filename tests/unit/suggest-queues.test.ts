import { describe, expect, it } from 'vitest'
import type { LabeledSentence } from '../../electron/core/suggest/model'
import { dimensionQuality } from '../../electron/core/suggest/quality'
import { margin, mostConfidentFirst, mostUncertainFirst } from '../../electron/core/suggest/queues'

const p = (...pairs: Array<[string, number]>) =>
  pairs.map(([label, probability]) => ({ label, probability }))

describe('the uncertainty and confidence queues', () => {
  const sentences = [
    { item: 'sure', predictions: p(['pro', 0.9], ['contra', 0.06], ['neutral', 0.04]) },
    { item: 'torn', predictions: p(['pro', 0.41], ['contra', 0.4], ['neutral', 0.19]) },
    { item: 'leaning', predictions: p(['contra', 0.6], ['pro', 0.3], ['neutral', 0.1]) },
    { item: 'torn too', predictions: p(['neutral', 0.45], ['pro', 0.43], ['contra', 0.12]) },
  ]

  it('measures the margin between the two likeliest labels', () => {
    expect(margin(sentences[0].predictions, false)).toBeCloseTo(0.84, 12)
    expect(margin(sentences[1].predictions, false)).toBeCloseTo(0.01, 12)
  })

  it('offers the sentence the model is least sure of first, ties in corpus order', () => {
    expect(mostUncertainFirst(sentences, false)).toEqual(['torn', 'torn too', 'leaning', 'sure'])
    expect(mostConfidentFirst(sentences, false)).toEqual(['sure', 'leaning', 'torn too', 'torn'])
    const twins = [
      { item: 'first', predictions: sentences[1].predictions },
      { item: 'second', predictions: sentences[1].predictions },
    ]
    expect(mostUncertainFirst(twins, false)).toEqual(['first', 'second'])
    expect(mostConfidentFirst(twins, false)).toEqual(['first', 'second'])
  })

  it('for a multi-choice dimension, looks at the label nearest the threshold', () => {
    const actors = [
      { item: 'clear', predictions: p(['trump', 0.95], ['kim', 0.02]) },
      { item: 'unclear', predictions: p(['trump', 0.9], ['kim', 0.55]) },
    ]
    expect(margin(actors[1].predictions, true)).toBeCloseTo(0.1, 12)
    expect(mostUncertainFirst(actors, true)).toEqual(['unclear', 'clear'])
  })
})

describe('the quality report of a dimension', () => {
  const verbs: Record<string, string[]> = {
    pro: ['lobt', 'begrüßt', 'feiert', 'unterstützt'],
    contra: ['kritisiert', 'verurteilt', 'bemängelt', 'verspottet'],
  }
  const data: LabeledSentence[] = Array.from({ length: 80 }, (_, i) => {
    const label = i % 2 === 0 ? 'pro' : 'contra'
    const who = ['Trump', 'Kim', 'Seoul', 'Die Presse', 'Peking'][i % 5]
    return { input: { text: `${who} ${verbs[label][(i >> 1) % 4]} den Gipfel.` }, labels: [label] }
  })

  it('gives cross-validated macro-F1, per-label figures and a learning curve up to all folds but one', () => {
    const q = dimensionQuality(data, ['pro', 'contra'], false)
    expect(q.folds).toBe(5)
    expect(q.macro_f1).toBe(1)
    expect(q.per_label.pro).toEqual({ precision: 1, recall: 1, f1: 1, support: 40 })
    expect(q.learning_curve.map((c) => c.coded)).toEqual([10, 20, 40, 64])
    expect(q.learning_curve.at(-1)!.macro_f1).toBe(1)
  })
})
