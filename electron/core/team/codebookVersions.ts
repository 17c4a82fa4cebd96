/**
 * The codebook as a history of immutable versions, one file each: codebook/<version>-<coder>.json
 * names its parents. Two coders who save a new version from the same base both write a file of
 * their own (no sync engine ever merges one), and the history then has two heads: a conflict,
 * reported with what differs, until a coder chooses which stands. Choosing writes one more
 * version whose parents are both heads; neither file is ever deleted.
 */
import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { Codebook } from '../../contract/model'
import { codebookSchema } from '../../contract/schemas'
import { msg, type Message } from '../../contract/messages'
import { DurableJsonFile } from '../storage/durableFile'
import { CODEBOOK_DIR, isConflictCopy, isTransient } from './layout'
import type { TeamProblem } from './problems'
import { bySchema, readUntrusted } from './untrusted'

export const CODEBOOK_SCHEMA = 1

const versionFileSchema = z.object({
  schemaVersion: z.literal(CODEBOOK_SCHEMA),
  parents: z.array(z.string().max(80)).max(20),
  coder: z.string().max(40),
  savedAt: z.string().max(40),
  codebook: codebookSchema,
})

export type CodebookVersionFile = z.infer<typeof versionFileSchema>

/** One version as the team sees it. */
export interface CodebookVersionInfo {
  /** The file name without .json: what a coder chooses by. */
  id: string
  version: number
  coder: string
  savedAt: string
}

/** Two or more versions saved from one base, with what each changed. */
export interface CodebookConflict {
  baseVersion: number | null
  candidates: Array<CodebookVersionInfo & { changes: Message[] }>
  /** The version in use until a coder chooses. */
  inUse: string
}

export class CodebookHistory {
  private constructor(
    private readonly dir: string,
    private readonly versions: Map<string, CodebookVersionFile>,
  ) {}

  /** Reads every version; a damaged or hostile file is reported and left out. */
  static async load(
    projectDir: string,
  ): Promise<{ history: CodebookHistory; problems: TeamProblem[] }> {
    const dir = join(projectDir, CODEBOOK_DIR)
    const problems: TeamProblem[] = []
    const versions = new Map<string, CodebookVersionFile>()
    const names = await readdir(dir).catch(() => [] as string[])
    for (const name of names.sort()) {
      const path = join(CODEBOOK_DIR, name)
      if (isConflictCopy(name)) {
        problems.push({ path, kind: 'conflict-copy', message: msg('team.conflictCopy', { path }) })
        continue
      }
      if (isTransient(name) || !name.endsWith('.json')) continue
      try {
        // Another machine's file: validated, never repaired (./untrusted.ts).
        const data = await readUntrusted(join(dir, name), bySchema(versionFileSchema))
        versions.set(name.slice(0, -'.json'.length), data)
      } catch (e) {
        problems.push({
          path,
          kind: 'refused',
          message: msg('team.fileRefused', { path, detail: (e as Error).message }),
        })
      }
    }
    return { history: new CodebookHistory(dir, versions), problems }
  }

  get isEmpty(): boolean {
    return this.versions.size === 0
  }

  /** Versions no other version names as its parent. */
  heads(): string[] {
    const parents = new Set([...this.versions.values()].flatMap((v) => v.parents))
    return [...this.versions.keys()].filter((id) => !parents.has(id)).sort(byVersionThenId(this))
  }

  /**
   * The version in use: the only head, or, while heads compete, the newest by version and then
   * by name, so every machine uses the same one until a coder chooses.
   */
  currentId(): string | undefined {
    return this.heads()[0]
  }

  current(): Codebook | undefined {
    const id = this.currentId()
    return id ? this.versions.get(id)?.codebook : undefined
  }

  info(id: string): CodebookVersionInfo | undefined {
    const v = this.versions.get(id)
    return v && { id, version: v.codebook.version, coder: v.coder, savedAt: v.savedAt }
  }

  conflict(): CodebookConflict | null {
    const heads = this.heads()
    if (heads.length < 2) return null
    const base = this.commonBase(heads)
    const baseBook = base ? this.versions.get(base)?.codebook : undefined
    return {
      baseVersion: baseBook?.version ?? null,
      inUse: heads[0],
      candidates: heads.map((id) => ({
        ...(this.info(id) as CodebookVersionInfo),
        changes: codebookChanges(baseBook, this.versions.get(id)!.codebook),
      })),
    }
  }

