import { describe, expect, it } from 'vitest'
import { Featurizer, tokenize, type HashedFeatures } from '../../electron/core/suggest/features'
import { Vectorizer } from '../../electron/core/suggest/vectorizer'

const featurizer = new Featurizer({ bits: 18, wordNgrams: 2, charMin: 2, charMax: 5 })

function shared(a: Int32Array, b: Int32Array): number {
  const inB = new Set(b)
  return new Set([...a].filter((x) => inB.has(x))).size / new Set(a).size
}

function norm(values: Float32Array, from = 0, to = values.length): number {
  let s = 0
  for (let i = from; i < to; i++) s += values[i] * values[i]
  return Math.sqrt(s)
}

describe('features of German news sentences', () => {
  it('splits words at hyphens and punctuation, lower-cased, umlauts and ß kept', () => {
    expect(tokenize('ÖFB-Teamspieler verletzt: „Straße gesperrt“, 1:1 in Graz.')).toEqual([
      'öfb',
      'teamspieler',
      'verletzt',
      'straße',
      'gesperrt',
      '1',
      '1',
      'in',
      'graz',
    ])
  })

  it('gives the same columns for the same sentence, all inside the hashed space', () => {
    const a = featurizer.hash({ text: 'Die Bundesregierung lehnt den Vorschlag ab.' })
    const b = featurizer.hash({ text: 'Die Bundesregierung lehnt den Vorschlag ab.' })
    expect([...a.word]).toEqual([...b.word])
    expect([...a.char]).toEqual([...b.char])
    for (const id of [...a.word, ...a.char]) expect(id >>> 18).toBe(0)
    // 6 tokens: 6 unigrams, 5 bigrams and the opening bigram.
    expect(a.word.length).toBe(12)
  })

  it('lets inflected forms and compounds share character n-grams, unlike unrelated words', () => {
    const chars = (text: string) => featurizer.hash({ text }).char
    const regierung = chars('Regierung')
    expect(shared(chars('Regierungen'), regierung)).toBeGreaterThan(0.6)
    expect(shared(chars('Bundesregierung'), regierung)).toBeGreaterThan(0.4)
    expect(shared(chars('Fußballspiel'), regierung)).toBeLessThan(0.1)
  })

  it('adds the actors the alias rules found and the position in the article', () => {
    const plain = featurizer.hash({ text: 'Er reiste ab.' })
    expect(plain.meta.length).toBe(0)
    const first = featurizer.hash({ text: 'Er reiste ab.', index: 0, count: 10, actors: ['trump'] })
    const middle = featurizer.hash({
      text: 'Er reiste ab.',
      index: 5,
      count: 10,
      actors: ['trump'],
    })
    const last = featurizer.hash({ text: 'Er reiste ab.', index: 9, count: 10, actors: ['kim'] })
    // actor, first, a fifth of the article; actor, a fifth; actor, last, a fifth
    expect([first.meta.length, middle.meta.length, last.meta.length]).toEqual([3, 2, 3])
    expect(first.meta[0]).toBe(middle.meta[0])
    expect(last.meta[0]).not.toBe(first.meta[0])
    expect(new Set([...first.meta, ...middle.meta]).size).toBe(4)
  })
})

describe('the weighting of features', () => {
  const corpus = [
    'Die Regierung plant eine Reform.',
    'Die Opposition kritisiert die Reform.',
    'Die Gewerkschaft droht mit Streik.',
  ]

  function fitted(options?: ConstructorParameters<typeof Vectorizer>[1]) {
    const v = new Vectorizer(18, options)
    const hashed = corpus.map((text) => featurizer.hash({ text }))
    for (const h of hashed) v.observe(h)
    return { v, hashed }
  }

  it('scales each group to unit length times its weight', () => {
    const { v } = fitted({
      sublinearTf: true,
      idf: true,
      wordWeight: 1,
      charWeight: 2,
      metaWeight: 0.5,
    })
    const h: HashedFeatures = featurizer.hash({ text: 'Die Reform kommt.', index: 0, count: 3 })
    const x = v.vector(h)
    const words = new Set(h.word).size
    const chars = new Set(h.char).size
    expect(norm(x.values, 0, words)).toBeCloseTo(1, 5)
    expect(norm(x.values, words, words + chars)).toBeCloseTo(2, 5)
    expect(norm(x.values, words + chars)).toBeCloseTo(0.5, 5)
  })

  it('weighs a word found in every sentence below a rare one (inverse document frequency)', () => {
    const { v } = fitted({
      sublinearTf: true,
      idf: true,
      wordWeight: 1,
      charWeight: 0,
      metaWeight: 0,
    })
    const h = featurizer.hash({ text: 'die streik' })
    const x = v.vector(h)
    const weight = (id: number) => x.values[[...x.indices].indexOf(id)]
    const [die, streik] = h.word
    expect(weight(die)).toBeLessThan(weight(streik))
    // smoothed idf as scikit-learn's: ln((1 + n) / (1 + df)) + 1, with n = 3
    const idfDie = Math.log(4 / 4) + 1
    const idfStreik = Math.log(4 / 2) + 1
    expect(weight(streik) / weight(die)).toBeCloseTo(idfStreik / idfDie, 5)
  })

  it('grows a repeated term sublinearly: 1 + ln tf', () => {
    const v = new Vectorizer(18, {
      sublinearTf: true,
      idf: false,
      wordWeight: 1,
      charWeight: 0,
      metaWeight: 0,
    })
    const x = v.vector(featurizer.hash({ text: 'nein nein nein ja' }))
    const values = [...x.values].sort((a, b) => b - a)
    // unigrams nein (tf 3), ja; bigrams "nein nein" (tf 2), "nein ja"; opening "nein"
    expect(values[0] / values[values.length - 1]).toBeCloseTo(1 + Math.log(3), 5)
  })
})
