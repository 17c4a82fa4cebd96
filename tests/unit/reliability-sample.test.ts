import { describe, expect, it } from 'vitest'
import { UserError } from '../../electron/core/errors'
import {
  drawSample,
  normalQuantile,
  requiredSampleSize,
  type SampleCandidate,
} from '../../electron/core/reliability/sample'

const documents: SampleCandidate[] = Array.from({ length: 100 }, (_, i) => ({
  id: `doc-${String(i).padStart(3, '0')}`,
  // 60 from one outlet, 30 from another, 10 from a third
  stratum: i < 60 ? 'FAZ' : i < 90 ? 'SZ' : 'taz',
}))

describe('drawing a reliability sample', () => {
  it('is reproducible from its seed, whatever order the documents come in', () => {
    const first = drawSample(documents, { size: 10, seed: 42 })
    expect(first).toHaveLength(10)
    expect(new Set(first).size).toBe(10)
    expect(drawSample([...documents].reverse(), { size: 10, seed: 42 })).toEqual(first)
    expect(drawSample(documents, { size: 10, seed: 43 })).not.toEqual(first)
  })

  it('stratified by outlet, gives each outlet its share of the sample', () => {
    const sample = drawSample(documents, { size: 20, seed: 5, stratified: true })
    const outlet = new Map(documents.map((d) => [d.id, d.stratum]))
    const per = (name: string) => sample.filter((id) => outlet.get(id) === name).length
    expect([per('FAZ'), per('SZ'), per('taz')]).toEqual([12, 6, 2])
    // Largest remainders: 7 of 100 → 4.2, 2.1, 0.7 → 4, 2, 1
    const small = drawSample(documents, { size: 7, seed: 5, stratified: true })
    expect(small.map((id) => outlet.get(id)).sort()).toEqual([
      'FAZ',
      'FAZ',
      'FAZ',
      'FAZ',
      'SZ',
      'SZ',
      'taz',
    ])
  })

  it('refuses a sample larger than the corpus or of no size, with the numbers', () => {
    expect(() => drawSample(documents, { size: 101, seed: 1 })).toThrow(UserError)
    try {
      drawSample(documents, { size: 101, seed: 1 })
    } catch (e) {
      expect((e as UserError).toMessage()).toEqual({
        code: 'reliability.sample.tooLarge',
        params: { size: 101, available: 100 },
      })
    }
    expect(() => drawSample(documents, { size: 0, seed: 1 })).toThrow(/at least 1/)
    expect(() => drawSample(documents, { size: 2.5, seed: 1 })).toThrow(UserError)
  })
})

describe('the sample-size helper (Krippendorff after Bloch and Kraemer)', () => {
  it("reproduces Krippendorff's table: four equally likely labels, p = .05", () => {
    expect(requiredSampleSize({ minimumAlpha: 0.8, significance: 0.05, smallestShare: 0.25 })).toBe(
      139,
    )
    expect(
      requiredSampleSize({ minimumAlpha: 0.667, significance: 0.05, smallestShare: 0.25 }),
    ).toBe(81)
  })

  it('asks for more units for rarer categories, stricter alphas and levels', () => {
    const base = { minimumAlpha: 0.8, significance: 0.05, smallestShare: 0.25 }
    const n = requiredSampleSize(base)
    expect(requiredSampleSize({ ...base, smallestShare: 0.1 })).toBeGreaterThan(n)
    expect(requiredSampleSize({ ...base, minimumAlpha: 0.9 })).toBeGreaterThan(n)
    expect(requiredSampleSize({ ...base, significance: 0.01 })).toBeGreaterThan(n)
  })

  it('refuses impossible parameters', () => {
    expect(() =>
      requiredSampleSize({ minimumAlpha: 1, significance: 0.05, smallestShare: 0.25 }),
    ).toThrow(UserError)
    expect(() =>
      requiredSampleSize({ minimumAlpha: 0.8, significance: 0.05, smallestShare: 0 }),
    ).toThrow(UserError)
  })

  it('uses the one-tailed normal quantiles', () => {
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 8)
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 8)
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408408, 8)
  })
})
