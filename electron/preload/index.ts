/**
 * The preload: exposes the contract's methods, and nothing else, on one global. Sandboxed, so it
 * is bundled as CommonJS and imports only electron and the contract.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { API_METHODS, BRIDGE_GLOBAL, channelOf } from '../contract/api'

const bridge: Record<string, (...args: unknown[]) => Promise<unknown>> = {}
for (const method of API_METHODS) {
  bridge[method] = (...args: unknown[]) => ipcRenderer.invoke(channelOf(method), ...args)
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(bridge))
