// `npm start`: makes sure Electron's binary is there (installing it with Electron's own installer
// when it is missing), then builds the app and launches it with `electron-vite preview`.
// `npm run dev` (`start.mjs dev`) does the same for `electron-vite dev`, the renderer served
// with hot reload. Further arguments go to electron-vite (e.g. `npm start -- --noSandbox`).
//
// Where Electron cannot be had (no network, no mirror, no local Electron) it stops before the
// build with a short message saying what failed and what to do, and exits with code 1.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { ensureElectron } from './electron-binary.mjs'

const dev = process.argv[2] === 'dev'
const command = dev ? 'npm run dev' : 'npm start'
const electronViteArgs = [dev ? 'dev' : 'preview', ...process.argv.slice(dev ? 3 : 2)]

const electron = await ensureElectron({ log: (line) => console.log(line) })
if (!('path' in electron)) {
  console.error(`\n${command}: ${electron.missing}\n`)
  process.exit(1)
}

const require = createRequire(import.meta.url)
const electronVite = join(
  dirname(require.resolve('electron-vite/package.json')),
  'bin',
  'electron-vite.js',
)

// electron-vite honours ELECTRON_EXEC_PATH before it looks for path.txt, so the binary found
// above (installed, or pointed at by ELECTRON_OVERRIDE_DIST_PATH) is the one it launches.
const child = spawn(process.execPath, [electronVite, ...electronViteArgs], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: electron.path },
})
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  })
child.on('error', (e) => {
  console.error(`${command}: electron-vite could not be run (${e.message})`)
  process.exit(1)
})
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
