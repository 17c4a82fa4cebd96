/**
 * Writing an export so that it is all or nothing: every file goes to `<file>.tmp-<pid>` (a
 * folder to `<folder>.tmp-<pid>`) and is renamed into place only when everything is written
 * and synced. A failure or a cancel removes the temporaries, so the analyst never finds half
 * a CSV that looks complete.
 *
 * Files are staged first and written while the export reads the project, several at once (the
 * full file and its splits, or every format of an `all` export), so each document is read once;
 * a file that turns out empty is dropped rather than left as a file of no rows.
 */
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { byteLength } from './bytes'
import { msg } from '../../contract/messages'
import { checkCancelled, ExportError, fsError } from './errors'

export interface WrittenFile {
  path: string
  format: string
  bytes: number
  counts: Record<string, number>
}

/** Where the files of one export wait until all of them are complete. */
export interface Staging {
  /** Starts the file that will be at `path` (for a folder export, a name inside the folder). */
  open(path: string): Promise<StagedFile>
  /** Gives up a staged file that turned out empty: it is removed and never put in place. */
  drop(file: StagedFile): Promise<void>
  /** Renames everything into place; call once every file is closed. */
  commit(): Promise<void>
  /** Removes everything staged, leaving the targets as they were. Never throws. */
  discard(): Promise<void>
}

/** Bytes are gathered up to this size and written with one call: few awaits, bounded memory. */
const FLUSH_BYTES = 1 << 20

/** Refuses, before any work, a file path that is a folder or lies in no folder. */
export async function checkFileTarget(path: string): Promise<void> {
  const target = await statOrNull(path)
  if (target?.isDirectory()) throw new ExportError(path, msg('export.reason.isFolder'))
  await checkParent(path)
}

/**
 * What is at a folder target: nothing, a folder holding only files an export writes (it can be
 * replaced as a whole), or a folder with other files too (the export goes in beside them).
 * A file there is an error. Replacing the analyst's own folder is the one mistake an export
 * must never make, hence the distinction.
 */
export async function folderTarget(
  path: string,
  ownNames: Set<string>,
): Promise<'absent' | 'own' | 'shared'> {
  const target = await statOrNull(path)
  if (!target) {
    await checkParent(path)
    return 'absent'
  }
  if (!target.isDirectory()) throw new ExportError(path, msg('export.reason.isFile'))
  const names = await readdir(path).catch((e) => Promise.reject(fsError(path, e)))
  return names.every((name) => ownNames.has(name)) ? 'own' : 'shared'
}

/** True when the path is an existing folder. */
export async function isFolder(path: string): Promise<boolean> {
  return (await statOrNull(path))?.isDirectory() ?? false
}

async function checkParent(path: string): Promise<void> {
  const parent = dirname(path)
  const folder = await statOrNull(parent)
  if (!folder) throw new ExportError(path, msg('export.reason.noParent', { folder: parent }))
  if (!folder.isDirectory())
    throw new ExportError(path, msg('export.reason.parentIsFile', { folder: parent }))
}

async function statOrNull(path: string) {
  try {
    return await stat(path)
  } catch (e) {
    // ENOTDIR: a part of the path is a file; checkParent then says which.
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return null
    throw fsError(path, e)
  }
}

/** Files staged each beside its target, renamed into place together. */
export function stageFiles(signal?: AbortSignal): Staging {
  const staged: Array<{ path: string; tmp: string; file?: StagedFile }> = []
  return {
    async open(path) {
      const entry: (typeof staged)[number] = { path, tmp: `${path}.tmp-${process.pid}` }
      staged.push(entry)
      entry.file = await StagedFile.create(entry.tmp, path, signal)
      return entry.file
    },
    async drop(file) {
      const at = staged.findIndex((s) => s.file === file)
      if (at === -1) return
      const [{ tmp }] = staged.splice(at, 1)
      await file.abandon()
      await rm(tmp, { force: true })
    },
    async commit() {
      checkCancelled(signal)
      for (const { tmp, path } of staged) {
        try {
          await rename(tmp, path)
        } catch (e) {
          throw fsError(path, e)
        }
      }
      for (const folder of new Set(staged.map((s) => dirname(s.path)))) await syncFolder(folder)
    },
    async discard() {
      await Promise.all(
        staged.map(async ({ file, tmp }) => {
          await file?.abandon()
          await rm(tmp, { force: true }).catch(() => undefined)
        }),
      )
    },
  }
}

