import { spawn } from 'node:child_process'
import { chmod, cp, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises'
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { locateElectron } from '../../scripts/electron-binary.mjs'
import { REPO, tempDir } from './helpers'

/**
 * `npm start` (scripts/start.mjs) on a fresh checkout: the real script, Electron's real
 * installer and the real electron-vite build, run in a temporary copy of the project so that
 * neither the shared out/ folder nor node_modules/electron is touched. The copy's
 * node_modules links every package of ours except `electron`, which is a copy of the npm package
 * as `npm ci` leaves it: no binary, no path.txt.
 */
const ELECTRON_VERSION = (
  JSON.parse(readFileSync(join(REPO, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string
  }
).version

async function freshCheckout(dir: string, withSources: boolean): Promise<void> {
  const modules = join(dir, 'node_modules')
  await mkdir(modules, { recursive: true })
  for (const name of await readdir(join(REPO, 'node_modules'))) {
    if (name === 'electron' || name.startsWith('.')) continue
    await symlink(join(REPO, 'node_modules', name), join(modules, name), 'junction')
  }
  // The commands npm puts on PATH, linked relatively as npm links them, so that `electron`
  // among them is the copy's.
  await mkdir(join(modules, '.bin'))
  for (const name of await readdir(join(REPO, 'node_modules', '.bin')))
    await symlink(
      await readlink(join(REPO, 'node_modules', '.bin', name)),
      join(modules, '.bin', name),
    )
  const electron = join(REPO, 'node_modules', 'electron')
  await mkdir(join(modules, 'electron'))
  for (const name of await readdir(electron)) {
    if (name === 'dist' || name === 'path.txt') continue
    if (name === 'node_modules')
      await symlink(join(electron, name), join(modules, 'electron', name), 'junction')
    else await cp(join(electron, name), join(modules, 'electron', name), { recursive: true })
  }
  const copied = ['package.json', 'scripts']
  if (withSources)
    copied.push(
      'electron.vite.config.ts',
      ...(await readdir(REPO)).filter((name) => /^tsconfig.*\.json$/.test(name)),
      'electron',
      'renderer',
      'corpus',
    )
  for (const name of copied) await cp(join(REPO, name), join(dir, name), { recursive: true })
}

/** The environment of a shell on a machine that cannot download: no Electron variables set. */
function offlineEnv(cache: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const key of Object.keys(env))
    if (/^(ELECTRON_|electron_|npm_|VITEST|NODE_ENV$)/.test(key)) delete env[key]
  // Port 9 is one fetch refuses outright: the download fails at once, offline, everywhere. An
  // empty cache keeps a zip downloaded earlier on this machine from being used instead.
  return { ...env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache, ...extra }
}

/** `npm start`, the README's command, in the checkout. */
function runStart(
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start'], { cwd, env, shell: process.platform === 'win32' })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('npm start on a machine without Electron and without network', () => {
  let dir = ''
  let cleanup = async () => {}
  beforeAll(async () => {
    ;({ dir, cleanup } = await tempDir('workbench-start-'))
    await freshCheckout(join(dir, 'project'), false)
  })
  afterAll(() => cleanup())

  it('tries Electron’s installer, then stops with a plain message, exit code 1, no stack trace', async () => {
    const project = join(dir, 'project')
    const run = await runStart(project, offlineEnv(join(dir, 'cache')))

    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `Electron ${ELECTRON_VERSION} is not installed yet; downloading it from http://127.0.0.1:9/ ...`,
    )
    expect(run.stderr).toContain(
      `npm start: Electron ${ELECTRON_VERSION} is not installed, and downloading it from http://127.0.0.1:9/ failed (fetch failed: bad port).`,
    )
    expect(run.stderr).toContain('set ELECTRON_MIRROR to a mirror')
    expect(run.stderr).toContain('set ELECTRON_OVERRIDE_DIST_PATH to')
    const output = run.stdout + run.stderr
    expect(output).not.toMatch(/^\s+at /m)
    expect(output).not.toMatch(/Error:|Electron uninstall/)
    // It stopped before building and left Electron's package as it was.
    expect(existsSync(join(project, 'out'))).toBe(false)
    expect(existsSync(join(project, 'node_modules', 'electron', 'path.txt'))).toBe(false)
  })

  it('says which variable is wrong when ELECTRON_OVERRIDE_DIST_PATH names a folder without Electron', async () => {
    const project = join(dir, 'project')
    const nowhere = join(dir, 'no-electron-here')
    const run = await runStart(
      project,
      offlineEnv(join(dir, 'cache'), { ELECTRON_OVERRIDE_DIST_PATH: nowhere }),
    )

    expect(run.code).toBe(1)
    expect(run.stdout).not.toContain('downloading')
    expect(run.stderr).toContain(
      `npm start: Electron could not be started: ELECTRON_OVERRIDE_DIST_PATH points at ${nowhere}, which holds no Electron executable`,
    )
    expect(run.stderr).not.toMatch(/^\s+at /m)
  })
})

