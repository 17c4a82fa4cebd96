/**
 * What core says to the analyst, as message codes with parameters. Core throws and reports
 * `Message`s; the renderer turns them into the analyst's language, the CLI prints English.
 * The texts live in one catalogue per language (./messages.en.ts, ./messages.de.ts), read by
 * the renderer, main and the CLI alike; a code without a German text does not compile.
 *
 * A text names its parameters in braces, `{file}`. A parameter may itself be a message (a
 * unit kind, a rule broken) or a list of messages, translated in turn and joined by spaces.
 * A text with `one`/`other` forms is chosen by its `count` parameter. A parameter given in both
 * languages ({ en, de }) is shown in the language of the text.
 */
import { de } from './messages.de'
import { en, type EnglishCatalogue } from './messages.en'

export type MessageCode = keyof EnglishCatalogue

/**
 * Text that arrives already in both languages, from a library that speaks them (the schema
 * library's account of what is wrong with a file), for a message to pick from.
 */
export type LocalizedText = Record<MessageLocale, string>

export type MessageParam = string | number | Message | Message[] | LocalizedText

export type MessageParams = Record<string, MessageParam>

/** One thing core says, before it is put into words. */
export interface Message {
  code: MessageCode
  params?: MessageParams
}

/** A catalogue entry: one text, or a singular and a plural form chosen by `count`. */
export type MessageText = string | { one: string; other: string }

export type Catalogue = Record<MessageCode, MessageText>

export type MessageLocale = 'en' | 'de'

/** The catalogues, by language. */
export const CATALOGUES: Record<MessageLocale, Catalogue> = { en, de }

/** Shorthand for building a message. */
export function msg(code: MessageCode, params?: MessageParams): Message {
  return params ? { code, params } : { code }
}

export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(en, code)
}

const pluralRules: Partial<Record<MessageLocale, Intl.PluralRules>> = {}

function plural(locale: MessageLocale, count: number): 'one' | 'other' {
  pluralRules[locale] ??= new Intl.PluralRules(locale)
  return pluralRules[locale].select(count) === 'one' ? 'one' : 'other'
}

function formatParam(value: MessageParam, locale: MessageLocale): string {
  if (Array.isArray(value)) return value.map((m) => formatMessage(m, locale)).join(' ')
  if (typeof value === 'object')
    return 'code' in value ? formatMessage(value, locale) : value[locale]
  if (typeof value === 'number') return value.toLocaleString(locale)
  return value
}

/**
 * Why a sentence is marked for review. The reason is stored in English, in the project and in
 * exports (`needs_review`), where it is data; the screen shows it in the analyst's language.
 */
export const REVIEW_REASONS = {
  split: 'split: both halves kept the labels of the whole sentence',
  merged: 'merged: check the labels of the merged sentence',
  resegmented: 'resegmented: the sentence boundaries changed',
} as const

/** A merge whose single-choice labels disagreed: followed by "Dimension: a vs b; …". */
export const MERGE_CONFLICT = 'merge conflict: '

/** A stored review reason as a message; a reason from elsewhere (an import) as it stands. */
export function reviewMessage(reason: string): Message | string {
  for (const [kind, text] of Object.entries(REVIEW_REASONS))
    if (reason === text) return { code: `review.${kind as keyof typeof REVIEW_REASONS}` }
  if (reason.startsWith(MERGE_CONFLICT))
    return {
      code: 'review.mergeConflict',
      params: { conflicts: reason.slice(MERGE_CONFLICT.length) },
    }
  return reason
}

/** The message in words, in the given language (English when none is given). */
export function formatMessage(message: Message, locale: MessageLocale = 'en'): string {
  const text: MessageText | undefined =
    CATALOGUES[locale][message.code] ?? CATALOGUES.en[message.code]
  if (text === undefined) return message.code
  const params = message.params ?? {}
  const template =
    typeof text === 'string'
      ? text
      : text[plural(locale, typeof params.count === 'number' ? params.count : 0)]
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? formatParam(params[name], locale) : whole,
  )
}
