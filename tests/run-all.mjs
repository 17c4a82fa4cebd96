// Runs every test tier in order and ends with one line: `N passed, N failed, N skipped`.
//   node tests/run-all.mjs            build, then unit (Vitest), UI (Playwright + Chromium), e2e (_electron)
// The JSON reports of each runner are summed, so the line counts every test of every runner.
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'

const results = 'test-results'
rmSync(results, { recursive: true, force: true })

function run(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`)
  const r = spawnSync(command, args, { stdio: 'inherit', shell: false })
  return r.status ?? 1
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
