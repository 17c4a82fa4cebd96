/**
 * Label suggestions from the codebook's aliases: where a label's alias occurs in a sentence, the
 * label is offered, and the mention highlighted. Pure, so the renderer can run it per keystroke.
 */
import type { Codebook } from '../contract/model'

export interface Mention {
  dimensionId: string
  labelId: string
  start: number
  end: number
}

const WORD = /[\p{L}\p{N}]/u

function isWordChar(text: string, i: number): boolean {
  return i >= 0 && i < text.length && WORD.test(text[i])
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A compiled matcher per codebook; build it once and reuse it for every sentence. */
export function compileSuggester(codebook: Codebook): (text: string) => Mention[] {
  const entries: Array<{ alias: string; dimensionId: string; labelId: string }> = []
  for (const d of codebook.dimensions)
    for (const l of d.labels)
      for (const alias of l.aliases ?? [])
        if (alias.trim()) entries.push({ alias: alias.trim(), dimensionId: d.id, labelId: l.id })
  if (entries.length === 0) return () => []
  // Longest aliases first, so "Donald Trump" wins over "Trump" at the same place.
  entries.sort((a, b) => b.alias.length - a.alias.length)
  const byAlias = new Map(entries.map((e) => [e.alias, e]))
  const pattern = new RegExp(entries.map((e) => escapeRegExp(e.alias)).join('|'), 'gu')
  return (text) => {
    const out: Mention[] = []
    pattern.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = pattern.exec(text)) !== null) {
      const start = m.index
      const end = start + m[0].length
      // Whole words only: "Kim" in "Kimchi" is no mention; "Kim-Regime" and "Trumps" are.
      if (isWordChar(text, start - 1)) continue
      const genitive = text[end] === 's' && !isWordChar(text, end + 1)
      if (isWordChar(text, end) && !genitive) continue
      const entry = byAlias.get(m[0])
      if (entry) out.push({ dimensionId: entry.dimensionId, labelId: entry.labelId, start, end })
    }
    return out
  }
}

/** The mentions whose label the analyst has not dismissed for this sentence. */
export function withoutDismissed(mentions: Mention[], dismissed?: readonly string[]): Mention[] {
  if (!dismissed?.length) return mentions
  const gone = new Set(dismissed)
  return mentions.filter((m) => !gone.has(m.labelId))
}

/** One suggestion per label, in the order of the text, leaving out labels already given. */
export function openMentions(mentions: Mention[], given: (m: Mention) => boolean): Mention[] {
  const seen = new Set<string>()
  return mentions.filter((m) => {
    if (seen.has(m.labelId) || given(m)) return false
    seen.add(m.labelId)
    return true
  })
}
