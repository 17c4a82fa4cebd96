import {
  formatMessage,
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
