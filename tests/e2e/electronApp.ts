import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron as electron, test, type ElectronApplication, type Page } from '@playwright/test'
import { findElectronBinary } from '../support/electronBinary'
import { WorkbenchPage } from '../support/workbenchPage'

/** The project folder: Electron is started on it as `npm start` does, so its "main" is the built entry. */
export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)))

export const binary = findElectronBinary()

/**
 * Skips the tests of the calling file where no Electron binary exists (tests/run-all.mjs tried
 * to install it first), printing why once.
 */
export function requireElectron(): void {
  const reason = 'missing' in binary ? binary.missing : ''
  if (reason && !told) console.log(`skipping Electron tests: ${reason}`)
  told = true
  test.skip(!!reason, `Electron binary not available: ${reason}`)
}
let told = false

/** The executable, once requireElectron() has let the test run. */
export function electronPath(): string {
  if (!('path' in binary)) throw new Error(binary.missing)
  return binary.path
}

/**
 * Arguments and environment that start the built app on a user-data folder of its own, in
 * English. On Linux, Playwright's launch adds Chromium's --no-sandbox (its setuid sandbox is not
 * set up on CI machines); a process started by hand gets the same, so both start alike. The
 * renderer's `sandbox` preference, which the security test checks, is a different thing.
 */
export function appCommand(userData: string): { args: string[]; env: Record<string, string> } {
  const args = [REPO, '--lang=en-US']
  if (process.platform === 'linux') args.push('--no-sandbox')
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v
  delete env['ELECTRON_RUN_AS_NODE']
  return {
    args,
    env: { ...env, WORKBENCH_USER_DATA: userData, LANG: 'en_US.UTF-8', LANGUAGE: 'en' },
  }
}

export function launchApp(userData: string): Promise<ElectronApplication> {
  if (!existsSync(join(REPO, 'out', 'main', 'index.js')))
    throw new Error('the app is not built: run `npm run build` first (npm test does)')
  return electron.launch({ executablePath: electronPath(), cwd: REPO, ...appCommand(userData) })
}

/** A temporary user-data folder, removed after `body` however it ends. */
export async function withUserData<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-e2e-'))
  try {
    return await body(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The first start of a fresh user-data folder: the app asks for the analyst's name. */
export async function startCoding(page: Page, name = 'E2E Analyst'): Promise<WorkbenchPage> {
  await page.getByRole('textbox', { name: 'Your name' }).fill(name)
  await page.getByRole('button', { name: 'Start coding' }).click()
  const workbench = new WorkbenchPage(page)
  await workbench.ready()
  return workbench
}
