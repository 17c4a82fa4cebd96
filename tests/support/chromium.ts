import { existsSync } from 'node:fs'

/** Debian's Chromium; Playwright's own browser downloads are never used on these machines. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/** Flags for a root-run Chromium on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH)
}
