/** The memory of processes the benchmark started, read from /proc. */
import { readdirSync, readFileSync } from 'node:fs'

/** RSS of the largest Chromium renderer started by this process, from /proc (Linux only). */
export function rendererRss(): number | null {
  try {
    const children = new Map<number, number[]>()
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
        children.set(ppid, [...(children.get(ppid) ?? []), Number(name)])
      } catch {
        /* the process ended meanwhile */
      }
    }
    let best: number | null = null
    const queue = [...(children.get(process.pid) ?? [])]
    while (queue.length > 0) {
      const pid = queue.shift()!
      queue.push(...(children.get(pid) ?? []))
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1])
        if (Number.isFinite(kb)) best = Math.max(best ?? 0, kb * 1024)
      } catch {
        /* gone */
      }
    }
    return best
  } catch {
    return null
  }
}
