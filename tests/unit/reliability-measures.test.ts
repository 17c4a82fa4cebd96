import { describe, expect, it } from 'vitest'
import {
  coderMatrix,
  confusionMatrix,
  percentAgreement,
} from '../../electron/core/reliability/agreement'
import { alphaFromCoincidences, krippendorffAlpha } from '../../electron/core/reliability/alpha'
import { bootstrapAlpha } from '../../electron/core/reliability/bootstrap'
import { coincidenceMatrix, countCoincidences } from '../../electron/core/reliability/coincidences'
import {
  labelSet,
  type CodedValue,
  type LabelSet,
  type ReliabilityData,
} from '../../electron/core/reliability/data'
import { cohenKappa, fleissKappa } from '../../electron/core/reliability/kappa'
import {
  jaccardDistance,
  masiDistance,
  type MetricName,
} from '../../electron/core/reliability/metrics'
import { variableReport } from '../../electron/core/reliability/report'
import { countPresence, presenceOf, statementSet } from '../../electron/core/reliability/sets'
import { disagreements } from '../../electron/core/reliability/disagreements'
import { selectCoders } from '../../electron/core/reliability/data'
import { mulberry32 } from '../../electron/core/export/split'
import { verdict } from '../../electron/core/reliability/verdict'

/** Columns are coders, rows units; null = not coded. */
function data<V extends CodedValue>(coders: string[], rows: (V | null)[][]): ReliabilityData<V> {
  return {
    coders,
    units: rows.map((r, i) => ({ id: `u${i + 1}`, values: r.map((v) => v ?? undefined) })),
  }
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 coders,
// 12 units, values 1–5, 7 cells missing.
const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null]
const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3]
const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null]
const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null]
const krippendorff2011 = data(
  ['A', 'B', 'C', 'D'],
  A.map((_, u) => [A[u], B[u], C[u], D[u]]),
)

describe("Krippendorff's alpha", () => {
  it('reproduces the published values of Krippendorff 2011 for all four metrics', () => {
    expect(krippendorffAlpha(krippendorff2011, 'nominal').value).toBeCloseTo(0.743421, 6)
    expect(krippendorffAlpha(krippendorff2011, 'ordinal').value).toBeCloseTo(0.815388, 6)
    expect(krippendorffAlpha(krippendorff2011, 'interval').value).toBeCloseTo(0.849107, 6)
    expect(krippendorffAlpha(krippendorff2011, 'ratio').value).toBeCloseTo(0.797403, 6)
  })

  it("counts the paper's coincidence matrix: n = 40, o_11 = 7, o_12 = 4/3, unit 12 left out", () => {
    const c = countCoincidences(krippendorff2011)
    expect(c.n).toBe(40)
    expect(c.pairableUnits).toBe(11)
    const o = coincidenceMatrix(c)
    const at = (x: number) => c.values.indexOf(x)
    expect(o[at(1)][at(1)]).toBeCloseTo(7, 12)
    expect(o[at(1)][at(2)]).toBeCloseTo(4 / 3, 12)
    expect(o[at(5)][at(5)]).toBeCloseTo(3, 12)
    expect(o.flat().reduce((a, b) => a + b, 0)).toBeCloseTo(40, 12)
  })

  it('orders labels for the ordinal metric from the dimension, not the alphabet', () => {
    const stance = data(
      ['x', 'y'],
      [
        ['low', 'mid'],
        ['mid', 'mid'],
        ['high', 'high'],
        ['low', 'low'],
        ['mid', 'high'],
      ],
    )
    const asNumbers = data(
      ['x', 'y'],
      [
        [1, 2],
        [2, 2],
        [3, 3],
        [1, 1],
        [2, 3],
      ],
    )
    expect(krippendorffAlpha(stance, 'ordinal', { order: ['low', 'mid', 'high'] }).value).toBe(
      krippendorffAlpha(asNumbers, 'ordinal').value,
    )
    expect(krippendorffAlpha(stance, 'ordinal')).toMatchObject({
      value: null,
      reason: { code: 'reliability.metricNeedsOrder' },
    })
  })

  it('says "undefined" and why when nothing is pairable or nothing varies, never 1, 0 or NaN', () => {
    const lonely = data(
      ['x', 'y'],
      [
        ['pro', null],
        [null, 'contra'],
      ],
    )
    expect(krippendorffAlpha(lonely, 'nominal')).toEqual({
      value: null,
      reason: { code: 'reliability.undefined.nothingPairable' },
    })
    const same = data(
      ['x', 'y', 'z'],
      [
        ['pro', 'pro', 'pro'],
        ['pro', 'pro', null],
      ],
    )
    expect(krippendorffAlpha(same, 'nominal')).toMatchObject({
      value: null,
      reason: { code: 'reliability.undefined.noVariation' },
    })
    expect(verdict(krippendorffAlpha(same, 'nominal')).level).toBe('undefined')
    expect(krippendorffAlpha({ coders: ['x'], units: [] }, 'interval').value).toBeNull()
  })

  it('refuses metrics that do not fit the values, with a reason', () => {
    const words = data(
      ['x', 'y'],
      [
        ['a', 'b'],
        ['b', 'b'],
      ],
    )
    expect(krippendorffAlpha(words, 'interval')).toMatchObject({
      value: null,
      reason: { code: 'reliability.metricNeedsNumbers' },
    })
    const negative = data(
      ['x', 'y'],
      [
        [-1, 2],
        [2, 2],
        [3, 1],
      ],
    )
    expect(krippendorffAlpha(negative, 'ratio')).toMatchObject({
      value: null,
      reason: { code: 'reliability.metricNeedsNonNegative' },
    })
  })
})

