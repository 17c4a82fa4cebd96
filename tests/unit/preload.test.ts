import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { API_METHODS, BRIDGE_GLOBAL, channelOf } from '../../electron/contract/api'
import { REPO } from './helpers'

const BUILT = join(REPO, 'out', 'preload', 'index.cjs')

/**
 * Runs the built preload as Electron's sandbox would: a CommonJS script whose `require` offers
 * only `electron`. It must expose exactly the contract's methods on one global, frozen.
 */
describe('the built preload', () => {
  it('requires nothing but electron and exposes exactly the contract', async () => {
    expect(existsSync(BUILT), 'build the app first (npm run build)').toBe(true)
    const required: string[] = []
    const exposed: Record<string, unknown> = {}
    const invoked: unknown[][] = []
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => (
          invoked.push(args),
          Promise.resolve({ ok: true, value: 1 })
        ),
      },
    }
    const module = { exports: {} }
    runInNewContext(readFileSync(BUILT, 'utf8'), {
      require: (name: string) => {
        required.push(name)
        if (name !== 'electron') throw new Error(`the sandboxed preload may not require ${name}`)
        return electron
      },
      module,
      exports: module.exports,
    })
    expect(required).toEqual(['electron'])
    expect(Object.keys(exposed)).toEqual([BRIDGE_GLOBAL])
    const bridge = exposed[BRIDGE_GLOBAL] as Record<string, (...a: unknown[]) => Promise<unknown>>
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS].sort())
    expect(Object.isFrozen(bridge)).toBe(true)
    await bridge.getDocument('doc-1')
    expect(invoked).toEqual([[channelOf('getDocument'), 'doc-1']])
  })
})
