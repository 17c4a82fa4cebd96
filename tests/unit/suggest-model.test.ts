import { describe, expect, it } from 'vitest'
import { UserError } from '../../electron/core/errors'
import { parseDataset } from '../../electron/core/suggest/dataset'
import { evaluate, folds } from '../../electron/core/suggest/evaluate'
import { quality } from '../../electron/core/suggest/metrics'
import { SuggestionModel, type LabeledSentence } from '../../electron/core/suggest/model'

const actors = [
  'die Kanzlerin',
  'der Minister',
  'die Opposition',
  'der Verband',
  'die Gewerkschaft',
]
const topics = ['die Reform', 'den Haushalt', 'das Abkommen', 'den Gipfel', 'die Steuerpläne']
const cues: Record<string, string[]> = {
  supportive: ['begrüßt', 'lobt', 'unterstützt', 'befürwortet'],
  critical: ['kritisiert', 'verurteilt', 'lehnt', 'bemängelt'],
  neutral: ['erwähnt', 'beschreibt', 'kommentiert', 'nennt'],
}

/** Sentences whose stance shows in the verb, with actors and topics drawn across stances. */
function stanceData(perLabel: number, offset = 0): LabeledSentence[] {
  const out: LabeledSentence[] = []
  for (const [label, verbs] of Object.entries(cues))
    for (let i = 0; i < perLabel; i++) {
      const j = i + offset
      const text = `${actors[j % 5]} ${verbs[j % 4]} ${topics[(j * 3 + 1) % 5]} am ${1 + (j % 28)}. Mai.`
      out.push({ input: { text: text[0].toUpperCase() + text.slice(1) }, labels: [label] })
    }
  return out
}

describe('the suggestion model', () => {
  it('learns the stance of held-out sentences from their words', () => {
    const result = evaluate(stanceData(20), stanceData(10, 100), false)
    expect(result.accuracy).toBe(1)
    expect(result.macro_f1).toBe(1)
    expect(Object.keys(result.per_label)).toEqual(['critical', 'neutral', 'supportive'])
  })

  it('recognises inflected forms it has not seen, by their character n-grams', () => {
    const model = new SuggestionModel(['supportive', 'critical', 'neutral'], false)
    model.fit(stanceData(20))
    // "kritisierte", "begrüßte": past tense, never in the training data
    expect(model.predict({ text: 'Der Verband kritisierte die Reform.' })[0].label).toBe('critical')
    expect(model.predict({ text: 'Die Kanzlerin begrüßte das Abkommen.' })[0].label).toBe(
      'supportive',
    )
  })

  it('gives probabilities that sum to one, likeliest first', () => {
    const model = new SuggestionModel(['supportive', 'critical', 'neutral'], false)
    model.fit(stanceData(10))
    const p = model.predict({ text: 'Die Opposition lobt den Gipfel.' })
    expect(p.map((x) => x.label)[0]).toBe('supportive')
    expect(p.reduce((s, x) => s + x.probability, 0)).toBeCloseTo(1, 9)
    for (let i = 1; i < p.length; i++)
      expect(p[i - 1].probability).toBeGreaterThanOrEqual(p[i].probability)
  })

  it('predicts one sentence and many alike (the blend apart, and compiled into one model)', () => {
    const single = new SuggestionModel(['supportive', 'critical', 'neutral'], false)
    single.fit(stanceData(10))
    const multi = new SuggestionModel(['supportive', 'critical', 'neutral'], true)
    multi.fit(stanceData(10).map((s, i) => ({ ...s, labels: i % 4 ? s.labels : [] })))
    const inputs = stanceData(3, 50).map((s) => s.input)
    for (const model of [single, multi]) {
      const many = model.predictMany(inputs)
      inputs.forEach((input, i) => {
        const one = model.predict(input)
        expect(one.map((p) => p.label)).toEqual(many[i].map((p) => p.label))
        one.forEach((p, k) => expect(p.probability).toBeCloseTo(many[i][k].probability, 5))
      })
    }
  })

  it('trains deterministically: the same labels give the same probabilities', () => {
    const a = new SuggestionModel(['supportive', 'critical', 'neutral'], false)
    const b = new SuggestionModel(['supportive', 'critical', 'neutral'], false)
    a.fit(stanceData(15))
    b.fit(stanceData(15))
    const text = { text: 'Der Minister nennt den Haushalt.' }
    expect(a.predict(text)).toEqual(b.predict(text))
  })

  it('learns from one more label online, without a retrain', () => {
    const model = new SuggestionModel(['supportive', 'critical', 'neutral'], false)
    model.fit(stanceData(10))
    const sentence = { text: 'Die Gewerkschaft droht mit einem Generalstreik.' }
    const before = model.predict(sentence).find((p) => p.label === 'critical')!.probability
    for (let i = 0; i < 3; i++) model.update({ input: sentence, labels: ['critical'] })
    const after = model.predict(sentence)
    expect(model.size).toBe(33)
    expect(after.find((p) => p.label === 'critical')!.probability).toBeGreaterThan(before)
    expect(after[0].label).toBe('critical')
  })

  it('chooses several labels of a multi-choice dimension, one-vs-rest', () => {
    const data: LabeledSentence[] = []
    const names = ['Merkel', 'Macron', 'Putin']
    for (let i = 0; i < 60; i++) {
      const present = names.filter((_, k) => (i >> k) & 1)
      const text = `${present.join(' und ') || 'Niemand'} ${['sprach', 'verhandelte', 'reiste'][i % 3]} am Montag.`
      data.push({ input: { text }, labels: present })
    }
    const model = new SuggestionModel(names, true)
    model.fit(data)
    const chosen = model.choose(model.predict({ text: 'Putin und Merkel telefonierten am Abend.' }))
    expect(chosen.sort()).toEqual(['Merkel', 'Putin'])
    expect(model.choose(model.predict({ text: 'Niemand telefonierte.' }))).toEqual([])
  })

  it('uses the actors the alias rules find as features', () => {
    // The words are the same; only the actor found by the codebook's aliases tells them apart.
    const data: LabeledSentence[] = []
    for (let i = 0; i < 20; i++) {
      data.push({
        input: { text: `Er sprach am ${i + 1}. Mai.`, actors: ['usa'] },
        labels: ['usa'],
      })
      data.push({ input: { text: `Er sprach am ${i + 1}. Mai.`, actors: ['nk'] }, labels: ['nk'] })
    }
    const model = new SuggestionModel(['usa', 'nk'], false)
    model.fit(data)
    expect(model.predict({ text: 'Er sprach.', actors: ['nk'] })[0].label).toBe('nk')
    expect(model.predict({ text: 'Er sprach.', actors: ['usa'] })[0].label).toBe('usa')
  })
})

