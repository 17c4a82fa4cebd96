/**
 * The benchmark: `npm run bench [-- --sentences N] [--keep] [--renderer DIR] [--seed S]`.
 *
 * Generates a synthetic project of N sentences (default 1,000,000: 20,000 German-like articles,
 * half the sentences coded) in the storage's on-disk format, then measures each target in a
 * child process of its own (see child.ts, stages.ts). stdout carries one JSON line per metric,
 * {"metric","value","unit","target","pass"}; progress goes to stderr. Everything is written
 * under .bench/run-<pid>/ and deleted at the end (unless --keep).
 */
import { mkdir, rm, rmdir } from 'node:fs/promises'
import { execFileSync } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { loadDefaultCodebook } from '../electron/core/workbench'
import type { IndexEntry } from '../electron/core/storage/files'
import { runStage } from './child'
import { writeSubsetProject } from './openScale'
import { CORPUS_DIR, REPO } from './setup'
import { finishProject, SENTENCES_PER_ARTICLE } from './projectGen'
import { log, markdownTable, metric, type Metric } from './stats'

interface Options {
  sentences: number
  seed: number
  keep: boolean
  renderer: string | null
  /** Stages to run (all when null). */
  only: Set<string> | null
  /** Print a CPU profile of the renderer's key presses. */
  profile: boolean
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    sentences: 1_000_000,
    seed: 20240301,
    keep: false,
    renderer: null,
    only: null,
    profile: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--sentences') options.sentences = Number(argv[++i])
    else if (a === '--seed') options.seed = Number(argv[++i])
    else if (a === '--renderer') options.renderer = argv[++i]
    else if (a === '--keep') options.keep = true
    else if (a === '--profile') options.profile = true
    else if (a === '--only') options.only = new Set(argv[++i].split(','))
    else
      throw new Error(
        `unknown option ${a}; use --sentences N, --seed S, --renderer DIR, --only a,b, --keep, --profile`,
      )
  }
  if (!Number.isInteger(options.sentences) || options.sentences < SENTENCES_PER_ARTICLE * 2)
    throw new Error(`--sentences must be a whole number of at least ${SENTENCES_PER_ARTICLE * 2}`)
  return options
}

const printed: Metric[] = []
const print = (m: Metric) => {
  printed.push(m)
  process.stdout.write(`${JSON.stringify(m)}\n`)
}
const failures: string[] = []
let only: Set<string> | null = null