  /** Writes a new version after the one in use (or, resolving, after every head). */
  async save(
    codebook: Codebook,
    coder: string,
    savedAt: string,
    parents: string[] = [this.currentId()].filter((p): p is string => !!p),
  ): Promise<string> {
    let version = codebook.version
    let id = versionId(version, coder)
    while (this.versions.has(id)) id = versionId(++version, coder)
    const file: CodebookVersionFile = {
      schemaVersion: CODEBOOK_SCHEMA,
      parents,
      coder,
      savedAt,
      codebook: { ...codebook, version },
    }
    await mkdir(this.dir, { recursive: true })
    await new DurableJsonFile<CodebookVersionFile>(join(this.dir, `${id}.json`), (d) =>
      versionFileSchema.parse(d),
    ).write(file)
    this.versions.set(id, file)
    return id
  }

  /** A coder chooses which of competing versions stands; every head becomes its parent. */
  async choose(id: string, coder: string, savedAt: string): Promise<Codebook> {
    const chosen = this.versions.get(id)
    if (!chosen) throw new Error(`no codebook version ${id}`)
    const heads = this.heads()
    const top = Math.max(...heads.map((h) => this.versions.get(h)!.codebook.version))
    const written = await this.save({ ...chosen.codebook, version: top + 1 }, coder, savedAt, heads)
    return this.versions.get(written)!.codebook
  }

  private commonBase(heads: string[]): string | undefined {
    const ancestry = heads.map((h) => this.ancestors(h))
    const shared = [...ancestry[0]].filter((a) => ancestry.every((set) => set.has(a)))
    return shared.sort(byVersionThenId(this))[0]
  }

  private ancestors(id: string): Set<string> {
    const seen = new Set<string>()
    const stack = [...(this.versions.get(id)?.parents ?? [])]
    while (stack.length) {
      const next = stack.pop()!
      if (seen.has(next)) continue
      seen.add(next)
      stack.push(...(this.versions.get(next)?.parents ?? []))
    }
    return seen
  }

  version(id: string): number {
    return this.versions.get(id)?.codebook.version ?? 0
  }
}

function versionId(version: number, coder: string): string {
  return `${String(version).padStart(4, '0')}-${coder}`
}

function byVersionThenId(h: CodebookHistory): (a: string, b: string) => number {
  return (a, b) => h.version(b) - h.version(a) || a.localeCompare(b)
}

/** What a version changed against its base, label by label, for the team to compare. */
export function codebookChanges(base: Codebook | undefined, next: Codebook): Message[] {
  const changes: Message[] = []
  const before = new Map(
    (base?.dimensions ?? []).flatMap((d) => d.labels.map((l) => [l.id, { d, l }] as const)),
  )
  const after = new Map(
    next.dimensions.flatMap((d) => d.labels.map((l) => [l.id, { d, l }] as const)),
  )
  const dimsBefore = new Set((base?.dimensions ?? []).map((d) => d.id))
  const dimsAfter = new Set(next.dimensions.map((d) => d.id))
  for (const d of next.dimensions)
    if (!dimsBefore.has(d.id))
      changes.push(msg('team.codebook.dimensionAdded', { dimension: d.name }))
  for (const d of base?.dimensions ?? [])
    if (!dimsAfter.has(d.id))
      changes.push(msg('team.codebook.dimensionRemoved', { dimension: d.name }))
  for (const [id, { d, l }] of after) {
    const old = before.get(id)
    if (!old) changes.push(msg('team.codebook.labelAdded', { dimension: d.name, label: l.name }))
    else if (old.l.name !== l.name)
      changes.push(msg('team.codebook.labelRenamed', { from: old.l.name, to: l.name }))
    else if (JSON.stringify(old.l) !== JSON.stringify(l))
      changes.push(msg('team.codebook.labelChanged', { dimension: d.name, label: l.name }))
  }
  for (const [id, { d, l }] of before)
    if (!after.has(id))
      changes.push(msg('team.codebook.labelRemoved', { dimension: d.name, label: l.name }))
  return changes
}
