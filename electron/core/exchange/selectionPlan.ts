/**
 * What one source of a REFI-QDA export holds: per coder and coded sentence one selection, with
 * a coding per label (the statements of a sentence flattened: the standard has none) and the
 * sentence's note. Plain data, in the order the project file lists them (by position, then by
 * coder); what cannot be carried over is counted for the export's warnings.
 */
import type { SentenceAnnotation, Unit } from '../../contract/model'
import { guidFor } from './guid'

export interface PlannedSelection {
  guid: string
  /** The sentence's beginning, as a name the QDA tool can show. */
  name: string
  /** Code point positions in the source file. */
  start: number
  end: number
  user: string
  createdAt?: string
  updatedAt?: string
  /** Code GUIDs, in codebook order. */
  codes: string[]
  note?: { guid: string; text: string; name: string }
}

export interface ExportTally {
  flattened: number
  uncertain: number
  unknownLabel: number
  unknownUnit: number
}

/** A coder's annotations on one document, with the units they were made on. */
export interface CoderOnDocument {
  userGuid: string
  annotations: Record<string, SentenceAnnotation>
  units: ReadonlyMap<string, Unit>
}

export interface PlanContext {
  documentId: string
  sourceGuid: string
  text: string
  /** The position in the source file (code points) of a position in the document's text. */
  positionOf: (i: number) => number
  /** Per `dimension/label` id pair, its code GUID and its place in the codebook. */
  codes: ReadonlyMap<string, { guid: string; order: number }>
  tally: ExportTally
}

/** xsd:dateTime wants a full ISO time; anything else is left out rather than made invalid. */
export function dateTime(s: string | undefined): string | undefined {
  return s && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(s)
    ? s
    : undefined
}

export function planSelections(coders: CoderOnDocument[], ctx: PlanContext): PlannedSelection[] {
  const planned: Array<{ at: number; order: number; selection: PlannedSelection }> = []
  coders.forEach((coder, order) => {
    for (const [unitId, a] of Object.entries(coder.annotations)) {
      const unit = coder.units.get(unitId)
      if (!unit) {
        ctx.tally.unknownUnit++
        continue
      }
      const labels = new Set<string>()
      for (const s of a.statements)
        for (const [dim, ids] of Object.entries(s.values))
          for (const id of ids) {
            if (ctx.codes.has(`${dim}/${id}`)) labels.add(`${dim}/${id}`)
            else ctx.tally.unknownLabel++
          }
      if (a.statements.filter((s) => Object.values(s.values).some((v) => v.length)).length > 1)
        ctx.tally.flattened++
      if (a.uncertain) ctx.tally.uncertain++
      const note = a.note.trim()
      if (labels.size === 0 && !note) continue
      const guid = guidFor('selection', ctx.sourceGuid, unitId, coder.userGuid)
      const codes = [...labels]
        .sort((p, q) => ctx.codes.get(p)!.order - ctx.codes.get(q)!.order)
        .map((key) => ctx.codes.get(key)!.guid)
      planned.push({
        at: unit.start,
        order,
        selection: {
          guid,
          name: ctx.text.slice(unit.start, unit.end).slice(0, 60),
          start: ctx.positionOf(unit.start),
          end: ctx.positionOf(unit.end),
          user: coder.userGuid,
          createdAt: dateTime(a.createdAt),
          updatedAt: dateTime(a.updatedAt),
          codes,
          ...(note
            ? {
                note: {
                  guid: guidFor('note', guid),
                  text: a.note,
                  name: `${ctx.documentId} ${unitId}`,
                },
              }
            : {}),
        },
      })
    }
  })
  planned.sort((p, q) => p.at - q.at || p.order - q.order)
  return planned.map((p) => p.selection)
}
