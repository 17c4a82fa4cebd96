import {
  formatMessage,
  msg,
  type Message,
  type MessageCode,
  type MessageParams,
} from '../contract/messages'

/**
 * An error meant for the analyst: a message code with parameters (see contract/messages.ts),
 * put into the analyst's language by the renderer. `message` holds the English text, for the
 * CLI and the logs.
 *
 *   throw new UserError('import.tooLarge', { file, limit })
 */
export class UserError extends Error {
  readonly code: MessageCode
  readonly params: MessageParams

  constructor(code: MessageCode, params: MessageParams = {}) {
    super(formatMessage({ code, params }))
    this.name = 'UserError'
    this.code = code
    this.params = params
  }

  /** The error as a message, for envelopes and reports. */
  toMessage(): Message {
    return { code: this.code, params: this.params }
  }

  static of(message: Message): UserError {
    return new UserError(message.code, message.params)
  }
}

/** What went wrong, for a report: core's own message, or the text of an unexpected error. */
export function failureReason(e: unknown): Message {
  if (e instanceof UserError) return e.toMessage()
  return msg('import.failed', { detail: e instanceof Error ? e.message : String(e) })
}
