import { describe, expect, it } from 'vitest'
import { move, removedIds, slugOf, uniqueId } from '../../electron/common/codebookDraft'
import { smallCodebook } from './helpers'

describe('editing a codebook', () => {
  it('derives stable ASCII ids from names, unique among those taken', () => {
    expect(slugOf('Kim Jong Un', 'label')).toBe('kim-jong-un')
    expect(slugOf('Außenpolitik & Öl', 'label')).toBe('aussenpolitik-oel')
    expect(slugOf('„…“', 'label')).toBe('label')
    expect(uniqueId('Trump', 'label', new Set(['trump', 'trump-2']))).toBe('trump-3')
  })

  it('moves an item one place and leaves the ends alone', () => {
    const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
    move(list, 'c', -1)
    expect(list.map((x) => x.id)).toEqual(['a', 'c', 'b'])
    move(list, 'a', -1)
    expect(list.map((x) => x.id)).toEqual(['a', 'c', 'b'])
  })

  it('names what a new version removes, and not what it renames', () => {
    const next = structuredClone(smallCodebook)
    next.dimensions[0].labels[0].name = 'dafür'
    next.dimensions[0].labels.splice(1, 1)
    next.dimensions.splice(1, 1)
    const removed = removedIds(smallCodebook, next)
    expect([...removed.labels].sort()).toEqual(['contra', 'kim', 'trump'])
    expect([...removed.dimensions]).toEqual(['actor'])
  })
})