describe.skipIf(process.platform === 'win32')('npm start with an Electron on the machine', () => {
  if (process.platform === 'win32')
    console.log('skipping the launch test: its stand-in Electron is a POSIX shell script')
  let dir = ''
  let cleanup = async () => {}
  beforeAll(async () => {
    ;({ dir, cleanup } = await tempDir('workbench-start-'))
    await freshCheckout(join(dir, 'project'), true)
  })
  afterAll(() => cleanup())

  it('builds the app and launches that Electron on the project, whose main entry is the built one', async () => {
    const project = join(dir, 'project')
    // A stand-in for an Electron already on the machine: it records where and with what it was
    // started, and whether the built main entry was there at that moment, then exits with 3.
    const dist = join(dir, 'electron-dist')
    const record = join(dir, 'launched.txt')
    await mkdir(dist)
    const stub = join(dist, 'electron')
    await writeFile(
      stub,
      [
        '#!/bin/sh',
        `{ pwd -P; if [ -f out/main/index.js ]; then echo built; else echo unbuilt; fi; for a in "$@"; do echo "$a"; done; } > '${record}'`,
        'exit 3',
        '',
      ].join('\n'),
    )
    await chmod(stub, 0o755)

    const run = await runStart(
      project,
      offlineEnv(join(dir, 'cache'), { ELECTRON_OVERRIDE_DIST_PATH: dist }),
    )

    expect(run.stderr).not.toMatch(/^\s+at /m)
    // npm start lasts as long as the app and ends with its exit status.
    expect(run.code).toBe(3)
    expect(run.stdout).not.toContain('downloading')
    const [cwd, built, ...args] = (await readFile(record, 'utf8')).trimEnd().split('\n')
    expect(cwd).toBe(realpathSync(project))
    expect(built).toBe('built')
    // Electron is given the project folder; it starts the package's "main", the built entry.
    expect(args).toEqual(['.'])
    const main = (
      JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as { main: string }
    ).main
    expect(main).toBe('./out/main/index.js')
    for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'])
      expect(existsSync(join(project, file)), file).toBe(true)
  }, 240_000)
})

describe('finding the Electron executable', () => {
  let dir = ''
  let cleanup = async () => {}
  beforeAll(async () => ({ dir, cleanup } = await tempDir('workbench-start-')))
  afterAll(() => cleanup())

  it('takes ELECTRON_EXEC_PATH first, as electron-vite does, then ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const exec = join(dir, 'my-electron')
    await writeFile(exec, '')
    const dist = join(dir, 'dist')
    await mkdir(dist)
    await writeFile(join(dist, process.platform === 'win32' ? 'electron.exe' : 'electron'), '')

    expect(locateElectron({ ELECTRON_EXEC_PATH: exec, ELECTRON_OVERRIDE_DIST_PATH: dist })).toEqual(
      {
        path: exec,
      },
    )
    const viaDist = locateElectron({ ELECTRON_OVERRIDE_DIST_PATH: dist })
    expect('path' in viaDist && viaDist.path.startsWith(dist)).toBe(true)
    expect(locateElectron({ ELECTRON_EXEC_PATH: join(dir, 'gone') })).toEqual({
      missing: `ELECTRON_EXEC_PATH points at ${join(dir, 'gone')}, which does not exist`,
      installable: false,
    })
  })
})
