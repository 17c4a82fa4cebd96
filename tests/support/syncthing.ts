/**
 * Real Syncthing (Debian's `syncthing`) for the team tests: instances on 127.0.0.1 only, each
 * with a temporary home, its GUI/API on loopback, global and local discovery, relays, NAT and
 * usage reporting off, devices introduced to each other by static tcp://127.0.0.1:PORT
 * addresses, sharing one folder. Started and stopped by the test.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'

export function syncthingAvailable(): string | null {
  try {
    return execFileSync('syncthing', ['--version'], { encoding: 'utf8' }).trim()
  } catch {
    return null
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export interface SyncthingNode {
  name: string
  home: string
  folder: string
  deviceId: string
  listenPort: number
  guiPort: number
  apiKey: string
  process?: ChildProcess
  log: string[]
}

/** Generates a node's key and identity (no config of ours yet). */
export async function prepareNode(
  name: string,
  home: string,
  folder: string,
): Promise<SyncthingNode> {
  await mkdir(home, { recursive: true })
  await mkdir(folder, { recursive: true })
  execFileSync('syncthing', ['generate', `--home=${home}`, '--no-default-folder'], {
    stdio: 'ignore',
  })
  const deviceId = execFileSync('syncthing', ['serve', `--home=${home}`, '--device-id'], {
    encoding: 'utf8',
  }).trim()
  return {
    name,
    home,
    folder,
    deviceId,
    listenPort: await freePort(),
    guiPort: await freePort(),
    apiKey: randomBytes(16).toString('hex'),
    log: [],
  }
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')

/** Writes the node's config: one shared folder, its peers at static loopback addresses. */
export async function configure(node: SyncthingNode, peers: SyncthingNode[], folderId: string) {
  const devices = [node, ...peers]
  const config = `<configuration version="36">
    <folder id="${folderId}" label="${folderId}" path="${xml(node.folder)}" type="sendreceive" rescanIntervalS="60" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
${devices.map((d) => `        <device id="${d.deviceId}" introducedBy=""></device>`).join('\n')}
        <minDiskFree unit="%">0</minDiskFree>
    </folder>
    <device id="${node.deviceId}" name="${node.name}" compression="metadata" introducer="false">
        <address>dynamic</address>
    </device>
${peers
  .map(
    (
      p,
    ) => `    <device id="${p.deviceId}" name="${p.name}" compression="metadata" introducer="false">
        <address>tcp://127.0.0.1:${p.listenPort}</address>
    </device>`,
  )
  .join('\n')}
    <gui enabled="true" tls="false" debugging="false">
        <address>127.0.0.1:${node.guiPort}</address>
        <apikey>${node.apiKey}</apikey>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:${node.listenPort}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <startBrowser>false</startBrowser>
        <urAccepted>-1</urAccepted>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <crashReportingEnabled>false</crashReportingEnabled>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
        <setLowPriority>false</setLowPriority>
    </options>
</configuration>
`
  await writeFile(join(node.home, 'config.xml'), config)
}

export function start(node: SyncthingNode): void {
  const child = spawn(
    'syncthing',
    [
      'serve',
      `--home=${node.home}`,
      '--no-browser',
      '--no-restart',
      '--no-upgrade',
      '--no-default-folder',
      '--skip-port-probing',
    ],
    {
      env: { ...process.env, STNOUPGRADE: '1', STNODEFAULTFOLDER: '1', HOME: node.home },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  )
  const keep = (chunk: Buffer) => {
    node.log.push(chunk.toString())
    if (node.log.length > 200) node.log.shift()
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  node.process = child
}

/** Asks the node's REST API (on loopback, with its key). */
export async function api<T = unknown>(
  node: SyncthingNode,
  path: string,
  init: RequestInit = {},
): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${node.guiPort}${path}`, {
    ...init,
    headers: { 'X-API-Key': node.apiKey, ...(init.headers ?? {}) },
  })
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`)
  const text = await response.text()
  return (text ? JSON.parse(text) : null) as T
}

/** Waits until the API answers and the peers are connected. */
export async function waitConnected(node: SyncthingNode, timeoutMs = 60_000): Promise<void> {
  await until(
    async () => {
      const c = await api<{ connections: Record<string, { connected: boolean }> }>(
        node,
        '/rest/system/connections',
      ).catch(() => null)
      return !!c && Object.values(c.connections).some((x) => x.connected)
    },
    timeoutMs,
    () => `${node.name} never connected:\n${node.log.join('').slice(-2000)}`,
  )
}

export async function stop(node: SyncthingNode): Promise<void> {
  const child = node.process
  if (!child || child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  // The whole process group: syncthing may run a monitor and a child.
  try {
    process.kill(-(child.pid as number), 'SIGTERM')
  } catch {
    child.kill('SIGTERM')
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))])
  if (child.exitCode === null)
    try {
      process.kill(-(child.pid as number), 'SIGKILL')
    } catch {
      /* already gone */
    }
}

/** Polls `condition` until it holds; fails with `why()` after the deadline. */
export async function until(
  condition: () => Promise<boolean> | boolean,
  timeoutMs: number,
  why: () => string,
  everyMs = 200,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await condition()) return
    if (Date.now() > deadline) throw new Error(why())
    await new Promise((r) => setTimeout(r, everyMs))
  }
}
