/** Errors of an export, worded for the analyst: what failed, where, and why in plain words. */

/** The export could not be written; the message names the path. Nothing partial is left. */
export class ExportError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`Cannot write the export to ${path}: ${reason}`)
    this.name = 'ExportError'
  }
}

/** The export was cancelled through its AbortSignal; nothing was left behind. */
export class ExportCancelledError extends Error {
  constructor() {
    super('The export was cancelled; no file was written.')
    // The conventional name, so callers that check `name === 'AbortError'` treat it as a cancel.
    this.name = 'AbortError'
  }
}

/** Throws when the signal says the export should stop. */
export function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelledError()
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many files are open',
  EBUSY: 'the file is in use',
  EEXIST: 'it already exists',
  ENOTEMPTY: 'the folder is not empty',
}

/** Turns a file-system error into an ExportError for `path`. */
export function fsError(path: string, e: unknown): Error {
  if (e instanceof ExportError || e instanceof ExportCancelledError) return e
  const code = (e as NodeJS.ErrnoException).code
  const reason = (code && REASONS[code]) ?? (e as Error).message
  return new ExportError(path, code && REASONS[code] ? `${reason} (${code})` : reason)
}
