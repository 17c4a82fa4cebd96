/**
 * Writing an export so that it is all or nothing: every file goes to `<file>.tmp-<pid>` (a
 * folder to `<folder>.tmp-<pid>`) and is renamed into place only when everything is written
 * and synced. A failure or a cancel removes the temporaries, so the analyst never finds half
 * a CSV that looks complete.
 */
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { checkCancelled, ExportError, fsError } from './errors'

/** A file an export will write: its chunks are produced only while writing. */
export interface PlannedFile {
  /** The final path (for a folder export, the name inside the folder). */
  path: string
  format: string
  counts: Record<string, number>
  chunks: () => Iterable<string>
}

export interface WrittenFile {
  path: string
  format: string
  bytes: number
  counts: Record<string, number>
}

/** Chunks are gathered up to this size and written with one call: few awaits, bounded memory. */
const FLUSH_BYTES = 1 << 20

/** Refuses, before any work, a file path that is a folder or lies in no folder. */
export async function checkFileTarget(path: string): Promise<void> {
  const target = await statOrNull(path)
  if (target?.isDirectory()) throw new ExportError(path, 'it is a folder; give the name of a file')
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
  if (!target.isDirectory())
    throw new ExportError(path, 'it is a file; this format writes a folder')
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
  if (!folder) throw new ExportError(path, `the folder ${parent} does not exist`)
  if (!folder.isDirectory()) throw new ExportError(path, `${parent} is a file, not a folder`)
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

/** Writes several files, renaming them into place only once all are complete. */
export async function writeFiles(
  files: PlannedFile[],
  signal?: AbortSignal,
): Promise<WrittenFile[]> {
  const staged = files.map((f) => ({ file: f, tmp: `${f.path}.tmp-${process.pid}` }))
  const written: WrittenFile[] = []
  try {
    for (const { file, tmp } of staged) written.push(await writeOne(file, tmp, file.path, signal))
    checkCancelled(signal)
    for (const { file, tmp } of staged) {
      try {
        await rename(tmp, file.path)
      } catch (e) {
        throw fsError(file.path, e)
      }
    }
  } catch (e) {
    await Promise.all(staged.map(({ tmp }) => rm(tmp, { force: true })))
    throw e
  }
  for (const folder of new Set(files.map((f) => dirname(f.path)))) await syncFolder(folder)
  return written
}

/**
 * Writes the files into a temporary folder and renames it to `folder`; an existing folder
 * (already checked to hold only an earlier export) is replaced as a whole.
 */
export async function writeFolder(
  folder: string,
  files: PlannedFile[],
  signal?: AbortSignal,
): Promise<WrittenFile[]> {
  const tmp = `${folder}.tmp-${process.pid}`
  const old = `${folder}.old-${process.pid}`
  const written: WrittenFile[] = []
  try {
    await rm(tmp, { recursive: true, force: true })
    await mkdir(tmp).catch((e) => {
      throw fsError(folder, e)
    })
    for (const file of files)
      written.push(await writeOne(file, join(tmp, file.path), join(folder, file.path), signal))
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
  } catch (e) {
    await rm(tmp, { recursive: true, force: true })
    throw e
  }
  await syncFolder(dirname(folder))
  return written
}

async function writeOne(
  file: PlannedFile,
  tmp: string,
  finalPath: string,
  signal?: AbortSignal,
): Promise<WrittenFile> {
  let handle: FileHandle
  try {
    handle = await open(tmp, 'w')
  } catch (e) {
    throw fsError(finalPath, e)
  }
  let bytes = 0
  // One write is in flight while the next megabyte is serialised: the disk and the CPU overlap.
  let inFlight: Promise<void> = Promise.resolve()
  try {
    // Each chunk is encoded once and the buffers go out in one writev: no join, no extra copy.
    let pending: Buffer[] = []
    let size = 0
    const flush = async () => {
      await inFlight
      checkCancelled(signal)
      inFlight = writeAll(handle, pending, size)
      inFlight.catch(() => undefined) // handled where it is awaited; never reported as unhandled
      bytes += size
      pending = []
      size = 0
    }
    for (const chunk of file.chunks()) {
      const buffer = Buffer.from(chunk, 'utf8')
      pending.push(buffer)
      size += buffer.length
      if (size >= FLUSH_BYTES) await flush()
    }
    if (size > 0) await flush()
    await inFlight
    await handle.datasync()
  } catch (e) {
    await inFlight.catch(() => undefined)
    await handle.close().catch(() => undefined)
    throw fsError(finalPath, e)
  }
  await handle.close().catch((e) => Promise.reject(fsError(finalPath, e)))
  return { path: finalPath, format: file.format, bytes, counts: file.counts }
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
