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
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
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

/**
 * What is wrong with the JSON: JSON.parse's own words, which are English whatever the system
 * language, and where it stopped. The German catalogue names only the place.
 */
export function jsonProblem(e: unknown, source?: string): Message {
  const { text, line, position } = jsonSyntax(e, source)
  if (line !== undefined) return msg('json.syntaxLine', { engine: text, line })
  if (position !== undefined) return msg('json.syntaxAt', { engine: text, position })
  return msg('json.syntax', { engine: text })
}

/** JSON.parse's message, with the position turned into a line number when there is one. */
function jsonSyntax(
  e: unknown,
  source?: string,
): { text: string; line?: number; position?: number } {
  const message = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ')
  const at = /at position (\d+)/.exec(message)
  const position = at ? Number(at[1]) : undefined
  const inLine = /line (\d+)/.exec(message)
  if (!source || position === undefined || inLine)
    return { text: message, line: inLine ? Number(inLine[1]) : undefined, position }
  const line = source.slice(0, position).split('\n').length
  return {
    text: `${message.replace(/\s*\(line \d+ column \d+\)/, '')} (line ${line})`,
    line,
  }
}
