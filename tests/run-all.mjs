// Runs every test tier in order and ends with one line: `N passed, N failed, N skipped`.
//   node tests/run-all.mjs            build, then unit (Vitest), UI (Playwright + Chromium), e2e (_electron)
// Before the e2e tier it installs Electron's binary where it is missing; only where that fails
// do the _electron tests skip, saying why.
// The JSON reports of each runner are summed, so the line counts every test of every runner.
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { ensureElectron } from '../scripts/electron-binary.mjs'

const results = 'test-results'
rmSync(results, { recursive: true, force: true })

function run(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`)
  const r = spawnSync(command, args, { stdio: 'inherit', shell: false })
  return r.status ?? 1
}

/**
 * Installs Electron's binary for the Electron tier the way `npm start` does (Electron's own
 * installer, scripts/electron-binary.mjs). Where that fails the tier still runs, its tests skip,
 * and the reason printed here is handed to them to print with the skip.
 */
async function prepareElectron() {
  console.log('\n=== Electron binary')
  const electron = await ensureElectron({ log: (line) => console.log(line) })
  if ('path' in electron) {
    console.log(`Electron: ${electron.path}`)
    delete process.env.WORKBENCH_ELECTRON_MISSING
  } else {
    console.log(`The Electron tests will be skipped:\n${electron.missing}`)
    process.env.WORKBENCH_ELECTRON_MISSING = electron.missing.split('\n')[0]
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 }
let broken = false

if (run('build', 'npx', ['electron-vite', 'build']) !== 0) {
  console.error('The build failed; the UI and e2e tests need it.')
  broken = true
}

const unitStatus = run('unit tests', 'npx', ['vitest', 'run'])
const unit = readJson(`${results}/unit.json`)
if (unit) {
  totals.passed += unit.numPassedTests
  totals.failed += unit.numFailedTests
  totals.skipped += unit.numPendingTests + unit.numTodoTests
  if (unitStatus !== 0 && unit.numFailedTests === 0) broken = true // a suite failed to load
} else broken = true

for (const [title, config, file] of [
  ['UI tests', 'tests/ui/playwright.config.ts', 'ui.json'],
  ['Electron tests', 'tests/e2e/playwright.config.ts', 'e2e.json'],
]) {
  if (config.startsWith('tests/e2e/')) await prepareElectron()
  const status = run(title, 'npx', ['playwright', 'test', '--config', config])
  const report = readJson(`${results}/${file}`)
  if (!report) {
    broken = true
    continue
  }
  totals.passed += report.stats.expected + report.stats.flaky
  totals.failed += report.stats.unexpected
  totals.skipped += report.stats.skipped
  if (status !== 0 && report.stats.unexpected === 0) broken = true
  for (const e of report.errors ?? []) console.error(e.message)
}

if (broken) totals.failed += totals.failed === 0 ? 1 : 0
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 || broken ? 1 : 0)
