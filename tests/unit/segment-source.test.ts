import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { normaliseText } from '../../electron/core/corpus/document'
import { segmentText } from '../../electron/core/corpus/segment'
import { normaliseMapped, segmentSource } from '../../electron/core/corpus/sourceText'
import { SAMPLE_CORPUS } from './helpers'

const articles = readdirSync(SAMPLE_CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(SAMPLE_CORPUS, f), 'utf8'))

/** The same article as other tools write it: leading blanks, CRLF, decomposed umlauts, a soft hyphen. */
function asWrittenElsewhere(text: string): string {
  return `\u00a0 ${text.replace(/\n/g, '\r\n').normalize('NFD').replace('Gipfel', 'Gip\u00adfel')}`
}

describe('segmentSource: units of a text as a file holds it', () => {
  it('finds the units the app finds in the stored text, at offsets into the input', () => {
    for (const article of articles) {
      const input = asWrittenElsewhere(article)
      const stored = normaliseText(input.replace(/\u00ad/g, ''))
      const units = segmentSource(input)
      expect(units.map((u) => u.kind)).toEqual(segmentText(stored).map((s) => s.kind))
      expect(units.map((u) => normaliseText(u.text.replace(/\u00ad/g, '')))).toEqual(
        segmentText(stored).map((s) => s.text),
      )
      for (const u of units) expect(input.slice(u.start, u.end)).toBe(u.text)
    }
  })

  it('maps every normalised character back to the span it came from', () => {
    const input = 'a\r\nu\u0308\u00adb\rc'
    const m = normaliseMapped(input)
    expect(m.text).toBe('a\nüb\nc')
    expect([...m.from]).toEqual([0, 1, 3, 6, 7, 8])
    expect([...m.to]).toEqual([1, 3, 5, 7, 8, 9])
  })
})
