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

/**
 * Who calls a function most, by samples: its heaviest call path of `depth` frames upwards,
 * to tell apart a setText of the article from one of the document list.
 */
export function heaviestCallers(profile: Profile, functionName: string, depth = 6): string {
  const parent = new Map<number, ProfileNode>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n)
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const paths = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)
    if (!node || node.callFrame.functionName !== functionName) return
    const chain: string[] = []
    for (let p = parent.get(node.id); p && chain.length < depth; p = parent.get(p.id))
      chain.push(`${p.callFrame.functionName || '(anonymous)'}:${p.callFrame.lineNumber + 1}`)
    const key = chain.join(' ← ')
    paths.set(key, (paths.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return [...paths]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([k, v]) => `${v.toFixed(1)} ms: ${k}`)
    .join(' || ')
}
