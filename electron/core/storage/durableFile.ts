import { open, readFile, rename, rm, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Adapter } from 'lowdb'
import { msg, type Message } from '../../contract/messages'
import { UserError } from '../errors'

/** What happened when a file was read: fine, recovered from a leftover, or recovered from the backup. */
export type Recovery =
  | { kind: 'ok' }
  | { kind: 'missing' }
  | { kind: 'recovered'; from: 'temporary' | 'backup'; reason: Message }

export class DamagedFileError extends UserError {
  constructor(
    readonly file: string,
    reason: Message,
  ) {
    super('storage.damaged', { file, reason })
    this.name = 'DamagedFileError'
  }
}

/**
 * A lowdb adapter whose every write is durable and atomic: the new content goes to a temporary
 * file, is fsynced, the current file becomes the backup (`.bak`), and the temporary file is
 * renamed into place; then the folder is fsynced so the renames themselves survive a power cut.
 *
 * lowdb's own JSONFile (via steno) renames atomically but never fsyncs and keeps no backup, and
 * a lost label is a lost hour for the analyst, so this adapter replaces it.
 *
 * Writes to one file are serialised; a write waiting behind another is coalesced into the
 * newest content, so a burst of changes costs one or two writes, never a queue of stale ones.
 */
/**
 * The write queue of each file path, shared by every adapter of that path: two adapters of one
 * file (a cache evicted and reloaded while a write was under way) must never write at once,
 * because they share the temporary file.
 */
const queues = new Map<string, Promise<void>>()

function enqueue(file: string, work: () => Promise<void>): void {
  const next = (queues.get(file) ?? Promise.resolve()).then(work)
  queues.set(file, next)
  void next.finally(() => queues.get(file) === next && queues.delete(file))
}

export class DurableJsonFile<T> implements Adapter<T> {
  private pending: {
    data: T
    waiters: Array<{ ok: () => void; fail: (e: unknown) => void }>
  } | null = null
  /** Set by `read()` when the file had to be recovered; the project reports it to the analyst. */
  recovery: Recovery = { kind: 'ok' }

  constructor(
    readonly file: string,
    private readonly validate: (data: unknown) => T,
  ) {}

  async read(): Promise<T | null> {
    const main = await tryRead(this.file, this.validate)
    if (main.ok) {
      this.recovery = { kind: 'ok' }
      return main.value
    }
    // The main file is absent or damaged: a crash between the two renames leaves the newest
    // complete content in the temporary file; otherwise the backup holds the last good state.
    for (const from of ['temporary', 'backup'] as const) {
      const candidate = from === 'temporary' ? `${this.file}.tmp` : `${this.file}.bak`
      const other = await tryRead(candidate, this.validate)
      if (other.ok) {
        this.recovery = { kind: 'recovered', from, reason: main.reason }
        await this.write(other.value)
        return other.value
      }
    }
    if (main.missing) {
      this.recovery = { kind: 'missing' }
      return null
    }
    throw new DamagedFileError(this.file, main.reason)
  }

  write(data: T): Promise<void> {
    return new Promise((ok, fail) => {
      if (this.pending) {
        this.pending.data = data
        this.pending.waiters.push({ ok, fail })
        return
      }
      this.pending = { data, waiters: [{ ok, fail }] }
      enqueue(this.file, () => this.flushPending())
    })
  }

  private async flushPending(): Promise<void> {
    const job = this.pending
    this.pending = null
    if (!job) return
    try {
      await writeDurably(this.file, JSON.stringify(job.data))
      for (const w of job.waiters) w.ok()
    } catch (e) {
      for (const w of job.waiters) w.fail(e)
    }
  }
}

type ReadOutcome<T> = { ok: true; value: T } | { ok: false; reason: Message; missing?: true }

async function tryRead<T>(file: string, validate: (d: unknown) => T): Promise<ReadOutcome<T>> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      return { ok: false, reason: msg('storage.missing'), missing: true }
    return { ok: false, reason: msg('storage.unreadable', { detail: (e as Error).message }) }
  }
  if (text.trim() === '') return { ok: false, reason: msg('storage.truncated') }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { ok: false, reason: msg('storage.notJson') }
  }
  try {
    return { ok: true, value: validate(parsed) }
  } catch (e) {
    if (e instanceof UserError) return { ok: false, reason: e.toMessage() }
    return { ok: false, reason: msg('storage.unreadable', { detail: (e as Error).message }) }
  }
}

/** Writes `content` to `file` atomically and durably, keeping the previous version as `.bak`. */
export async function writeDurably(file: string, content: string): Promise<void> {
  const tmp = `${file}.tmp`
  const handle = await open(tmp, 'w')
  try {
    await handle.writeFile(content, 'utf8')
    await handle.datasync()
  } finally {
    await handle.close()
  }
  if (await exists(file)) await rename(file, `${file}.bak`)
  await rename(tmp, file)
  await syncFolder(dirname(file))
}

/** Writes a file atomically (temporary file, fsync, rename) without keeping a backup. */
export async function writeAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const tmp = `${file}.tmp`
  try {
    const handle = await open(tmp, 'w')
    try {
      await handle.writeFile(content)
      await handle.datasync()
    } finally {
      await handle.close()
    }
    await rename(tmp, file)
  } catch (e) {
    await rm(tmp, { force: true })
    throw e
  }
  await syncFolder(dirname(file))
}

async function syncFolder(dir: string): Promise<void> {
  // Some file systems refuse fsync on a directory; the rename is still atomic there.
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    /* best effort */
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file)
    return true
  } catch {
    return false
  }
}