/**
 * Files staged in a temporary folder that is renamed to `folder`; an existing folder (already
 * checked to hold only an earlier export) is replaced as a whole.
 */
export async function stageFolder(folder: string, signal?: AbortSignal): Promise<Staging> {
  const tmp = `${folder}.tmp-${process.pid}`
  const old = `${folder}.old-${process.pid}`
  await rm(tmp, { recursive: true, force: true })
  await mkdir(tmp).catch((e) => Promise.reject(fsError(folder, e)))
  const files: StagedFile[] = []
  return {
    async open(name) {
      const file = await StagedFile.create(join(tmp, name), join(folder, name), signal)
      files.push(file)
      return file
    },
    async drop(file) {
      const at = files.indexOf(file)
      if (at === -1) return
      files.splice(at, 1)
      await file.abandon()
      await rm(file.tmp, { force: true })
    },
    async commit() {
      checkCancelled(signal)
      await syncFolder(tmp)
      const existed = (await statOrNull(folder)) !== null
      if (existed) await rename(folder, old).catch((e) => Promise.reject(fsError(folder, e)))
      try {
        await rename(tmp, folder)
      } catch (e) {
        if (existed) await rename(old, folder)
        throw fsError(folder, e)
      }
      if (existed) await rm(old, { recursive: true, force: true })
      await syncFolder(dirname(folder))
    },
    async discard() {
      await Promise.all(files.map((f) => f.abandon()))
      await rm(tmp, { recursive: true, force: true }).catch(() => undefined)
    },
  }
}

/**
 * A temporary file being written. Bytes are gathered and written a megabyte at a time with one
 * write in flight, so the disk works while the next megabyte is made; every error names the
 * final path.
 */
export class StagedFile {
  /** Bytes written, or being written. */
  private bytes = 0
  private pending: Buffer[] = []
  private size = 0
  private inFlight: Promise<void> = Promise.resolve()
  private closed = false

  private constructor(
    private readonly handle: FileHandle,
    /** Where the file is being written. */
    readonly tmp: string,
    /** The path the file will have once the export is complete. */
    readonly path: string,
    private readonly signal: AbortSignal | undefined,
  ) {}

  static async create(tmp: string, path: string, signal?: AbortSignal): Promise<StagedFile> {
    try {
      return new StagedFile(await open(tmp, 'w'), tmp, path, signal)
    } catch (e) {
      throw fsError(path, e)
    }
  }

  /** Queues bytes (kept as they are until written: the caller must not change them). */
  async write(pieces: readonly Buffer[]): Promise<void> {
    for (const p of pieces) this.pending.push(p)
    this.size += byteLength(pieces)
    if (this.size >= FLUSH_BYTES) await this.flush()
  }

  /** Writes what is left, syncs and closes; returns the size of the file. */
  async close(): Promise<number> {
    try {
      if (this.size > 0) await this.flush()
      await this.inFlight
      await this.handle.datasync()
    } catch (e) {
      await this.abandon()
      throw fsError(this.path, e)
    }
    this.closed = true
    await this.handle.close().catch((e) => Promise.reject(fsError(this.path, e)))
    return this.bytes
  }

  /** Stops writing and closes the file, whatever state it is in. */
  async abandon(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.inFlight.catch(() => undefined)
    await this.handle.close().catch(() => undefined)
  }

  private async flush(): Promise<void> {
    try {
      await this.inFlight
      checkCancelled(this.signal)
    } catch (e) {
      throw fsError(this.path, e)
    }
    const inFlight = writeAll(this.handle, this.pending, this.size)
    inFlight.catch(() => undefined) // handled where it is awaited; never reported as unhandled
    this.inFlight = inFlight
    this.bytes += this.size
    this.pending = []
    this.size = 0
  }
}

/** Writes all buffers, going on after a partial write (which a nearly full disk can cause). */
async function writeAll(handle: FileHandle, buffers: Buffer[], size: number): Promise<void> {
  let written = (await handle.writev(buffers)).bytesWritten
  if (written === size) return
  const all = Buffer.concat(buffers)
  while (written < size) {
    const n = (await handle.write(all, written)).bytesWritten
    if (n === 0) throw Object.assign(new Error('no space left on the device'), { code: 'ENOSPC' })
    written += n
  }
}

async function syncFolder(dir: string): Promise<void> {
  // Makes the renames survive a power cut; some file systems refuse it, and the rename stays atomic.
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
