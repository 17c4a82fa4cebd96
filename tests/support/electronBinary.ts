import { locateElectron } from '../../scripts/electron-binary.mjs'

/**
 * The Electron executable for the `_electron` tests, found the way the start command finds it
 * (ELECTRON_EXEC_PATH, ELECTRON_OVERRIDE_DIST_PATH, then the binary Electron's installer put in
 * node_modules/electron/dist) and without calling `require('electron')`, which would start a
 * download. Installing it is tests/run-all.mjs's job, before this tier runs: when that failed it
 * hands its explanation over in WORKBENCH_ELECTRON_MISSING, so the skip says why.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const found = locateElectron()
  if ('path' in found) return found
  return { missing: process.env['WORKBENCH_ELECTRON_MISSING'] || found.missing }
}
