/**
 * The gold layer on disk. Every adjudicator writes only their own folder,
 *
 *   gold/<adjudicator-id>/<document-id>.json
 *
 * so the one-writer rule of the team layout holds for gold too and any sync engine carries it
 * without merging a file. Two adjudicators on two machines (dividing the documents, or one
 * taking over from the other) each keep a file per document they worked on; the gold of a
 * sentence is the most recent decision among them (ties broken by adjudicator id), the same on
 * every machine whatever order the files arrived in. Another adjudicator's file is read like any
 * file from sync: validated, never repaired, a damaged one reported and skipped.
 */
import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { AcceptRun, GoldSentence } from '../../contract/adjudication'
import { msg } from '../../contract/messages'
import { decodeId, encodeId } from '../storage/bulkRead'
import { writeDurably } from '../storage/durableFile'
import { isConflictCopy, isTransient } from '../team/layout'
import type { TeamProblem } from '../team/problems'
import { bySchema, readUntrusted } from '../team/untrusted'

export const GOLD_DIR = 'gold'
export const GOLD_SCHEMA_VERSION = 1

/** One adjudicator's gold of one document. */
export interface GoldFile {
  schemaVersion: number
  documentId: string
  adjudicator: string
  sentences: Record<string, GoldSentence>
  /** The automatic acceptances that set values in this document, with their count here. */
  runs: AcceptRun[]
}

const labels = z.array(z.string().max(200)).max(500)
const goldValueSchema = z.object({
  labels,
  coders: z.array(z.string().max(200)).max(500),
  origin: z.enum(['unanimous', 'majority', 'decided']),
  by: z.string().max(200),
  at: z.string().max(40),
  note: z.string().max(10_000).optional(),
  run: z.string().max(100).optional(),
})
const statementSchema = z.object({
  id: z.string().max(200),
  values: z.record(z.string(), labels),
})
export const goldFileSchema = z.object({
  schemaVersion: z.literal(GOLD_SCHEMA_VERSION),
  documentId: z.string(),
  adjudicator: z.string(),
  sentences: z.record(
    z.string(),
    z.object({
      values: z.record(z.string(), goldValueSchema),
      statements: z.array(statementSchema).max(500),
    }),
  ),
  runs: z.array(
    z.object({
      id: z.string().max(100),
      rule: z.enum(['unanimous', 'majority']),
      by: z.string().max(200),
      at: z.string().max(40),
      values: z.number().int().nonnegative(),
    }),
  ),
})

const readGold = bySchema(goldFileSchema)

/** True when some adjudicator has written gold in the project folder `dir` (a quick look). */
export async function hasGold(dir: string): Promise<boolean> {
  const folders = await readdir(join(dir, GOLD_DIR), { withFileTypes: true }).catch(() => [])
  for (const f of folders)
    if (f.isDirectory() && !isTransient(f.name)) {
      const names = await readdir(join(dir, GOLD_DIR, f.name)).catch(() => [] as string[])
      if (names.some((n) => n.endsWith('.json') && !isConflictCopy(n))) return true
    }
  return false
}

function latest(sentence: GoldSentence): string {
  let at = ''
  for (const v of Object.values(sentence.values)) if (v.at > at) at = v.at
  return at
}

export class GoldStore {
  /** adjudicator → document id → file */
  private files = new Map<string, Map<string, GoldFile>>()
  problems: TeamProblem[] = []

  constructor(
    private readonly dir: string,
    private readonly me: string,
  ) {}

  /** Reads every adjudicator's folder anew (small files: one per adjudicated document). */
  async load(): Promise<void> {
    const root = join(this.dir, GOLD_DIR)
    const files = new Map<string, Map<string, GoldFile>>()
    const problems: TeamProblem[] = []
    const folders = await readdir(root, { withFileTypes: true }).catch(() => [])
    for (const folder of folders.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!folder.isDirectory() || isTransient(folder.name)) continue
      const byDocument = new Map<string, GoldFile>()
      for (const name of (await readdir(join(root, folder.name))).sort()) {
        const rel = join(GOLD_DIR, folder.name, name)
        if (isConflictCopy(name)) {
          problems.push({
            path: rel,
            kind: 'conflict-copy',
            message: msg('team.conflictCopy', { path: rel }),
          })
          continue
        }
        if (isTransient(name) || !name.endsWith('.json')) continue
        try {
          const file = await readUntrusted(join(this.dir, rel), readGold)
          const documentId = decodeId(name.slice(0, -'.json'.length))
          if (file.documentId !== documentId || file.adjudicator !== folder.name)
            throw new Error(`it holds the gold of "${file.documentId}" by "${file.adjudicator}"`)
          byDocument.set(documentId, file)
        } catch (e) {
          problems.push({
            path: rel,
            kind: 'refused',
            message: msg('team.fileRefused', { path: rel, detail: (e as Error).message }),
          })
        }
      }
      files.set(folder.name, byDocument)
    }
    this.files = files
    this.problems = problems
  }

  /** The adjudicators who have written gold, sorted. */
  adjudicators(): string[] {
    return [...this.files.keys()].filter((a) => (this.files.get(a)?.size ?? 0) > 0)
  }

  /** This machine's adjudicator's file of a document (an empty one before the first decision). */
  mine(documentId: string): GoldFile {
    return (
      this.files.get(this.me)?.get(documentId) ?? {
        schemaVersion: GOLD_SCHEMA_VERSION,
        documentId,
        adjudicator: this.me,
        sentences: {},
        runs: [],
      }
    )
  }

  /** The gold of a document's sentences: per sentence the latest decision of any adjudicator. */
  sentences(documentId: string): Map<string, GoldSentence> {
    const out = new Map<string, { gold: GoldSentence; at: string }>()
    for (const [, byDocument] of this.files) {
      const file = byDocument.get(documentId)
      if (!file) continue
      for (const [unitId, gold] of Object.entries(file.sentences)) {
        const at = latest(gold)
        const known = out.get(unitId)
        if (!known || at > known.at) out.set(unitId, { gold, at })
      }
    }
    return new Map([...out].map(([unitId, { gold }]) => [unitId, gold]))
  }

  /** Every automatic acceptance, summed over the documents it touched, newest first. */
  runs(): AcceptRun[] {
    const out = new Map<string, AcceptRun>()
    for (const [, byDocument] of this.files)
      for (const file of byDocument.values())
        for (const run of file.runs) {
          const known = out.get(run.id)
          out.set(run.id, known ? { ...known, values: known.values + run.values } : { ...run })
        }
    return [...out.values()].sort((a, b) => (a.at > b.at ? -1 : a.at < b.at ? 1 : 0))
  }

  documentIds(): string[] {
    const ids = new Set<string>()
    for (const byDocument of this.files.values()) for (const id of byDocument.keys()) ids.add(id)
    return [...ids].sort()
  }

  /** Writes this adjudicator's file of a document durably. */
  async write(file: GoldFile): Promise<void> {
    const folder = join(this.dir, GOLD_DIR, this.me)
    await mkdir(folder, { recursive: true })
    await writeDurably(
      join(folder, `${encodeId(file.documentId)}.json`),
      `${JSON.stringify(file, null, 1)}\n`,
    )
    let mine = this.files.get(this.me)
    if (!mine) this.files.set(this.me, (mine = new Map()))
    mine.set(file.documentId, file)
  }
}
