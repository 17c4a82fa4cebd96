import { describe, expect, it } from 'vitest'
import { fold } from '../../electron/common/fold'
import { foldWithOffsets, highlightRanges, searchWords } from '../../electron/core/search'

const shown = (text: string, query: string) =>
  highlightRanges(text, searchWords(query)).map((r) => text.slice(r.start, r.end))

describe('finding by words', () => {
  it('folds character by character exactly as the search folds the whole text', () => {
    for (const text of [
      'München, Straße, Muenchen',
      'ÄRGER über Öl, Feuer und Crème brûlée',
      'Pjöngjang – Pjoengjang – Pjongjang',
    ])
      expect(foldWithOffsets(text).folded).toBe(fold(text))
  })

  it('splits the words, folded, each once', () => {
    expect(searchWords('  Straße  strasse München ')).toEqual(['strasse', 'munchen'])
    expect(searchWords('')).toEqual([])
  })

  it('highlights every word where the original text has it, however it is spelt', () => {
    expect(shown('In München an der Straße traf Trump Kim.', 'strasse muenchen')).toEqual([
      'München',
      'Straße',
    ])
    expect(shown('Ein Muenchner in Pjöngjang', 'münchner pjoengjang')).toEqual([
      'Muenchner',
      'Pjöngjang',
    ])
    expect(shown('Raketentests und Raketentest', 'raketentest')).toEqual([
      'Raketentest',
      'Raketentest',
    ])
  })

  it('merges overlapping hits into one highlight', () => {
    expect(shown('Trump-Kim-Gipfel', 'trump-kim kim-gipfel')).toEqual(['Trump-Kim-Gipfel'])
  })
})
