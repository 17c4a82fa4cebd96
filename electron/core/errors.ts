import { z } from 'zod'
import {
  formatMessage,
  msg,
  type LocalizedText,
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

const germanIssues = z.locales.de().localeError

/** The first few issues, each with where it is: "dimensions.0.id: Too small: …". */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'value'}: ${i.message}`)
    .join('; ')
}

/**
 * What the schema finds wrong with the data, in English and German (the schema library's own
 * wording in each), for a message about a file or a call that does not fit its schema. Only
 * called once a parse has failed, so parsing again for the German costs nothing on the good path.
 */
export function schemaProblem(schema: z.ZodType, data: unknown): LocalizedText {
  const english = schema.safeParse(data)
  const german = schema.safeParse(data, { error: germanIssues })
  return {
    en: english.success ? '' : describeIssues(english.error),
    de: german.success ? '' : describeIssues(german.error),
  }
}
