// Finds the Electron executable and, where it is missing, installs it with Electron's own
// installer. Shared by the start command (scripts/start.mjs), the test runner (tests/run-all.mjs)
// and the Electron test tier (tests/support/electronBinary.ts).
//
// Why this exists: since Electron 42 the binary is no longer downloaded by a postinstall script
// but on first use of Electron's own `electron` bin, while electron-vite reads
// node_modules/electron/path.txt directly and gives up with "Electron uninstall" when it is absent
// (electron-vite issues #904/#905). So we look the binary up the way Electron's index.js does,
// without requiring it (that would start a download and throw a stack trace on failure), and
// run node_modules/electron/install.js ourselves, reporting a failure in plain words.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** Where @electron/get downloads from unless a mirror is configured. */
const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/'

/** The installed `electron` npm package: its folder and version. */
export function electronPackage() {
  const manifest = require.resolve('electron/package.json')
  return { dir: dirname(manifest), version: JSON.parse(readFileSync(manifest, 'utf8')).version }
}

/** The executable's path inside a dist folder, as Electron's install.js names it per platform. */
function platformExecutable(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  return platform === 'win32' ? 'electron.exe' : 'electron'
}

/**
 * The Electron executable, looked up without downloading anything, in the order the tools honour:
 * ELECTRON_EXEC_PATH (electron-vite's variable, the executable itself), then
 * ELECTRON_OVERRIDE_DIST_PATH (Electron's, a folder holding an Electron build), then the binary
 * Electron's installer put in node_modules/electron/dist and named in path.txt.
 *
 * @returns {{ path: string } | { missing: string, installable: boolean }} `installable` is true
 *   when running Electron's installer could fix it (no variable points elsewhere).
 */
export function locateElectron(env = process.env) {
  const exec = env['ELECTRON_EXEC_PATH']
  if (exec)
    return existsSync(exec)
      ? { path: exec }
      : {
          missing: `ELECTRON_EXEC_PATH points at ${exec}, which does not exist`,
          installable: false,
        }

  const { dir } = electronPackage()
  const pathFile = join(dir, 'path.txt')
  const named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  const override = env['ELECTRON_OVERRIDE_DIST_PATH']
  if (override) {
    // Electron's index.js falls back to "electron"; the platform's own name also works on
    // Windows and macOS, where the executable is called otherwise.
    const full = join(override, named || platformExecutable())
    return existsSync(full)
      ? { path: full }
      : {
          missing: `ELECTRON_OVERRIDE_DIST_PATH points at ${override}, which holds no Electron executable (${full} does not exist)`,
          installable: false,
        }
  }
  if (!named)
    return {
      missing: 'Electron is not installed (node_modules/electron/path.txt is absent)',
      installable: true,
    }
  const full = join(dir, 'dist', named)
  return existsSync(full)
    ? { path: full }
    : { missing: `the Electron executable ${full} is missing`, installable: true }
}

/**
 * Runs Electron's own installer (node_modules/electron/install.js), which downloads the binary
 * for this platform, checks it against the package's checksums and writes path.txt. Its output
 * is kept: on failure it prints a stack trace, of which only the error's first line is reported.
 *
 * @returns {{ ok: true } | { ok: false, reason: string }}
 */
export function installElectron(env = process.env) {
  const { dir } = electronPackage()
  const run = spawnSync(process.execPath, [join(dir, 'install.js')], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (run.error) return { ok: false, reason: run.error.message }
  if (run.status === 0) return { ok: true }
  const output = `${run.stderr ?? ''}\n${run.stdout ?? ''}`
  const first = output
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line && !line.startsWith('at '))
  return {
    ok: false,
    reason: (first ?? `the installer exited with code ${run.status}`).replace(/^\w*Error: /, ''),
  }
}

/** The address the installer downloads from, as @electron/get chooses it. */
function mirrorOf(env) {
  return env['npm_config_electron_mirror'] || env['ELECTRON_MIRROR'] || DEFAULT_MIRROR
}

/**
 * Why the mirror cannot be reached, for an installer that only said "fetch failed": Node's fetch
 * keeps the cause (no such host, connection refused) out of the stack trace the installer prints,
 * so one request of our own asks for it. Null when the mirror answers.
 */
async function unreachableBecause(url) {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(5000) })
    return null
  } catch (e) {
    const cause = /** @type {{ cause?: { message?: string } }} */ (e).cause
    return cause?.message ?? /** @type {Error} */ (e).message
  }
}

/**
 * The Electron executable, installed first if it is missing and can be installed.
 *
 * @param {{ env?: NodeJS.ProcessEnv, log?: (line: string) => void }} [options]
 * @returns {Promise<{ path: string } | { missing: string }>} `missing` is a short explanation in
 *   plain words of what failed and what to do, ready to print.
 */
export async function ensureElectron({ env = process.env, log = () => {} } = {}) {
  const found = locateElectron(env)
  if ('path' in found) return found
  const { version } = electronPackage()
  if (!found.installable)
    return {
      missing: [
        `Electron could not be started: ${found.missing}.`,
        'Point the variable at an existing Electron, or unset it to let Electron install its own.',
      ].join('\n'),
    }
  const mirror = mirrorOf(env)
  log(`Electron ${version} is not installed yet; downloading it from ${mirror} ...`)
  const installed = installElectron(env)
  const after = locateElectron(env)
  if (installed.ok && 'path' in after) return after
  let why = installed.ok ? after.missing : installed.reason
  if (why === 'fetch failed') {
    const cause = await unreachableBecause(mirror)
    if (cause) why = `${why}: ${cause}`
  }
  return {
    missing: [
      `Electron ${version} is not installed, and downloading it from ${mirror} failed (${why}).`,
      'To fix this, either:',
      '  - let the download through: connect to the internet, or set ELECTRON_MIRROR to a mirror',
      '    this machine can reach, and run the command again; or',
      `  - use an Electron ${version} already on this machine: set ELECTRON_OVERRIDE_DIST_PATH to`,
      '    the folder that holds its executable.',
    ].join('\n'),
  }
}
