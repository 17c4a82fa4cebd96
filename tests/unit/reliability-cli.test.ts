import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mulberry32 } from '../../electron/core/export/split'
import { agreementCommand } from '../../electron/core/reliability/cliCommand'
import { REPO, tempDir } from './helpers'

// `agreement --data` must give the figures of the reference implementations, to 1e-9: NLTK's
// AnnotationTask.alpha, scikit-learn's cohen_kappa_score, statsmodels' fleiss_kappa (Debian's
// python3-nltk, -sklearn, -statsmodels, installed by .ci/run), through tests/python/.
// Every table goes through the agreement command with its real arguments and output; the
// process around it (spawned tsx takes seconds on a loaded machine) is checked on a few.
const PYTHON = '/usr/bin/python3'
const REFERENCE = join(REPO, 'tests', 'python', 'reliability_reference.py')
const missingModules = existsSync(PYTHON)
  ? ['nltk', 'sklearn', 'statsmodels', 'numpy'].filter(
      (m) => spawnSync(PYTHON, ['-c', `import ${m}`]).status !== 0,
    )
  : ['python3']

function cli(args: string[]) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', join(REPO, 'electron', 'cli.ts'), ...args],
    {
      cwd: REPO,
      encoding: 'utf8',
    },
  )
}

type Cell = string | number | string[] | null

function csv(coders: string[], rows: Cell[][]): string {
  const cell = (v: Cell) =>
    v === null ? '' : Array.isArray(v) ? (v.length === 0 ? '{}' : v.join('|')) : String(v)
  return [
    ['unit', ...coders].join(','),
    ...rows.map((r, i) => [`u${i + 1}`, ...r.map(cell)].join(',')),
  ].join('\n')
}

