/**
 * Where the renderer's time goes during key presses: a CDP CPU profile (the sampling profiler
 * DevTools uses) over a run of presses, summarised as self time per function, so the bench says
 * which code a key press pays for (`npm run bench -- --only ui --profile`).
 */
import type { CDPSession } from 'playwright-core'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}

interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export async function profiled(cdp: CDPSession, run: () => Promise<void>): Promise<Profile> {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await cdp.send('Profiler.start')
  await run()
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
  await cdp.send('Profiler.disable')
  return profile
}

/** Self time per function (ms), largest first, idle and the program's own bookkeeping left out. */
export function selfTimes(profile: Profile, top = 20): Array<{ name: string; ms: number }> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const ms = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)
    if (!node) return
    const { functionName, url, lineNumber } = node.callFrame
    if ((functionName === '(idle)' || functionName === '(program)') && !url) return
    const file = url.split('/').pop() ?? ''
    const name = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`
    ms.set(name, (ms.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return [...ms]
    .map(([name, v]) => ({ name, ms: v }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top)
}
