/**
 * The reliability benchmark: the full report of 10 coders × 5,000 sentences × 3 dimensions
 * (stance, single choice; actors and arguments, multiple choice) in ≤ 1 s, and the bootstrap of
 * alpha, 1,000 resamples, in ≤ 2 s. The `reliability` stage of run.ts; run it alone with
 * `npx tsx bench/reliability.ts [--seed S] [--runs N]`, or call runReliabilityBench().
 * stdout: one JSON line per metric, as run.ts prints them.
 */
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { alphaFromCoincidences } from '../electron/core/reliability/alpha'
import { bootstrapAlpha } from '../electron/core/reliability/bootstrap'
import { countCoincidences } from '../electron/core/reliability/coincidences'
import { labelSet, type CodedValue, type ReliabilityData } from '../electron/core/reliability/data'
import { variableReport, type ReportOptions } from '../electron/core/reliability/report'
import { mulberry32, pick, type Random } from './prng'
import { metric, type Metric } from './stats'

const CODERS = 10
const SENTENCES = 5000
const STANCES = ['supportive', 'critical', 'neutral', 'ambivalent']
const ACTORS = Array.from({ length: 12 }, (_, i) => `actor-${i}`)
const ARGUMENTS = Array.from({ length: 20 }, (_, i) => `argument-${i}`)

function someOf(random: Random, labels: readonly string[], share: number): string[] {
  return labels.filter(() => random() < share)
}

/** A coder reproduces the sentence's "true" value 80 % of the time, skips 5 % of sentences. */
function dimension(
  random: Random,
  truth: () => CodedValue,
  slip: (t: CodedValue) => CodedValue,
): ReliabilityData {
  return {
    coders: Array.from({ length: CODERS }, (_, i) => `coder-${i + 1}`),
    units: Array.from({ length: SENTENCES }, (_, u) => {
      const t = truth()
      return {
        id: `s${u}`,
        values: Array.from({ length: CODERS }, () =>
          random() < 0.05 ? undefined : random() < 0.8 ? t : slip(t),
        ),
      }
    }),
  }
}

export function benchData(
  seed: number,
): { name: string; data: ReliabilityData; options: ReportOptions }[] {
  const r = mulberry32(seed)
  return [
    {
      name: 'stance',
      data: dimension(
        r,
        () => pick(r, STANCES),
        () => pick(r, STANCES),
      ),
      options: { metric: 'nominal' },
    },
    {
      name: 'actors',
      data: dimension(
        r,
        () => labelSet(someOf(r, ACTORS, 0.12)),
        (t) => labelSet([...(t as string[]).filter(() => r() < 0.6), ...someOf(r, ACTORS, 0.05)]),
      ),
      options: { metric: 'masi' },
    },
    {
      name: 'arguments',
      data: dimension(
        r,
        () => labelSet(someOf(r, ARGUMENTS, 0.08)),
        (t) =>
          labelSet([...(t as string[]).filter(() => r() < 0.6), ...someOf(r, ARGUMENTS, 0.04)]),
      ),
      options: { metric: 'masi' },
    },
  ]
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

export function runReliabilityBench(seed = 20240301, runs = 5): Metric[] {
  const dims = benchData(seed)
  let cpu = 0
  const time = (f: () => void): number => {
    const c = process.cpuUsage()
    const t = performance.now()
    f()
    const wall = performance.now() - t
    const used = process.cpuUsage(c)
    cpu = (used.user + used.system) / 1000
    return wall
  }
  // On a shared machine wall time follows the load; CPU time of the process tells the code.
  const timed = (f: () => void) => {
    const wall = time(f)
    return { wall, cpu }
  }
  // The full report without the bootstrap: every alpha, kappas, agreement, the coder matrix
  // (45 pairs), the coincidences and alpha per label.
  const report = () => {
    for (const d of dims) variableReport(d.data, { ...d.options, bootstrap: false })
  }
  const cold = time(report)
  const reports = Array.from({ length: runs }, () => timed(report))
  // The bootstrap alone: 1,000 resamples of each dimension's own alpha.
  const prepared = dims.map((d) => {
    const c = countCoincidences(d.data)
    return { c, parts: alphaFromCoincidences(c, d.options.metric ?? 'nominal') }
  })
  const boots = Array.from({ length: runs }, () =>
    timed(() => {
      for (const p of prepared) bootstrapAlpha(p.c, p.parts, { draws: 1000, seed })
    }),
  )
  // Everything the reliability view shows: report, bootstrap of every dimension and label.
  const everything = time(() => {
    for (const d of dims) variableReport(d.data, { ...d.options, bootstrap: { draws: 1000, seed } })
  })
  const load = loadavg()[0].toFixed(2)
  const note = (xs: { wall: number; cpu: number }[]) =>
    `${CODERS} coders × ${SENTENCES} sentences × ${dims.length} dimensions, median of ${runs}; ` +
    `CPU ${Math.round(median(xs.map((x) => x.cpu)))} ms; load ${load}`
  return [
    metric(
      'reliability report (3 dimensions)',
      median(reports.map((x) => x.wall)),
      'ms',
      '<= 1000',
      `${note(reports)}; first run ${Math.round(cold)} ms`,
    ),
    metric(
      'alpha bootstrap, 1,000 resamples (3 dimensions)',
      median(boots.map((x) => x.wall)),
      'ms',
      '<= 2000',
      note(boots),
    ),
    metric(
      'reliability report with every bootstrap (dimensions and labels)',
      everything,
      'ms',
      null,
      `one run, CPU ${Math.round(cpu)} ms`,
    ),
  ]
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(name)
    return i < 0 ? fallback : Number(args[i + 1])
  }
  for (const m of runReliabilityBench(option('--seed', 20240301), option('--runs', 5)))
    process.stdout.write(`${JSON.stringify(m)}\n`)
}
