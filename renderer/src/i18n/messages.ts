/**
 * Core's messages (codes with parameters, see electron/contract/messages.ts) in the analyst's
 * language. Reading the locale makes a computed that calls `translate` follow a language switch.
 */
import { formatMessage, reviewMessage, type Message } from '../../../electron/contract/messages'
import { i18n, type Locale } from './index'

export function translate(message: Message): string {
  return formatMessage(message, i18n.global.locale.value as Locale)
}

/** Why a sentence is marked for review, in the analyst's language when core wrote the reason. */
export function reviewText(reason: string): string {
  const message = reviewMessage(reason)
  return typeof message === 'string' ? message : translate(message)
}
