/**
 * The renderer's typed client over the preload's global: every contract method, returning its
 * value or throwing an ApiError whose message is meant for the analyst, in the interface
 * language of the moment it was thrown.
 */
import {
  API_METHODS,
  BRIDGE_GLOBAL,
  type Api,
  type ApiMethod,
  type Bridge,
} from '../../electron/contract/api'
import {
  isMessageCode,
  type Message,
  type MessageCode,
  type MessageParams,
} from '../../electron/contract/messages'
import { translate } from './i18n/messages'

export class ApiError extends Error {
  constructor(
    readonly method: ApiMethod,
    readonly code: MessageCode,
    readonly params: MessageParams,
  ) {
    super(translate({ code, params }))
    this.name = 'ApiError'
  }

  /** The error as a message, to translate again after a language switch. */
  toMessage(): Message {
    return { code: this.code, params: this.params }
  }
}

type RawEnvelope = {
  ok: boolean
  value?: unknown
  error?: string
  code?: unknown
  params?: MessageParams
}

function bridge(): Bridge {
  const b = (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_GLOBAL]
  if (!b) throw new Error('The app bridge is missing: the page was not started by the app.')
  return b
}

function makeClient(): Api {
  const client = {} as Record<ApiMethod, (...args: unknown[]) => Promise<unknown>>
  for (const method of API_METHODS) {
    client[method] = async (...args: unknown[]) => {
      const call = bridge()[method] as (...a: unknown[]) => Promise<RawEnvelope>
      const envelope = await call(...args)
      if (!envelope.ok) {
        if (isMessageCode(envelope.code))
          throw new ApiError(method, envelope.code, envelope.params ?? {})
        throw new ApiError(method, 'api.failed', { method, detail: envelope.error ?? '' })
      }
      return envelope.value
    }
  }
  return client as unknown as Api
}

export const api: Api = makeClient()
