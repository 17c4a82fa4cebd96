/**
 * The team around one open project: the coders (names looked up from their profiles), their
 * progress, the other coders' layers (read-only), files of the shared folder that were not read,
 * and the codebook versions. Rescanned when files arrive from sync; `revision` tells views that
 * what they show may be stale. Nothing here writes anything but the local coder's own profile
 * and, when the coder chooses, a new codebook version.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { msg } from '../../contract/messages'
import type { Codebook } from '../../contract/model'
import type { CoderLayer, CoderView, TeamStatus } from '../../contract/team'
import { UserError } from '../errors'
import type { SettingsStore } from '../settings'
import type { LowdbProjectRepository } from '../storage/lowdbRepository'
import { readProfiles, writeProfile, type CoderProfile } from './coders'
import { DOCUMENTS_DIR, isConflictCopy } from './layout'
import { OtherLayers } from './layers'
import type { TeamProblem } from './problems'
import { watchProjectFolder, type WatchOptions } from './watcher'

export class Team {
  private readonly layers: OtherLayers
  private profiles = new Map<string, CoderProfile>()
  private coders: string[] = []
  private problems: TeamProblem[] = []
  private revision = 0
  private stopWatching: (() => void) | null = null
  private listeners = new Set<() => void>()

  constructor(
    private readonly repo: LowdbProjectRepository,
    private readonly settings: SettingsStore,
  ) {
    this.layers = new OtherLayers(repo.path, repo.coder)
  }

  get me(): string {
    return this.repo.coder
  }

  /** Rises with every change that arrived from another machine (cheap to ask, for polling). */
  get currentRevision(): number {
    return this.revision
  }

  /** Writes the local coder's profile (so the team sees a name) and takes stock of the folder. */
  async open(): Promise<void> {
    await this.writeOwnProfile()
    await this.scan()
  }

  async writeOwnProfile(): Promise<void> {
    const { annotator, initials } = this.settings.get()
    if (!annotator) return
    await writeProfile(this.repo.path, {
      id: this.me,
      name: annotator,
      ...(initials ? { initials } : {}),
    })
  }

  /**
   * Looks at everything another machine may have changed. Returns true when something the views
   * show changed (and raises the revision).
   */
  scan(): Promise<boolean> {
    // One scan at a time (the first one at opening may meet the watcher's): each reads and
    // replaces the state the other is comparing against.
    const run = this.scanning.then(
      () => this.scanOnce(),
      () => this.scanOnce(),
    )
    this.scanning = run.catch(() => false)
    return run
  }

  private scanning: Promise<unknown> = Promise.resolve()

  private async scanOnce(): Promise<boolean> {
    const added = await this.repo.refreshDocuments()
    const codebookChanged = await this.repo.reloadCodebook()
    const { profiles, problems: profileProblems } = await readProfiles(this.repo.path)
    const layers = await this.layers.scan()
    const copies = await conflictCopiesIn(this.repo.path, DOCUMENTS_DIR)
    const problems = [...this.repo.problems, ...profileProblems, ...layers.problems, ...copies]
    const profilesChanged = JSON.stringify([...profiles]) !== JSON.stringify([...this.profiles])
    const problemsChanged = JSON.stringify(problems) !== JSON.stringify(this.problems)
    const codersChanged = JSON.stringify(layers.coders) !== JSON.stringify(this.coders)
    this.profiles = profiles
    this.problems = problems
    this.coders = layers.coders
    const changed =
      added.length > 0 ||
      codebookChanged ||
      layers.changed.length > 0 ||
      profilesChanged ||
      problemsChanged ||
      codersChanged
    if (changed) {
      this.revision++
      for (const listener of this.listeners) listener()
    }
    return changed
  }

  /** Starts noticing files that arrive from sync; `onChange` hears of every new revision. */
  watch(options?: WatchOptions): void {
    if (this.stopWatching) return
    this.stopWatching = watchProjectFolder(
      this.repo.path,
      async () => {
        await this.scan()
      },
      options,
    )
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  close(): void {
    this.stopWatching?.()
    this.stopWatching = null
  }

  nameOf(coder: string): string {
    if (coder === this.me) return this.settings.get().annotator || coder
    return this.profiles.get(coder)?.name || coder
  }

  status(): TeamStatus {
    const codebook = this.repo.getCodebook()
    const ids = new Set([this.me, ...this.coders, ...this.profiles.keys()])
    const mine: Record<string, number> = {}
    for (const d of this.repo.listDocuments())
      if (d.annotatedCount > 0) mine[d.id] = d.annotatedCount
    const coders: CoderView[] = [...ids].map((id) => {
      const annotated = id === this.me ? mine : this.layers.progress(id, codebook)
      return {
        id,
        name: this.nameOf(id),
        ...(this.initialsOf(id) ? { initials: this.initialsOf(id) } : {}),
        me: id === this.me,
        annotated,
        annotatedCount: Object.values(annotated).reduce((a, b) => a + b, 0),
      }
    })
    coders.sort((a, b) => Number(b.me) - Number(a.me) || a.name.localeCompare(b.name))
    const conflict = this.repo.codebookHistory?.conflict() ?? null
    return {
      me: { id: this.me, name: this.nameOf(this.me), ...this.initialsField(this.me) },
      coders,
      problems: this.problems.map((p) => ({ ...p })),
      codebookConflict: conflict && {
        baseVersion: conflict.baseVersion,
        inUse: conflict.inUse,
        candidates: conflict.candidates.map((c) => ({ ...c, coderName: this.nameOf(c.coder) })),
      },
      revision: this.revision,
    }
  }

  /** The labels other coders gave the sentences of one document, read-only. */
  otherLayers(documentId: string): CoderLayer[] {
    return this.coders
      .filter((c) => c !== this.me)
      .map((coder) => ({
        coder,
        name: this.nameOf(coder),
        annotations: this.layers.annotations(coder, documentId),
      }))
      .filter((l) => Object.keys(l.annotations).length > 0)
  }

  /** Which coders' annotations exist, for the CLI and exports. */
  coderIds(): string[] {
    return [...new Set([this.me, ...this.coders])]
  }

  layerOf(coder: string, documentId: string) {
    return this.layers.annotations(coder, documentId)
  }

  /** A coder chooses which of competing codebook versions stands. */
  async chooseCodebook(versionId: string): Promise<Codebook> {
    if (!this.repo.codebookHistory?.info(versionId))
      throw new UserError('team.codebookUnknown', { id: versionId })
    const chosen = await this.repo.chooseCodebook(versionId)
    this.revision++
    return chosen
  }

  private initialsOf(id: string): string | undefined {
    return id === this.me ? this.settings.get().initials : this.profiles.get(id)?.initials
  }

  private initialsField(id: string): { initials?: string } {
    const initials = this.initialsOf(id)
    return initials ? { initials } : {}
  }
}

/** Conflict copies directly inside one folder of the project (documents/, the top level). */
async function conflictCopiesIn(dir: string, folder: string): Promise<TeamProblem[]> {
  const out: TeamProblem[] = []
  for (const where of ['', folder]) {
    const names = await readdir(join(dir, where)).catch(() => [] as string[])
    for (const name of names.sort())
      if (isConflictCopy(name)) {
        const path = where ? join(where, name) : name
        out.push({ path, kind: 'conflict-copy', message: msg('team.conflictCopy', { path }) })
      }
  }
  return out
}