/** Seeded reliability data: a true value per unit, each coder off by chance, some cells empty. */
function randomTable(
  seed: number,
  units: number,
  coders: number,
  missing: number,
  truth: (r: () => number) => Cell,
  noise: (r: () => number, truthValue: Cell) => Cell,
  error = 0.3,
): string {
  const r = mulberry32(seed)
  const rows: Cell[][] = []
  for (let u = 0; u < units; u++) {
    const t = truth(r)
    rows.push(
      Array.from({ length: coders }, () => (r() < missing ? null : r() < error ? noise(r, t) : t)),
    )
  }
  return csv(
    Array.from({ length: coders }, (_, i) => `coder${i + 1}`),
    rows,
  )
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
const STANCES = ['pro', 'contra', 'neutral', 'ambivalent']
const ACTORS = ['trump', 'kim', 'moon', 'xi', 'putin', 'abe']
const someActors = (r: () => number) => ACTORS.filter(() => r() < 0.25)

// Krippendorff (2011), section C.
const K2011 = csv(
  ['A', 'B', 'C', 'D'],
  [
    [1, 1, null, 1],
    [2, 2, 3, 2],
    [3, 3, 3, 3],
    [3, 3, 3, 3],
    [2, 2, 2, 2],
    [1, 2, 3, 4],
    [4, 4, 4, 4],
    [1, 1, 2, 1],
    [2, 2, 2, 2],
    [null, 5, 5, 5],
    [null, null, 1, 1],
    [null, 3, null, null],
  ],
)
// Fleiss (1971): 10 subjects, 14 raters, 5 categories (kappa 0.2099).
const FLEISS = csv(
  Array.from({ length: 14 }, (_, i) => `r${i + 1}`),
  [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ].map((counts) => counts.flatMap((n, c) => Array<Cell>(n).fill(`c${c + 1}`))),
)
// Cohen's kappa 0.4: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no.
const COHEN = csv(
  ['a', 'b'],
  [
    ...Array<Cell[]>(20).fill(['yes', 'yes']),
    ...Array<Cell[]>(5).fill(['yes', 'no']),
    ...Array<Cell[]>(10).fill(['no', 'yes']),
    ...Array<Cell[]>(15).fill(['no', 'no']),
  ],
)

const TABLES: Record<string, string> = {
  'krippendorff-2011': K2011,
  'fleiss-1971': FLEISS,
  'cohen-yes-no': COHEN,
  'nominal-missing': randomTable(
    11,
    80,
    4,
    0.2,
    (r) => pick(r, STANCES),
    (r) => pick(r, STANCES),
  ),
  'nominal-two-complete': randomTable(
    12,
    120,
    2,
    0,
    (r) => pick(r, STANCES),
    (r) => pick(r, STANCES),
  ),
  'nominal-five-complete': randomTable(
    13,
    60,
    5,
    0,
    (r) => pick(r, STANCES),
    (r) => pick(r, STANCES),
  ),
  'scale-missing': randomTable(
    14,
    90,
    3,
    0.15,
    (r) => 1 + Math.floor(r() * 7),
    (r, t) => Math.min(7, Math.max(1, (t as number) + pick(r, [-2, -1, 1, 2]))),
  ),
  'scale-two-complete': randomTable(
    15,
    70,
    2,
    0,
    (r) => Math.floor(r() * 11) / 2,
    (r) => Math.floor(r() * 11) / 2,
    0.5,
  ),
  'scale-negative': randomTable(
    16,
    50,
    3,
    0.1,
    (r) => pick(r, [-3, -2, -1, 0, 1, 2, 3]),
    (r) => pick(r, [-3, -2, -1, 0, 1, 2, 3]),
  ),
  'sets-missing': randomTable(17, 80, 3, 0.15, someActors, someActors, 0.4),
  'sets-two-complete': randomTable(18, 60, 2, 0, someActors, (r, t) =>
    (t as string[]).length && r() < 0.5 ? (t as string[]).slice(1) : someActors(r),
  ),
  'no-variation': csv(
    ['x', 'y', 'z'],
    [
      ['pro', 'pro', 'pro'],
      ['pro', null, 'pro'],
      ['pro', 'pro', 'pro'],
    ],
  ),
  'nothing-pairable': csv(
    ['x', 'y'],
    [
      [1, null],
      [null, 2],
      [3, null],
    ],
  ),
}

let dir: string
let cleanup: () => Promise<void>
let reference: Record<string, Record<string, number | null>> = {}
const ours: Record<string, Record<string, number | null>> = {}

beforeAll(async () => {
  ;({ dir, cleanup } = await tempDir('reliability-'))
  for (const [name, text] of Object.entries(TABLES)) await writeFile(join(dir, `${name}.csv`), text)
  if (missingModules.length === 0) {
    const paths = Object.keys(TABLES).map((name) => join(dir, `${name}.csv`))
    const run = spawnSync(PYTHON, [REFERENCE, ...paths], { encoding: 'utf8' })
    if (run.status !== 0) throw new Error(run.stderr)
    reference = JSON.parse(run.stdout)
  }
}, 60_000)
afterAll(() => cleanup())

describe('agreement --data, compared with NLTK, scikit-learn and statsmodels', () => {
  for (const name of Object.keys(TABLES))
    it(`${name}: every measure equals the reference to 1e-9`, async (ctx) => {
      const out = await agreementCommand([
        '--data',
        join(dir, `${name}.csv`),
        '--json',
        '--draws',
        '0',
      ])
      const lines = out.trim().split('\n')
      const got = JSON.parse(lines[lines.length - 1]) as Record<string, number | null>
      ours[name] = got
      if (missingModules.length > 0) {
        console.log(
          `skipped the comparison of "${name}": ${PYTHON} lacks ${missingModules.join(', ')} (apt-get install python3-nltk python3-sklearn python3-statsmodels)`,
        )
        ctx.skip()
      }
      const expected = { ...reference[join(dir, `${name}.csv`)] }
      const avgAo = expected.nltk_avg_ao
      delete expected.nltk_avg_ao
      expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort())
      for (const [key, value] of Object.entries(expected)) {
        if (value === null) expect(got[key], key).toBeNull()
        else
          expect(
            Math.abs((got[key] as number) - value),
            `${key}: ${got[key]} vs ${value}`,
          ).toBeLessThan(1e-9)
      }
      if (avgAo !== undefined && avgAo !== null)
        expect(Math.abs((got.percent_agreement as number) - avgAo)).toBeLessThan(1e-9)
    })

  it('prints the same last line from the command line, bootstrap and all', () => {
    const run = cli(['agreement', '--data', join(dir, 'krippendorff-2011.csv'), '--json'])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const lines = run.stdout.trim().split('\n')
    expect(JSON.parse(lines[lines.length - 1])).toEqual(ours['krippendorff-2011'])
  })

  it('gives the published figures and leaves out what does not apply', () => {
    const k = ours['krippendorff-2011'] ?? {}
    expect(k.alpha_nominal).toBeCloseTo(0.743421, 6)
    expect(k.alpha_ordinal).toBeCloseTo(0.815388, 6)
    expect(k.alpha_interval).toBeCloseTo(0.849107, 6)
    expect(k.alpha_ratio).toBeCloseTo(0.797403, 6)
    expect(k).toMatchObject({ units: 12, coders: 4, pairable: 40 })
    expect(k).not.toHaveProperty('cohen_kappa')
    expect(k).not.toHaveProperty('fleiss_kappa')
    expect(k).not.toHaveProperty('alpha_masi')
    expect(ours['fleiss-1971']?.fleiss_kappa).toBeCloseTo(0.20993, 5)
    expect(ours['cohen-yes-no']?.cohen_kappa).toBeCloseTo(0.4, 12)
    expect(ours['sets-missing']).toHaveProperty('alpha_masi')
    expect(ours['sets-missing']).not.toHaveProperty('alpha_interval')
    expect(ours['scale-negative']?.alpha_ratio).toBeNull()
    expect(ours['no-variation']).toMatchObject({ alpha_nominal: null })
    expect(ours['nothing-pairable']).toMatchObject({
      alpha_nominal: null,
      percent_agreement: null,
      pairable: 0,
    })
  })
})

