/**
 * Maps the coded selections of one source onto the sentences of the document it became. A
 * selection that covers a sentence gives that sentence its codes; one that covers only part of
 * a sentence is reported, never guessed, and so is one that covers no sentence at all.
 */
import { isAnnotatable, type Unit } from '../../contract/model'
import { msg, type Message } from '../../contract/messages'
import type { CodeTarget } from './codeTree'
import type { QdpxSelection } from './qdpxRead'
import type { MappedSourceText } from './sourceText'

/** What one coder gave one sentence. */
export interface MappedSentence {
  /** Label ids per dimension id, in the order the codings came. */
  values: Record<string, string[]>
  notes: string[]
  createdAt?: string
  modifiedAt?: string
}

/** Per coder key (the user GUID), per unit id. */
export type MappedCodings = Map<string, Map<string, MappedSentence>>

export interface SelectionContext {
  source: string
  text: MappedSourceText
  units: Unit[]
  codes: Map<string, CodeTarget>
  notes: Map<string, string>
  /** The user a coding without a creating user belongs to. */
  defaultUser: string
  userName: (guid: string) => string
}

function excerpt(s: string, max = 60): string {
  const flat = s.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`
}

export function mapSelections(
  selections: QdpxSelection[],
  ctx: SelectionContext,
  into: MappedCodings,
): Message[] {
  const problems: Message[] = []
  const units = ctx.units.filter(isAnnotatable)
  for (const sel of selections) {
    const where = { source: ctx.source, start: sel.start, end: sel.end }
    if (
      !Number.isInteger(sel.start) ||
      !Number.isInteger(sel.end) ||
      sel.start < 0 ||
      sel.end > ctx.text.length ||
      sel.start >= sel.end
    ) {
      problems.push(msg('qdpx.outOfRange', where))
      continue
    }
    const start = ctx.text.toText(sel.start)
    const end = ctx.text.toText(sel.end)
    const touched = units.filter((u) => u.start < end && u.end > start)
    const covered = touched.filter((u) => start <= u.start && end >= u.end)
    const partial = touched.filter((u) => !covered.includes(u))
    const noteTexts = sel.notes.map((g) => ctx.notes.get(g)).filter((n): n is string => !!n?.trim())
    const users = new Set<string>()
    for (const coding of sel.codings) {
      const target = ctx.codes.get(coding.code)
      const user = coding.user ?? sel.user ?? ctx.defaultUser
      if (!target) {
        problems.push(msg('qdpx.unknownCode', where))
        continue
      }
      if (target.kind === 'dimension') {
        problems.push(msg('qdpx.codeIsDimension', { ...where, code: target.name }))
        continue
      }
      const named = { ...where, code: target.name, user: ctx.userName(user) }
      for (const u of partial)
        problems.push(
          msg('qdpx.partialOverlap', {
            ...named,
            excerpt: excerpt(ctx.text.text.slice(u.start, u.end)),
          }),
        )
      if (touched.length === 0) problems.push(msg('qdpx.noSentence', named))
      users.add(user)
      for (const u of covered) {
        const s = sentence(into, user, u.id)
        const ids = (s.values[target.dimensionId] ??= [])
        if (!ids.includes(target.labelId)) ids.push(target.labelId)
        s.createdAt ??= coding.createdAt ?? sel.createdAt
        s.modifiedAt ??= sel.modifiedAt
      }
    }
    // A memo belongs with the sentences of the coder who wrote the selection.
    if (noteTexts.length && covered.length) {
      const owner = sel.user ?? [...users][0] ?? ctx.defaultUser
      for (const u of covered) {
        const s = sentence(into, owner, u.id)
        for (const n of noteTexts) if (!s.notes.includes(n)) s.notes.push(n)
        s.createdAt ??= sel.createdAt
      }
    }
  }
  return problems
}

function sentence(into: MappedCodings, user: string, unitId: string): MappedSentence {
  let layer = into.get(user)
  if (!layer) into.set(user, (layer = new Map()))
  let s = layer.get(unitId)
  if (!s) layer.set(unitId, (s = { values: {}, notes: [] }))
  return s
}
