import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ELECTRON_DIR = resolve(fileURLToPath(new URL('../../node_modules/electron', import.meta.url)))

/**
 * The Electron executable if one is installed, found the way electron's own index.js finds it
 * but without calling it: `require('electron')` would start a download when the binary is
 * missing, and these machines cannot reach GitHub.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  const pathFile = join(ELECTRON_DIR, 'path.txt')
  if (!existsSync(pathFile) && !override)
    return {
      missing:
        'no Electron binary is installed (node_modules/electron/path.txt is absent; Electron fetches it from GitHub on first use, which this machine cannot reach)',
    }
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron'
  const full = override ? join(override, relative) : join(ELECTRON_DIR, 'dist', relative)
  return existsSync(full) ? { path: full } : { missing: `the Electron binary ${full} is missing` }
}