describe('set-valued data', () => {
  it('MASI takes monotonicity exactly 1, 2/3, 1/3 and 0 (Passonneau 2006)', () => {
    expect(masiDistance(['a', 'b'], ['a', 'b'])).toBe(0)
    // subset: J = 1/2, M = 2/3
    expect(masiDistance(['a'], ['a', 'b'])).toBeCloseTo(1 - (1 / 2) * (2 / 3), 15)
    // overlap: J = 1/3, M = 1/3
    expect(masiDistance(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 - (1 / 3) * (1 / 3), 15)
    expect(masiDistance(['a'], ['b'])).toBe(1)
    expect(masiDistance([], [])).toBe(0)
    expect(masiDistance([], ['a'])).toBe(1)
    expect(jaccardDistance(['a', 'b'], ['b', 'c'])).toBeCloseTo(2 / 3, 15)
  })

  it('gives alpha per label as presence or absence where the coder coded the unit', () => {
    const actors = data<LabelSet>(
      ['x', 'y'],
      [
        [labelSet(['trump', 'kim']), labelSet(['trump'])],
        [labelSet(['kim']), labelSet(['kim'])],
        [labelSet([]), labelSet([])],
        [labelSet(['trump']), null],
      ],
    )
    const kim = presenceOf(actors, 'kim')
    expect(kim.units.map((u) => u.values)).toEqual([
      ['1', '0'],
      ['1', '1'],
      ['0', '0'],
      ['0', undefined],
    ])
    const report = variableReport(actors, { bootstrap: false })
    expect(report.kind).toBe('sets')
    expect(report.alphas.map((a) => a.metric)).toEqual(['masi', 'nominal', 'jaccard'])
    expect(report.labels?.map((l) => l.label)).toEqual(['kim', 'trump'])
    expect(report.labels?.[0].alpha.alpha.value).toBeCloseTo(
      krippendorffAlpha(kim, 'nominal').value as number,
      15,
    )
  })

  it('compares statements as (actor, concept, stance) triples: all three must agree', () => {
    const first = statementSet([
      { actor: 'trump', concept: 'sanctions', stance: 'pro' },
      { actor: 'kim', concept: 'summit', stance: 'pro' },
    ])
    const sameInOtherOrder = statementSet([
      { actor: 'kim', concept: 'summit', stance: 'pro' },
      { actor: 'trump', concept: 'sanctions', stance: 'pro' },
    ])
    const otherStance = statementSet([
      { actor: 'trump', concept: 'sanctions', stance: 'contra' },
      { actor: 'kim', concept: 'summit', stance: 'pro' },
    ])
    expect(sameInOtherOrder).toEqual(first)
    expect(masiDistance(first, otherStance)).toBeCloseTo(1 - (1 / 3) * (1 / 3), 15)
  })
})

describe('kappas, agreement, matrices', () => {
  it("Cohen's kappa: 20/5/10/15 yes-no table gives 0.4; undefined when both use one category", () => {
    const rows: string[][] = [
      ...Array(20).fill(['yes', 'yes']),
      ...Array(5).fill(['yes', 'no']),
      ...Array(10).fill(['no', 'yes']),
      ...Array(15).fill(['no', 'no']),
    ]
    expect(cohenKappa(data(['a', 'b'], rows))).toMatchObject({ value: expect.closeTo(0.4, 12) })
    expect(
      cohenKappa(
        data(
          ['a', 'b'],
          [
            ['x', 'x'],
            ['x', 'x'],
          ],
        ),
      ),
    ).toMatchObject({ value: null })
    expect(cohenKappa(data(['a', 'b', 'c'], [['x', 'x', 'y']]))).toMatchObject({
      notApplicable: { code: 'reliability.notApplicable.twoCoders' },
    })
    expect(cohenKappa(data(['a', 'b'], [['x', null]]))).toMatchObject({
      notApplicable: { code: 'reliability.notApplicable.incomplete', params: { count: 1 } },
    })
  })

  it("Fleiss' kappa on Fleiss' (1971) 10 × 14 table is 0.2099", () => {
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ]
    const rows = counts.map((row) =>
      row.flatMap((n, category) => Array<string>(n).fill(`c${category}`)),
    )
    const raters = Array.from({ length: 14 }, (_, i) => `r${i}`)
    expect(fleissKappa(data(raters, rows))).toMatchObject({ value: expect.closeTo(0.20993, 5) })
  })

  it('percent agreement pools the pairs of values within units', () => {
    const c = countCoincidences(
      data(
        ['x', 'y', 'z'],
        [
          ['a', 'a', 'b'],
          ['a', 'a', null],
        ],
      ),
    )
    // unit 1: 1 of 3 pairs agree; unit 2: 1 of 1
    expect(percentAgreement(c)).toEqual({ value: 2 / 4 })
  })

  it('the coder matrix and the confusion matrix show who disagrees with whom', () => {
    const d = data(
      ['anna', 'ben', 'cem'],
      [
        ['pro', 'pro', 'contra'],
        ['contra', 'contra', 'contra'],
        ['pro', 'pro', 'pro'],
        ['pro', null, 'contra'],
      ],
    )
    const pairs = coderMatrix(d, 'nominal')
    expect(pairs.map((p) => [p.first, p.second, p.units, p.percentAgreement.value])).toEqual([
      ['anna', 'ben', 3, 1],
      ['anna', 'cem', 4, 0.5],
      ['ben', 'cem', 3, 2 / 3],
    ])
    const m = confusionMatrix(d, 0, 2)
    expect(m.values).toEqual(['pro', 'contra'])
    expect(m.counts).toEqual([
      [1, 2],
      [0, 1],
    ])
  })
})

