import { describe, expect, it } from 'vitest'
import type { CoderStatements } from '../../electron/contract/adjudication'
import {
  acceptable,
  chosenValues,
  compareSentence,
  goldStatements,
  majorityOf,
  withoutRun,
  withValues,
} from '../../electron/core/adjudication/rules'
import { goldAgreement } from '../../electron/core/adjudication/agreement'

const DIMS = ['stance', 'actor']
const stamp = { by: 'cadj', at: '2026-01-01T10:00:00.000Z' }

function coder(id: string, stance: string[], actor: string[] = []): CoderStatements {
  return { coder: id, statements: [{ id: `${id}-s1`, values: { stance, actor } }] }
}

describe('comparing the coders of a sentence', () => {
  it('agrees where all coders hold the same labels, and finds the majority elsewhere', () => {
    const coders = [
      coder('a', ['pro'], ['trump']),
      coder('b', ['pro'], ['kim']),
      coder('c', ['contra'], ['kim']),
    ]
    const [stance, actor] = compareSentence(coders, DIMS, null)
    expect(stance).toMatchObject({ agreed: false, majority: ['pro'] })
    expect(actor).toMatchObject({ agreed: false, majority: ['kim'] })
    const unanimous = compareSentence([coder('a', ['pro']), coder('b', ['pro'])], DIMS, null)
    expect(unanimous.map((c) => [c.dimension, c.agreed])).toEqual([['stance', true]])
  })

  it('counts "no label" as a value and a tie as no majority', () => {
    expect(majorityOf([['pro'], []])).toBeNull()
    expect(majorityOf([['pro'], ['contra'], []])).toBeNull()
    expect(majorityOf([[], [], ['pro']])).toEqual([])
    expect(majorityOf([['a', 'b'], ['a', 'b'], ['a']])).toEqual(['a', 'b'])
  })
})

describe('automatic acceptance', () => {
  const coders = [
    coder('a', ['pro'], ['trump']),
    coder('b', ['pro'], ['kim']),
    coder('c', ['pro'], ['trump']),
  ]
  const comparisons = compareSentence(coders, DIMS, null)

  it('unanimous takes only what every coder agrees on, with the coders who had it', () => {
    const accepted = acceptable(comparisons, 3, 'unanimous', { ...stamp, run: 'r1' })
    expect(Object.keys(accepted)).toEqual(['stance'])
    expect(accepted.stance).toEqual({
      labels: ['pro'],
      coders: ['a', 'b', 'c'],
      origin: 'unanimous',
      by: 'cadj',
      at: stamp.at,
      run: 'r1',
    })
  })

  it('majority also takes the value two of three share, naming them', () => {
    const accepted = acceptable(comparisons, 3, 'majority', stamp)
    expect(accepted.actor).toMatchObject({
      labels: ['trump'],
      coders: ['a', 'c'],
      origin: 'majority',
    })
    expect(accepted.stance.origin).toBe('unanimous')
  })

  it('takes nothing from a sentence only one coder coded, nor where gold already decided', () => {
    expect(acceptable(compareSentence([coders[0]], DIMS, null), 1, 'majority', stamp)).toEqual({})
    const decided = withValues(
      null,
      chosenValues(comparisons, { kind: 'coder', coder: 'b' }, stamp)!,
      coders,
      DIMS,
    )
    expect(acceptable(compareSentence(coders, DIMS, decided), 3, 'majority', stamp)).toEqual({})
  })

  it('leaves a two-against-two tie to the adjudicator', () => {
    const four = [
      coder('a', ['pro']),
      coder('b', ['pro']),
      coder('c', ['contra']),
      coder('d', ['contra']),
    ]
    expect(acceptable(compareSentence(four, DIMS, null), 4, 'majority', stamp)).toEqual({})
  })

  it('is undone by its run, keeping what was decided by hand since', () => {
    const run = acceptable(comparisons, 3, 'majority', { ...stamp, run: 'r1' })
    const gold = withValues(null, run, coders, DIMS)!
    const edited = withValues(
      gold,
      chosenValues(
        compareSentence(coders, DIMS, gold),
        { kind: 'edit', values: { actor: ['kim'] } },
        stamp,
      )!,
      coders,
      DIMS,
    )!
    const undone = withoutRun(edited, 'r1', coders, DIMS)
    expect(undone.removed).toBe(1)
    expect(Object.keys(undone.gold!.values)).toEqual(['actor'])
    expect(undone.gold!.values.actor.origin).toBe('decided')
    expect(withoutRun(gold, 'r1', coders, DIMS)).toEqual({ gold: null, removed: 2 })
  })
})

describe("an adjudicator's choice", () => {
  const coders = [coder('a', ['pro'], ['trump']), coder('b', ['contra'], ['kim'])]
  const comparisons = compareSentence(coders, DIMS, null)

  it("takes coder B's values and statements", () => {
    const values = chosenValues(
      comparisons,
      { kind: 'coder', coder: 'b' },
      { ...stamp, note: 'ironic' },
    )!
    expect(values.stance).toEqual({
      labels: ['contra'],
      coders: ['b'],
      origin: 'decided',
      by: 'cadj',
      at: stamp.at,
      note: 'ironic',
    })
    const gold = withValues(null, values, coders, DIMS)!
    expect(gold.statements).toEqual([
      { id: 'b-s1', values: { stance: ['contra'], actor: ['kim'] } },
    ])
  })

  it('edits labels no coder gave into one statement', () => {
    const values = chosenValues(
      comparisons,
      { kind: 'edit', values: { stance: ['neutral'], actor: ['kim'] } },
      stamp,
    )!
    expect(values.stance.coders).toEqual([])
    expect(goldStatements(values, coders, DIMS)).toEqual([
      { id: 's1', values: { stance: ['neutral'], actor: ['kim'] } },
    ])
  })

  it('has no majority to take between two coders who differ', () => {
    expect(chosenValues(comparisons, { kind: 'majority' }, stamp)).toEqual({})
    expect(chosenValues(comparisons, { kind: 'clear' }, stamp)).toBeNull()
  })
})

describe("each coder's agreement with gold", () => {
  it('counts percent agreement and kappa per coder and dimension', () => {
    const gold = new Map(
      ['pro', 'contra', 'pro', 'contra'].map((s, i) => [
        `d/u${i}`,
        {
          values: {
            stance: { labels: [s], coders: [], origin: 'decided' as const, by: 'x', at: '' },
          },
          statements: [],
        },
      ]),
    )
    const a = new Map(
      ['pro', 'contra', 'pro', 'contra'].map((s, i) => [
        `d/u${i}`,
        [{ id: 's', values: { stance: [s] } }],
      ]),
    )
    const b = new Map(
      ['pro', 'pro', 'pro', 'contra'].map((s, i) => [
        `d/u${i}`,
        [{ id: 's', values: { stance: [s] } }],
      ]),
    )
    const rows = goldAgreement(
      gold,
      new Map([
        ['a', a],
        ['b', b],
      ]),
      DIMS,
    )
    expect(rows).toEqual([
      { coder: 'a', dimension: 'stance', units: 4, percent: 1, kappa: 1 },
      // po = .75, pe = .5·.75 + .5·.25 = .5, κ = .5
      { coder: 'b', dimension: 'stance', units: 4, percent: 0.75, kappa: 0.5 },
    ])
  })
})
