import { ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron'
import { API_METHODS, channelOf } from '../contract/api'
import { formatMessage } from '../contract/messages'
import type { Handlers } from '../core/handlers'

/**
 * Registers exactly the contract's methods. A call from any frame other than our own top-level
 * page (an iframe, a page navigated elsewhere) is refused before its arguments are looked at.
 */
export function registerHandlers(
  handlers: Handlers,
  isTrusted: (frame: WebFrameMain | null) => boolean,
): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isTrusted(event.senderFrame))
        return {
          ok: false,
          error: formatMessage({ code: 'api.untrustedSender' }),
          code: 'api.untrustedSender',
          params: {},
        }
      return handlers[method](...args)
    })
  }
}