describe('agreement --data as a report to read', () => {
  it('prints alpha with its interval, the verdict, the kappas and the coder matrix', () => {
    const run = cli(['agreement', '--data', join(dir, 'krippendorff-2011.csv')])
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(
      '12 units (11 coded by two coders or more), 4 coders, 40 pairable values',
    )
    expect(run.stdout).toMatch(/interval\s+0\.849107\s+\[0\.\d{3}, 0\.\d{3}\]/)
    expect(run.stdout).toMatch(/nominal\s+0\.743421 .*tentative conclusions only/)
    expect(run.stdout).toContain(
      "Cohen's kappa       does not apply: Cohen’s kappa compares exactly two coders; there are 4.",
    )
    expect(run.stdout).toMatch(/A – B\s+9\s+0\.888889/)
  })

  it('reads a spreadsheet saved as Windows-1252 or UTF-16 like one saved as UTF-8', async () => {
    const text = 'unit,Jörg,Özlem\n1,München,München\n2,Köln,München\n3,Köln,Köln\n4,Straße,Köln\n'
    const latin1 = Buffer.from(text, 'latin1')
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    // Özlem's cells typed with decomposed umlauts: still the same labels as Jörg's.
    const mixed = text
      .split('\n')
      .map((line) => line.replace(/,([^,]*)$/, (_, last: string) => `,${last.normalize('NFD')}`))
      .join('\n')
    const decomposed = Buffer.from(mixed, 'utf8')
    const json = async (name: string, bytes: Buffer) => {
      await writeFile(join(dir, name), bytes)
      return (await agreementCommand(['--data', join(dir, name), '--json', '--draws', '0'])).trim()
    }
    const utf8 = await json('cities-utf8.csv', Buffer.from(text, 'utf8'))
    expect(JSON.parse(utf8)).toMatchObject({ units: 4, coders: 2, pairable: 8 })
    expect(await json('cities-1252.csv', latin1)).toBe(utf8)
    expect(await json('cities-utf16.csv', utf16)).toBe(utf8)
    expect(await json('cities-nfd.csv', decomposed)).toBe(utf8)
    const report = await agreementCommand(['--data', join(dir, 'cities-1252.csv'), '--draws', '0'])
    expect(report).toContain('Jörg – Özlem')
    expect(report).toMatch(/München\s+2\.00/)
  })

  it('explains a malformed table and exits with status 2, printing no figures', async () => {
    await writeFile(join(dir, 'bad-header.csv'), 'item,a,b\n1,x,y\n')
    const header = cli(['agreement', '--data', join(dir, 'bad-header.csv')])
    expect(header.status).toBe(2)
    expect(header.stdout).toBe('')
    expect(header.stderr).toContain(
      'must be "unit", followed by one column per coder (it is "item")',
    )
    await writeFile(join(dir, 'short-row.csv'), 'unit,a,b\n1,x,y\n2,x\n')
    await expect(
      agreementCommand(['--data', join(dir, 'short-row.csv'), '--json']),
    ).rejects.toThrow(/Row 3 of .*short-row\.csv has 2 cells, but the header has 3/)
    await expect(agreementCommand(['--data', join(dir, 'no-such.csv')])).rejects.toThrow(
      /Cannot read .*no-such\.csv/,
    )
    await expect(agreementCommand([])).rejects.toThrow(
      'agreement needs --project DIR or --data FILE.csv',
    )
    await writeFile(join(dir, 'twice.csv'), 'unit,a,a\n1,x,y\n')
    await expect(agreementCommand(['--data', join(dir, 'twice.csv')])).rejects.toThrow(
      'Two columns of',
    )
  })
})
