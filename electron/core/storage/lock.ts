import { hostname } from 'node:os'
import { join } from 'node:path'
import { open, readFile, rm } from 'node:fs/promises'
import { msg, type MessageCode } from '../../contract/messages'
import { UserError } from '../errors'

export interface LockOwner {
  pid: number
  host: string
  tool: string
  since: string
}

/** The programs that take the lock, named in the analyst's language when another one asks. */
const TOOL_NAMES: Record<string, MessageCode> = {
  'the app': 'storage.tool.app',
  'the command-line tool': 'storage.tool.cli',
}

export class ProjectLockedError extends UserError {
  constructor(
    readonly dir: string,
    readonly owner: LockOwner,
  ) {
    super('storage.locked', {
      tool: owner.tool in TOOL_NAMES ? msg(TOOL_NAMES[owner.tool]) : owner.tool,
      pid: String(owner.pid),
      host: owner.host,
      since: owner.since,
    })
    this.name = 'ProjectLockedError'
  }
}

const LOCK_FILE = '.lock'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * One writer per project. The lock file names its owner; a lock whose owner process is gone
 * (a crash, a kill) is taken over at once, so a crash never leaves the project stuck. This is
 * hand-rolled rather than proper-lockfile, whose stale detection waits out a timeout.
 */
export async function acquireProjectLock(dir: string, tool: string): Promise<() => Promise<void>> {
  const file = join(dir, LOCK_FILE)
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    tool,
    since: new Date().toISOString(),
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx')
      try {
        await handle.writeFile(JSON.stringify(me))
        await handle.sync()
      } finally {
        await handle.close()
      }
      return async () => {
        const current = await readOwner(file)
        if (current && current.pid === me.pid && current.host === me.host)
          await rm(file, { force: true })
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
    const owner = await readOwner(file)
    const stale = !owner || (owner.host === me.host && !alive(owner.pid))
    if (!stale) throw new ProjectLockedError(dir, owner)
    await rm(file, { force: true })
  }
  throw new Error(`Could not lock the project in ${dir}.`)
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as LockOwner
    return typeof owner.pid === 'number' ? owner : null
  } catch {
    return null // unreadable: left by a crash while it was being written
  }
}
