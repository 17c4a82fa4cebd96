/**
 * A REFI-QDA code tree as a codebook. Two levels map as they are: a top-level code with
 * sub-codes is a dimension, its sub-codes are the labels. Deeper codes are flattened into
 * labels of their dimension ("Parent / Child") with a note in the report; top-level codes
 * without sub-codes become the labels of one dimension named after the project's code system.
 * Codes already in the codebook (same GUID as we export it, or the same name) keep their ids.
 */
import type { Codebook, Dimension, Label } from '../../contract/model'
import { msg, type Message } from '../../contract/messages'
import { uniqueId } from '../../common/codebookDraft'
import { guidFor } from './guid'
import type { QdpxCode } from './qdpxRead'

export type CodeTarget =
  | { kind: 'label'; dimensionId: string; labelId: string; name: string }
  | { kind: 'dimension'; name: string }

export interface MappedCodebook {
  codebook: Codebook
  /** Per code GUID, what it became. */
  codes: Map<string, CodeTarget>
  added: number
  messages: Message[]
}

/** A colour-blind-safe palette (Okabe & Ito) for codes that bring none. */
const PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#000000',
]

const LOOSE_DIMENSION = 'Codes'

function colour(c: string | undefined, i: number): string {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c?.trim() ?? '')
  if (!m) return PALETTE[i % PALETTE.length]
  const hex = m[1].length === 3 ? [...m[1]].map((d) => d + d).join('') : m[1]
  return `#${hex.toLowerCase()}`
}

function same(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()
}

export function mapCodeTree(codes: QdpxCode[], existing: Codebook): MappedCodebook {
  const dimensions: Dimension[] = existing.dimensions.map((d) => ({ ...d, labels: [...d.labels] }))
  const dimIds = new Set(dimensions.map((d) => d.id))
  // Label ids are unique across the codebook (common/codebookRules.ts), as the editor makes them.
  const labelIds = new Set(dimensions.flatMap((d) => d.labels.map((l) => l.id)))
  const targets = new Map<string, CodeTarget>()
  const messages: Message[] = []
  let added = 0

  function dimensionFor(code: { guid?: string; name: string }): Dimension {
    let d = dimensions.find((x) => code.guid && guidFor('code', x.id) === code.guid)
    d ??= dimensions.find((x) => same(x.name, code.name))
    if (!d) {
      d = {
        id: uniqueId(code.name, 'dimension', dimIds),
        name: code.name.trim() || 'Codes',
        multi: false,
        labels: [],
      }
      dimensions.push(d)
      dimIds.add(d.id)
    }
    return d
  }

  function labelFor(d: Dimension, code: QdpxCode, name: string): void {
    let l: Label | undefined = d.labels.find((x) => guidFor('code', d.id, x.id) === code.guid)
    l ??= d.labels.find((x) => same(x.name, name))
    if (!l) {
      // Our own export's GUIDs come from the ids, so a label named as its id (the default
      // codebook's are) gets its id back, and exporting again gives the same GUIDs.
      const id = uniqueId(name, 'label', labelIds)
      labelIds.add(id)
      l = {
        id,
        name: name.trim() || id,
        color: colour(code.color, d.labels.length),
        hotkey: '',
        definition: code.description?.trim() ?? '',
        examples: [],
      }
      d.labels.push(l)
      added++
    }
    targets.set(code.guid, { kind: 'label', dimensionId: d.id, labelId: l.id, name: l.name })
  }

  function flatten(d: Dimension, code: QdpxCode, path: string): void {
    for (const c of code.children) {
      const name = `${path} / ${c.name}`
      labelFor(d, c, name)
      messages.push(
        msg('qdpx.codebook.flattened', { code: c.name, label: name, dimension: d.name }),
      )
      flatten(d, c, name)
    }
  }

  const loose = codes.filter((c) => c.children.length === 0)
  for (const code of codes) {
    if (code.children.length === 0) continue
    const d = dimensionFor(code)
    targets.set(code.guid, { kind: 'dimension', name: d.name })
    for (const c of code.children) {
      labelFor(d, c, c.name)
      flatten(d, c, c.name)
    }
  }
  if (loose.length) {
    const d = dimensionFor({ name: LOOSE_DIMENSION })
    d.multi = true
    for (const c of loose) labelFor(d, c, c.name)
    messages.push(msg('qdpx.codebook.looseCodes', { count: loose.length, dimension: d.name }))
  }
  if (added) messages.push(msg('qdpx.codebook.added', { count: added }))
  return { codebook: { ...existing, dimensions }, codes: targets, added, messages }
}
