/**
 * Notices files arriving in the project folder from a sync engine. Node's own recursive fs.watch
 * (inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows) rather than chokidar:
 * we need no per-file events, only "something changed, rescan", and the rescan itself compares
 * file signatures (./layers.ts), so a missed or coalesced event costs nothing but time. For
 * folders where events never arrive (network drives, some FUSE mounts) or fs.watch is refused,
 * a slow poll runs the same rescan.
 */
import { watch, type FSWatcher } from 'node:fs'
import { LOCAL_DIR } from './layout'

export interface WatchOptions {
  /** Quiet time after the last event before the rescan: a sync writes files in bursts. */
  settleMs?: number
  /** The safety-net poll. */
  pollMs?: number
}

export function watchProjectFolder(
  dir: string,
  rescan: () => Promise<void>,
  { settleMs = 250, pollMs = 30_000 }: WatchOptions = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  let running: Promise<void> | null = null
  let again = false
  const run = () => {
    timer = null
    if (running) {
      again = true
      return
    }
    running = rescan()
      .catch(() => undefined)
      .finally(() => {
        running = null
        if (again) {
          again = false
          schedule()
        }
      })
  }
  const schedule = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(run, settleMs)
  }
  let watcher: FSWatcher | null = null
  try {
    watcher = watch(dir, { recursive: true, persistent: false }, (_event, name) => {
      const file = String(name ?? '')
      // Our own machine-local files and half-written temporaries are no news.
      if (file.startsWith(LOCAL_DIR) || file.endsWith('.tmp') || file.includes('.syncthing.'))
        return
      schedule()
    })
    watcher.on('error', () => undefined)
  } catch {
    watcher = null
  }
  const poll = setInterval(schedule, watcher ? pollMs : Math.min(pollMs, 3_000))
  poll.unref?.()
  return () => {
    watcher?.close()
    clearInterval(poll)
    if (timer) clearTimeout(timer)
  }
}