describe('the bootstrap of alpha', () => {
  const c = countCoincidences(krippendorff2011)
  const parts = alphaFromCoincidences(c, 'nominal')

  it('is reproducible from its seed and brackets the observed alpha', () => {
    const one = bootstrapAlpha(c, parts, { seed: 7, draws: 2000 })
    expect(bootstrapAlpha(c, parts, { seed: 7, draws: 2000 })).toEqual(one)
    expect(bootstrapAlpha(c, parts, { seed: 8, draws: 2000 })).not.toEqual(one)
    expect(one?.low).toBeLessThan(0.743421)
    expect(one?.high).toBeGreaterThan(0.743421)
    expect(one?.high).toBeLessThanOrEqual(1)
    // alpha .743 lies below .800: most resamples do too; fewer lie below .667.
    expect(one?.pBelow800).toBeGreaterThan(0.5)
    expect(one?.pBelow667).toBeLessThan(one?.pBelow800 as number)
  })

  it('draws the distribution that drawing pair by pair from the coincidences gives', () => {
    // The plain algorithm: each resample draws as many pairs as the data hold, each from a
    // cell of the coincidence matrix with probability o_ck / n; D_o is their mean difference.
    const interval = alphaFromCoincidences(c, 'interval')
    const o = coincidenceMatrix(c)
    const cells: { p: number; d: number }[] = []
    o.forEach((row, i) =>
      row.forEach((w, j) => {
        if (w > 0) cells.push({ p: w / c.n, d: (c.values[i] as number) - (c.values[j] as number) })
      }),
    )
    const r = mulberry32(2024)
    const draws = 4000
    const plain: number[] = []
    for (let b = 0; b < draws; b++) {
      let sum = 0
      for (let k = 0; k < c.pairs; k++) {
        let u = r()
        let cell = cells[cells.length - 1]
        for (const x of cells) {
          if (u < x.p) {
            cell = x
            break
          }
          u -= x.p
        }
        sum += cell.d ** 2
      }
      plain.push(1 - sum / c.pairs / (interval.expected as number))
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)))
    const sorted = [...plain].sort((a, b) => a - b)
    const ours = bootstrapAlpha(c, interval, { draws, seed: 5 })
    // 4,000 resamples each: the interval ends agree to Monte-Carlo error.
    expect(Math.abs((ours?.low as number) - sorted[Math.floor(0.025 * draws)])).toBeLessThan(0.02)
    expect(Math.abs((ours?.high as number) - sorted[Math.floor(0.975 * draws)])).toBeLessThan(0.02)
    expect(mean(plain)).toBeCloseTo(interval.alpha.value as number, 2)
    expect(sd(plain)).toBeGreaterThan(0.03)
    expect(
      Math.abs((ours?.pBelow800 as number) - plain.filter((a) => a < 0.8).length / draws),
    ).toBeLessThan(0.03)
  })

  it('has no interval for an undefined alpha, and a point interval for perfect agreement', () => {
    const same = data(['x', 'y'], [['a', 'a']])
    const sc = countCoincidences(same)
    expect(bootstrapAlpha(sc, alphaFromCoincidences(sc, 'nominal'))).toBeUndefined()
    const perfect = data(
      ['x', 'y'],
      [
        ['a', 'a'],
        ['b', 'b'],
        ['c', 'c'],
      ],
    )
    const pc = countCoincidences(perfect)
    expect(bootstrapAlpha(pc, alphaFromCoincidences(pc, 'nominal'))).toMatchObject({
      low: 1,
      high: 1,
      pBelow800: 0,
      pBelow667: 0,
    })
  })

  it('turns into a plain verdict per variable', () => {
    const report = variableReport(krippendorff2011, { metric: 'nominal', bootstrap: { seed: 1 } })
    expect(report.alphas[0].verdict).toMatchObject({
      level: 'tentative',
      message: { code: 'reliability.verdict.tentative' },
      uncertain: true,
    })
  })
})

