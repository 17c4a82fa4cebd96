import { describe, expect, it } from 'vitest'
import type { SentenceAnnotation } from '../../electron/contract/model'
import {
  mergeWithNext,
  resegment,
  setIncluded,
  splitUnit,
} from '../../electron/core/annotation/unitEdits'
import { buildDocument, unitId } from '../../electron/core/corpus/document'
import { smallCodebook } from './helpers'
import { formatMessage } from '../../electron/contract/messages'

const TEXT =
  'Überschrift\n\nTrump traf Kim in Hanoi und beide lächelten. Das Treffen endete ohne Ergebnis. Beide reisten ab.'
const doc = buildDocument({ id: 'd', text: TEXT, meta: {} })
const [heading, first, second, third] = doc.units

function coded(
  values: Record<string, string[]>,
  extra: Partial<SentenceAnnotation> = {},
): SentenceAnnotation {
  return {
    statements: [{ id: 's1', values }],
    uncertain: false,
    note: '',
    annotator: 'A',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    codebookVersion: 1,
    ...extra,
  }
}

describe('splitting a sentence', () => {
  it('keeps the labels on both halves and marks them for review', () => {
    const at = TEXT.indexOf('und beide')
    const r = splitUnit(
      doc,
      { [first.id]: coded({ stance: ['pro'], actor: ['trump'] }) },
      first.id,
      at,
    )
    const texts = r.document.units.map((u) => TEXT.slice(u.start, u.end))
    expect(texts).toContain('Trump traf Kim in Hanoi')
    expect(texts).toContain('und beide lächelten.')
    expect(r.review).toHaveLength(2)
    for (const id of r.review) {
      expect(r.annotations[id].statements[0].values).toEqual({ stance: ['pro'], actor: ['trump'] })
      expect(r.annotations[id].needsReview).toMatch(/^split/)
    }
    expect(r.annotations[first.id]).toBeUndefined()
  })

  it('refuses a point at the edge of the sentence', () => {
    expect(() => splitUnit(doc, {}, first.id, first.start)).toThrow(
      'Choose a point inside the sentence to split it.',
    )
    expect(() => splitUnit(doc, {}, first.id, first.end)).toThrow(/inside the sentence/)
  })
})

describe('merging with the next sentence', () => {
  it('unites the labels and flags a conflict in a single-choice dimension', () => {
    const r = mergeWithNext(
      doc,
      {
        [first.id]: coded({ stance: ['pro'], actor: ['trump'] }, { note: 'eins' }),
        [second.id]: coded(
          { stance: ['contra'], actor: ['kim'] },
          { note: 'zwei', uncertain: true },
        ),
      },
      first.id,
      smallCodebook,
    )
    const merged = r.document.units.find((u) => u.start === first.start)!
    expect(merged.id).toBe(unitId(first.start, second.end))
    const a = r.annotations[merged.id]
    expect(a.statements[0].values).toEqual({ stance: ['pro'], actor: ['trump', 'kim'] })
    expect(a.needsReview).toBe('merge conflict: Stance: pro vs contra')
    expect(a.note).toBe('eins\nzwei')
    expect(a.uncertain).toBe(true)
    expect(formatMessage(r.message)).toMatch(/conflict/)
  })

  it('keeps the labels of one annotated half, marked for review', () => {
    const r = mergeWithNext(
      doc,
      { [second.id]: coded({ stance: ['pro'] }) },
      first.id,
      smallCodebook,
    )
    const merged = unitId(first.start, second.end)
    expect(r.annotations[merged].statements[0].values).toEqual({ stance: ['pro'] })
    expect(r.review).toEqual([merged])
  })

  it('refuses to merge the last unit', () => {
    expect(() => mergeWithNext(doc, {}, third.id, smallCodebook)).toThrow(/last unit/)
  })
})

describe('including non-sentence units and segmenting again', () => {
  it('includes a heading for coding and excludes it again, keeping its labels', () => {
    const included = setIncluded(doc, {}, heading.id, true)
    expect(included.document.units[0]).toMatchObject({ kind: 'heading', included: true })
    const excluded = setIncluded(
      included.document,
      { [heading.id]: coded({ stance: ['pro'] }) },
      heading.id,
      false,
    )
    expect(excluded.document.units[0].included).toBeUndefined()
    expect(excluded.annotations[heading.id]).toBeDefined()
  })

  it('keeps annotations whose sentence still exists and moves the others onto their new sentence for review', () => {
    const split = splitUnit(doc, {}, first.id, TEXT.indexOf('und beide'))
    const halves = split.document.units.filter((u) => u.start >= first.start && u.end <= first.end)
    const annotations = {
      [halves[0].id]: coded({ stance: ['pro'] }),
      [third.id]: coded({ stance: ['contra'] }),
    }
    const r = resegment(split.document, annotations, smallCodebook)
    expect(r.document.units.map((u) => u.id)).toEqual(doc.units.map((u) => u.id))
    expect(r.annotations[third.id]).toEqual(annotations[third.id])
    expect(r.annotations[first.id].statements[0].values).toEqual({ stance: ['pro'] })
    expect(r.annotations[first.id].needsReview).toMatch(/^resegmented/)
    expect(r.review).toEqual([first.id])
  })
})
