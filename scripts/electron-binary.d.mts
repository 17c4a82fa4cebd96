// Types of electron-binary.mjs for the TypeScript tests (tests/support/electronBinary.ts).
export function electronPackage(): { dir: string; version: string }
export function locateElectron(
  env?: NodeJS.ProcessEnv,
): { path: string } | { missing: string; installable: boolean }
export function installElectron(
  env?: NodeJS.ProcessEnv,
): { ok: true } | { ok: false; reason: string }
export function ensureElectron(options?: {
  env?: NodeJS.ProcessEnv
  log?: (line: string) => void
}): Promise<{ path: string } | { missing: string }>