describe('the fast paths give the figures of the plain definitions', () => {
  // 6 coders, 150 units, sets of 8 labels and a 5-point scale, 10 % of cells empty.
  const r = mulberry32(99)
  const labels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']
  const coders = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']
  const rows = Array.from({ length: 150 }, () => {
    const truth = labels.filter(() => r() < 0.3)
    return coders.map(() => (r() < 0.1 ? null : r() < 0.7 ? truth : labels.filter(() => r() < 0.3)))
  })
  const sets = data<LabelSet>(
    coders,
    rows.map((row) => row.map((v) => (v ? labelSet(v) : null))),
  )
  const scale = data<number>(
    coders,
    rows.map((row) => row.map((v) => (v ? v.length : null))),
  )

  it('the coder matrix equals alpha of each pair of coders on its own', () => {
    for (const [d, metric] of [
      [sets, 'masi'],
      [sets, 'jaccard'],
      [sets, 'nominal'],
      [scale, 'interval'],
      [scale, 'ratio'],
      [scale, 'ordinal'],
    ] as [ReliabilityData, MetricName][]) {
      const matrix = coderMatrix(d, metric)
      expect(matrix).toHaveLength(15)
      for (const pair of matrix) {
        const i = coders.indexOf(pair.first)
        const j = coders.indexOf(pair.second)
        const alone = krippendorffAlpha(selectCoders(d, [i, j]), metric).value as number
        expect(Math.abs((pair.alpha.value as number) - alone), `${metric} ${i}-${j}`).toBeLessThan(
          1e-12,
        )
      }
    }
  })

  it('presence counted from the sets equals presence counted cell by cell', () => {
    for (const label of labels) {
      const fast = alphaFromCoincidences(countPresence(sets, label), 'nominal').alpha
        .value as number
      const plain = krippendorffAlpha(presenceOf(sets, label), 'nominal').value as number
      expect(Math.abs(fast - plain)).toBeLessThan(1e-12)
      expect(percentAgreement(countPresence(sets, label)).value).toBeCloseTo(
        percentAgreement(countCoincidences(presenceOf(sets, label))).value as number,
        12,
      )
    }
  })
})

describe('the disagreements to discuss', () => {
  it('lists the sentences where coders differ, side by side, filterable by label', () => {
    const actors = data<LabelSet>(
      ['anna', 'ben', 'cem'],
      [
        [labelSet(['trump']), labelSet(['trump']), null],
        [labelSet(['trump', 'kim']), labelSet(['trump']), labelSet(['kim', 'trump'])],
        [labelSet(['kim']), null, null],
        [labelSet([]), labelSet(['moon']), labelSet([])],
      ],
    )
    const all = disagreements(actors)
    expect(all.map((d) => d.unit)).toEqual(['u2', 'u4'])
    expect(all[0].values).toEqual([
      { coder: 'anna', value: ['kim', 'trump'] },
      { coder: 'ben', value: ['trump'] },
      { coder: 'cem', value: ['kim', 'trump'] },
    ])
    expect(disagreements(actors, { label: 'kim' }).map((d) => d.unit)).toEqual(['u2'])
    expect(disagreements(actors, { label: 'trump' })).toEqual([])
    const stance = data(
      ['a', 'b'],
      [
        ['pro', 'pro'],
        ['pro', 'contra'],
        ['neutral', 'contra'],
      ],
    )
    expect(disagreements(stance, { label: 'pro' }).map((d) => d.unit)).toEqual(['u2'])
  })
})