/** Runs a stage; a failing stage is reported and the others still run. */
async function stage<R>(
  name: string,
  args: unknown,
  options: { heapMb?: number; always?: boolean } = {},
): Promise<R | null> {
  if (only && !only.has(name) && !options.always) return null
  const t0 = performance.now()
  log(`── ${name}`)
  try {
    const { result } = await runStage<R>(name, args, print, options)
    log(`── ${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    return result
  } catch (e) {
    failures.push(name)
    log(`── ${name} FAILED: ${(e as Error).message}`)
    return null
  }
}

async function main(): Promise<void> {
  const started = performance.now()
  const options = parseOptions(process.argv.slice(2))
  only = options.only
  const runDir = join(REPO, '.bench', `run-${process.pid}`)
  const cleanup = async () => {
    if (options.keep) return log(`kept ${runDir}`)
    await rm(runDir, { recursive: true, force: true })
    await rmdir(join(REPO, '.bench')).catch(() => undefined)
  }
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)))
  await mkdir(runDir, { recursive: true })
  // Other work on the machine skews every number; the load average says how much there was.
  log(`${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}; measuring ${codeState()}`)
  print(
    metric('machine_load_1m_at_start', loadavg()[0], 'runnable', null, `${cpus().length} cores`),
  )
  try {
    await measure(options, runDir)
  } finally {
    await cleanup()
  }
  const wall = (performance.now() - started) / 1000
  log(
    `bench wall time ${wall.toFixed(0)} s${failures.length ? `; failed stages: ${failures.join(', ')}` : ''}`,
  )
  print(metric('machine_load_1m_at_end', loadavg()[0], 'runnable', null))
  print(metric('bench_wall_s', wall, 's', '<= 300'))
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
  process.stdout.write(
    `\n${markdownTable(printed)}\n\n${cpus().length} cores; load average at the end ${load} (1, 5, 15 min); ${codeState()}; ` +
      `${failures.length ? `failed stages: ${failures.join(', ')}` : 'every stage ran'}\n`,
  )
  if (failures.length > 0) process.exitCode = 1
}

/** Which code is measured: the commit, and how many product files differ from it. */
function codeState(): string {
  try {
    const git = (...a: string[]) => execFileSync('git', a, { cwd: REPO, encoding: 'utf8' }).trim()
    const changed = git('status', '--porcelain', '--', 'electron', 'renderer')
      .split('\n')
      .filter(Boolean).length
    return `commit ${git('rev-parse', '--short', 'HEAD')}${changed ? ` + ${changed} changed files in electron/ and renderer/` : ''}`
  } catch {
    return 'a tree outside git'
  }
}

async function measure(options: Options, runDir: string): Promise<void> {
  const documents = Math.ceil(options.sentences / SENTENCES_PER_ARTICLE)
  const projectDir = join(runDir, 'big', 'project')

  let rendererDir = options.renderer
  if (!rendererDir && (!only || only.has('ui')))
    rendererDir =
      (
        await stage<{ dir: string }>(
          'buildRenderer',
          { outDir: join(runDir, 'renderer') },
          { always: true },
        )
      )?.dir ?? null

  // The big project, generated in two slices at once (one per core); not a measured metric.
  const t0 = performance.now()
  log(`── generate ${documents} articles (~${options.sentences} sentences)`)
  const half = Math.ceil(documents / 2)
  const slices = await Promise.all(
    [
      [0, half],
      [half, documents],
    ].map(([from, to]) =>
      runStage<{ entries: IndexEntry[]; sentences: number; annotated: number; bytes: number }>(
        'generate',
        { dir: projectDir, seed: options.seed, from, to },
        print,
      ),
    ),
  )
  const entries = slices.flatMap((s) => s.result.entries)
  const codebook = await loadDefaultCodebook(CORPUS_DIR)
  await finishProject(projectDir, 'Synthetic corpus', codebook, entries)
  const sentences = slices.reduce((n, s) => n + s.result.sentences, 0)
  const annotated = slices.reduce((n, s) => n + s.result.annotated, 0)
  const bytes = slices.reduce((n, s) => n + s.result.bytes, 0)
  log(
    `── generated ${entries.length} articles, ${sentences} sentences (${annotated} annotated), ` +
      `${(bytes / 2 ** 20).toFixed(0)} MB of text in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  )

  if (!only || only.has('openScale')) {
    // A tenth of the project, for the open time's growth with the corpus.
    const tenth = entries.slice(0, Math.max(1, Math.round(entries.length / 10)))
    const smallDir = join(runDir, 'tenth', 'project')
    await writeSubsetProject(projectDir, smallDir, tenth)
    await stage('openScale', {
      small: { dir: smallDir, sentences: tenth.reduce((n, e) => n + e.sentenceCount, 0) },
      big: { dir: projectDir, sentences },
      dataDir: join(runDir, 'tenth'),
      rounds: 5,
    })
  }
  await stage('segment', { seed: options.seed })
  await stage('import', {
    dir: join(runDir, 'import'),
    seed: options.seed + 1,
    articles: Math.max(20, Math.min(2000, Math.round(documents / 10))),
  })
  const small = await stage<{ p50: number }>('labelsSmall', {
    dataDir: join(runDir, 'small'),
    changes: 500,
    seed: options.seed,
  })
  const core = await stage<{ p50: number }>('core', {
    projectDir,
    dataDir: join(runDir, 'big'),
    exportFile: join(runDir, 'export.jsonl'),
    seed: options.seed,
    documents,
    changes: 500,
    coldChanges: 100,
  })
  if (small && core)
    print(
      metric(
        'label_change_growth_ratio',
        core.p50 / small.p50,
        'x',
        null,
        'p50 on the big project / p50 on the sample project',
      ),
    )
  // The naive single file of a 1M-sentence project holds ~1.5 GB of objects and a ~500 MB string.
  const naive = await stage<{ p50: number | null }>(
    'naive',
    { projectDir, file: join(runDir, 'naive.json'), writes: 3, seed: options.seed },
    { heapMb: 12_000 },
  )
  if (naive?.p50 && core)
    print(
      metric(
        'naive_vs_sharded_label_change_ratio',
        naive.p50 / core.p50,
        'x',
        null,
        'naive p50 / ours p50, same project',
      ),
    )
  await stage('reliability', { seed: options.seed })
  await stage('suggest', {})
  if (rendererDir)
    await stage('ui', {
      projectDir,
      dataDir: join(runDir, 'ui'),
      rendererDir,
      presses: 200,
      profile: options.profile,
    })
}

main().catch((e) => {
  log(`bench failed: ${(e as Error).stack ?? e}`)
  process.exit(1)
})
