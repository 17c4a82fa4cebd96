/**
 * The reliability work of a team project on disk. Every coder writes only their own file,
 *
 *   reliability/<coder-id>.json
 *
 * holding the samples they drew, which samples they marked done, the samples whose blinding
 * they lifted for everyone, and their notes and "codebook problem" marks on sentences to
 * discuss. One writer per file keeps the team layout's rule, so a sync engine never merges.
 * Another coder's file is read like any file from sync: validated, never repaired, a damaged
 * one reported and skipped. The files are small; they are re-read when their signature
 * (size, modification time) changes, so a file that arrived by sync counts at the next call.
 */
import { mkdir, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { msg } from '../../contract/messages'
import type { SampleUnit } from '../../contract/reliability'
import { decodeId, encodeId } from '../storage/bulkRead'
import { writeDurably } from '../storage/durableFile'
import { isConflictCopy, isTransient } from '../team/layout'
import type { TeamProblem } from '../team/problems'
import { bySchema, readUntrusted } from '../team/untrusted'

export const RELIABILITY_DIR = 'reliability'
export const RELIABILITY_SCHEMA_VERSION = 1

const text = (max: number) => z.string().max(max)
const id = text(200).min(1)

const sampleSchema = z.object({
  id,
  name: text(200),
  drawnBy: id,
  drawnAt: text(40),
  unit: z.enum(['documents', 'sentences']),
  seed: z.number().int(),
  stratifyBy: text(200).nullable(),
  coders: z.array(id).min(1).max(500),
  codebookVersion: z.number().int().nonnegative(),
  items: z.array(z.object({ documentId: id, unitIds: z.array(id).max(100_000) })).max(100_000),
})

const noteSchema = z.object({
  documentId: id,
  unitId: id,
  note: text(10_000),
  codebookProblem: z.boolean(),
  at: text(40),
})

export const reliabilityFileSchema = z.object({
  schemaVersion: z.literal(RELIABILITY_SCHEMA_VERSION),
  coder: id,
  samples: z.array(sampleSchema).max(10_000),
  /** sample id → when this coder marked it done */
  done: z.record(z.string(), text(40)),
  /** sample id → when this coder lifted its blinding for everyone */
  lifted: z.record(z.string(), text(40)),
  notes: z.array(noteSchema).max(1_000_000),
})

export type StoredSample = z.infer<typeof sampleSchema>
export type SentenceNote = z.infer<typeof noteSchema>
export type ReliabilityFile = z.infer<typeof reliabilityFileSchema>

const readFileOf = bySchema(reliabilityFileSchema)

const emptyFile = (coder: string): ReliabilityFile => ({
  schemaVersion: RELIABILITY_SCHEMA_VERSION,
  coder,
  samples: [],
  done: {},
  lifted: {},
  notes: [],
})

/** A sample with what all coders' files say about it. */
export interface SampleState extends StoredSample {
  round: number
  doneBy: string[]
  liftedBy: string | null
}

export class SampleStore {
  private files = new Map<string, ReliabilityFile>()
  private signatures = new Map<string, string>()
  problems: TeamProblem[] = []

  constructor(
    private readonly dir: string,
    readonly me: string,
  ) {}

  private get root(): string {
    return join(this.dir, RELIABILITY_DIR)
  }

  /** Reads the files whose signature changed since the last call. */
  async load(): Promise<void> {
    const names = (await readdir(this.root).catch(() => [] as string[])).sort()
    const seen = new Set<string>()
    const problems: TeamProblem[] = []
    for (const name of names) {
      const rel = join(RELIABILITY_DIR, name)
      if (isConflictCopy(name)) {
        problems.push({
          path: rel,
          kind: 'conflict-copy',
          message: msg('team.conflictCopy', { path: rel }),
        })
        continue
      }
      if (isTransient(name) || !name.endsWith('.json')) continue
      const coder = decodeId(name.slice(0, -'.json'.length))
      seen.add(coder)
      const info = await stat(join(this.root, name)).catch(() => null)
      const signature = info ? `${info.size}:${info.mtimeMs}` : ''
      if (signature && this.signatures.get(coder) === signature) continue
      try {
        const file = await readUntrusted(join(this.dir, rel), readFileOf)
        if (file.coder !== coder) throw new Error(`it holds the file of "${file.coder}"`)
        for (const s of file.samples)
          if (s.drawnBy !== coder) throw new Error(`it holds a sample drawn by "${s.drawnBy}"`)
        this.files.set(coder, file)
        this.signatures.set(coder, signature)
      } catch (e) {
        this.files.delete(coder)
        this.signatures.delete(coder)
        problems.push({
          path: rel,
          kind: 'refused',
          message: msg('team.fileRefused', { path: rel, detail: (e as Error).message }),
        })
      }
    }
    for (const coder of [...this.files.keys()])
      if (!seen.has(coder)) {
        this.files.delete(coder)
        this.signatures.delete(coder)
      }
    this.problems = problems
  }

  /** This machine's coder's file (an empty one before the first write). */
  mine(): ReliabilityFile {
    return this.files.get(this.me) ?? emptyFile(this.me)
  }

  async writeMine(file: ReliabilityFile): Promise<void> {
    await mkdir(this.root, { recursive: true })
    const path = join(this.root, `${encodeId(this.me)}.json`)
    await writeDurably(path, `${JSON.stringify(file, null, 1)}\n`)
    const info = await stat(path)
    this.files.set(this.me, file)
    this.signatures.set(this.me, `${info.size}:${info.mtimeMs}`)
  }

  /** Every coder's file, by coder id. */
  all(): ReadonlyMap<string, ReliabilityFile> {
    return this.files
  }

  /** Every sample of the project in the order drawn (time, then id), numbered as rounds. */
  samples(): SampleState[] {
    const all = [...this.files.values()].flatMap((f) => f.samples)
    all.sort((a, b) =>
      a.drawnAt < b.drawnAt ? -1 : a.drawnAt > b.drawnAt ? 1 : a.id < b.id ? -1 : 1,
    )
    return all.map((s, i) => {
      const doneBy: string[] = []
      let liftedBy: string | null = null
      for (const [coder, f] of [...this.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (f.done[s.id]) doneBy.push(coder)
        if (f.lifted[s.id] && liftedBy === null) liftedBy = coder
      }
      return { ...s, round: i + 1, doneBy, liftedBy }
    })
  }

  /** The next free id of a sample drawn here: the coder's id keeps it unique in the team. */
  nextId(): string {
    const taken = new Set(this.samples().map((s) => s.id))
    let n = this.mine().samples.length + 1
    while (taken.has(`${this.me}-${n}`)) n++
    return `${this.me}-${n}`
  }
}

/** The sample is still blind for `coder`: they code it, have not marked it done, nobody lifted it. */
export function isBlindFor(sample: SampleState, coder: string): boolean {
  return sample.coders.includes(coder) && !sample.doneBy.includes(coder) && !sample.liftedBy
}

/** Per document, the sentences blind for `coder` across the samples. */
export function blindUnits(
  samples: readonly SampleState[],
  coder: string,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const s of samples) {
    if (!isBlindFor(s, coder)) continue
    for (const item of s.items) {
      const set = out.get(item.documentId) ?? new Set<string>()
      for (const u of item.unitIds) set.add(u)
      out.set(item.documentId, set)
    }
  }
  return out
}

export type { SampleUnit }
