/**
 * Errors of an export, for the analyst: what failed, where, and why, as message codes (see
 * ../../contract/messages.ts) that the renderer words in the analyst's language.
 */
import { msg, type Message, type MessageCode } from '../../contract/messages'
import { UserError } from '../errors'

/** The export could not be written; the message names the path. Nothing partial is left. */
export class ExportError extends UserError {
  constructor(
    readonly path: string,
    reason: Message,
  ) {
    super('export.cannotWrite', { path, reason })
    this.name = 'ExportError'
  }
}

/** The export was cancelled through its AbortSignal; nothing was left behind. */
export class ExportCancelledError extends UserError {
  constructor() {
    super('export.cancelled')
    // The conventional name, so callers that check `name === 'AbortError'` treat it as a cancel.
    this.name = 'AbortError'
  }
}

/** Throws when the signal says the export should stop. */
export function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelledError()
}

const CODES = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'ENOENT',
  'ENOTDIR',
  'EISDIR',
  'ENAMETOOLONG',
  'EMFILE',
  'EBUSY',
  'EEXIST',
  'ENOTEMPTY',
])

/** Turns a file-system error into an ExportError for `path`. */
export function fsError(path: string, e: unknown): Error {
  if (e instanceof ExportError || e instanceof ExportCancelledError) return e
  const code = (e as NodeJS.ErrnoException).code
  const reason =
    code && CODES.has(code)
      ? msg(`export.reason.${code}` as MessageCode)
      : msg('export.reason.system', { detail: (e as Error).message })
  return new ExportError(path, reason)
}
