// Runs Electronegativity (Doyensec's Electron security scanner) over the built app in out/
// (main, preload and renderer as they ship) and fails on any HIGH or MEDIUM finding.
// LOW findings are printed; each one left is explained in the README's security section.
//
// One check is skipped: PRELOAD_JS_CHECK flags every BrowserWindow that has a preload at all,
// as a manual-review marker. Our preload is sandboxed, context-isolated, and exposes exactly
// the contract's methods (tests/unit/preload.test.ts checks the built file); see the README.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const electronVersion = require('electron/package.json').version
const report = 'test-results/electronegativity.csv'
if (!existsSync('out/main/index.js')) {
  console.error('security scan: build the app first (npm run build)')
  process.exit(2)
}
mkdirSync('test-results', { recursive: true })
const run = spawnSync(
  'npx',
  [
    'electronegativity',
    '-i',
    'out',
    '-r',
    '-v',
    'false',
    '-e',
    electronVersion,
    '-x',
    'PreloadJSCheck',
    '-o',
    report,
  ],
  { encoding: 'utf8' },
)
if (!existsSync(report)) {
  console.error(run.stdout, run.stderr)
  console.error('security scan: Electronegativity wrote no report')
  process.exit(2)
}
const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1)
const findings = rows.map((line) => {
  const [issue, severity, confidence, file, location] = line
    .split(',')
    .map((c) => c.replace(/^"|"$/g, ''))
  return { issue, severity, confidence, file, location }
})
for (const f of findings)
  console.log(`${f.severity.padEnd(6)} ${f.issue} (${f.confidence}) ${f.file}:${f.location}`)
const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM')
console.log(
  `electronegativity: ${serious.length} HIGH/MEDIUM, ${findings.length - serious.length} LOW (Electron ${electronVersion})`,
)
process.exit(serious.length ? 1 : 0)