describe('quality measures', () => {
  it('computes per-label precision, recall, F1 and macro-F1 as scikit-learn does', () => {
    const q = quality([['a'], ['a'], ['b'], ['b'], ['c']], [['a'], ['b'], ['b'], ['b'], ['a']])
    // sklearn.metrics.f1_score(['a','a','b','b','c'], ['a','b','b','b','a'], average='macro')
    expect(q.macro_f1).toBeCloseTo(0.4333333333, 9)
    expect(q.accuracy).toBeCloseTo(0.6, 9)
    expect(q.per_label.a).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 })
    expect(q.per_label.c).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 })
  })

  it('makes stratified folds: every fold holds its share of every label', () => {
    const data = stanceData(10)
    const fold = folds(data, 5)
    for (let f = 0; f < 5; f++)
      for (const label of Object.keys(cues))
        expect(data.filter((s, i) => fold[i] === f && s.labels[0] === label)).toHaveLength(2)
  })
})

describe('data sets for model evaluate', () => {
  const exportLine = (labels: string[][], annotated = true) =>
    JSON.stringify({
      document_id: 'd1',
      index: 3,
      document_units: 12,
      text: 'Trump lobt Kim.',
      annotated,
      statements: labels.map((names, i) => ({
        statement_id: `s${i}`,
        label_names: { stance: names, actor: [] },
      })),
    })

  it('reads plain lines, a list of labels making the data multi-label', () => {
    const single = parseDataset(
      '{"text":"A.","label":"x"}\n\n{"text":"B.","label":"y"}\n',
      'a.jsonl',
    )
    expect(single.multi).toBe(false)
    expect(single.sentences.map((s) => s.labels)).toEqual([['x'], ['y']])
    const multi = parseDataset(
      '{"text":"A.","label":["x","y"]}\n{"text":"B.","label":[]}\n',
      'b.jsonl',
    )
    expect(multi.multi).toBe(true)
    expect(multi.sentences[1].labels).toEqual([])
  })

  it('reads the labels of one dimension from lines of the JSONL export, with the position', () => {
    const content = [exportLine([['supportive']]), exportLine([], false), exportLine([[]])].join(
      '\n',
    )
    const d = parseDataset(content, 'export.jsonl', 'stance')
    expect(d.sentences).toEqual([
      { input: { text: 'Trump lobt Kim.', index: 3, count: 12 }, labels: ['supportive'] },
    ])
    expect(d.skipped).toBe(2)
  })

  it('refuses a bad line with its file and line number, as a message code', () => {
    const refuse = (content: string, dimension?: string) => {
      try {
        parseDataset(content, 'train.jsonl', dimension)
      } catch (e) {
        expect(e).toBeInstanceOf(UserError)
        return [(e as UserError).code, (e as Error).message]
      }
      throw new Error('accepted')
    }
    expect(refuse('{"text":"A.","label":"x"}\nnot json')).toEqual([
      'suggest.data.notObject',
      'train.jsonl, line 2: not a JSON object.',
    ])
    expect(refuse('{"text":"A.","label":3}')[0]).toBe('suggest.data.badLabel')
    expect(refuse('{"label":"x"}')[0]).toBe('suggest.data.noText')
    expect(refuse('{"text":"A.","label":"x"}', 'stance')[0]).toBe('suggest.data.notExport')
    expect(refuse(exportLine([['x']]), 'topic')).toEqual([
      'suggest.data.noDimension',
      'train.jsonl, line 1: its statements have no dimension "topic".',
    ])
    expect(refuse('\n\n')[0]).toBe('suggest.data.empty')
  })
})
