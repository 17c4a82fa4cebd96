/**
 * The renderer's typed client over the preload's global: every contract method, returning its
 * value or throwing an ApiError whose message is meant for the analyst.
 */
import {
  API_METHODS,
  BRIDGE_GLOBAL,
  type Api,
  type ApiMethod,
  type Bridge,
} from '../../electron/contract/api'

export class ApiError extends Error {
  constructor(
    readonly method: ApiMethod,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
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
      const call = bridge()[method] as (
        ...a: unknown[]
      ) => Promise<{ ok: boolean; value?: unknown; error?: string }>
      const envelope = await call(...args)
      if (!envelope.ok) throw new ApiError(method, envelope.error ?? 'Unknown error')
      return envelope.value
    }
  }
  return client as unknown as Api
}

export const api: Api = makeClient()
