/**
 * The learned suggestions' benchmark (issue 14): `npx tsx bench/suggest.ts [--data DIR]`.
 * Also the `suggest` stage of `npm run bench`. Alone, it prints one JSON line per metric, {"metric","value","unit",
 * "target","pass"}, like the main benchmark:
 * - speed, on synthetic German-like sentences (bench/germanText.ts) with four stance labels:
 *   an online update after one label at 5,000 coded sentences (p50, p95), a full retrain on
 *   5,000, predictions for 100,000 sentences;
 * - quality, where the 10kGNAD leads are present (default ../shared/classification): our
 *   macro-F1 and training time on train dev / test test, with scikit-learn's two baselines
 *   (tests/python/suggest_baseline.py, Debian's python3) from the same run beside them.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { segmentText } from '../electron/core/corpus/segment'
import { parseDataset } from '../electron/core/suggest/dataset'
import { evaluate } from '../electron/core/suggest/evaluate'
import type { SentenceInput } from '../electron/core/suggest/features'
import { SuggestionModel, type LabeledSentence } from '../electron/core/suggest/model'
import { SuggestionWorker } from '../electron/core/suggest/workerClient'
import { emit as emitToDriver } from './child'
import { article } from './germanText'
import { mulberry32 } from './prng'
import { REPO } from './setup'
import { log, metric, percentile, type Metric } from './stats'

const STANCES = ['supportive', 'critical', 'neutral', 'mixed']
const PYTHON = '/usr/bin/python3'

/** CPU time of the whole process (all threads), ms: beside wall time on a machine that others share. */
function cpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

function cpuNote(ms: number): string {
  return `CPU time ${ms.toFixed(0)} ms; load average ${loadavg()[0].toFixed(2)}`
}

/** In a stage of `npm run bench` the line goes to the driver; alone, to stdout. */
function emit(m: Metric): void {
  if (process.send) emitToDriver(m)
  else process.stdout.write(`${JSON.stringify(m)}\n`)
}

/** Sentences of synthetic articles, with their positions, until `n` are collected. */
function sentences(n: number, seed: number): SentenceInput[] {
  const out: SentenceInput[] = []
  for (let a = 0; out.length < n; a++) {
    const units = segmentText(article(seed, a).text).filter((u) => u.kind === 'sentence')
    units.forEach((u, index) => out.push({ text: u.text, index, count: units.length }))
  }
  return out.slice(0, n)
}

/** Labels that follow the words a little, so the model has something to learn. */
function labelled(inputs: SentenceInput[], seed: number): LabeledSentence[] {
  const random = mulberry32(seed)
  return inputs.map((input) => {
    const cue = input.text.length % STANCES.length
    const k = random() < 0.6 ? cue : Math.floor(random() * STANCES.length)
    return { input, labels: [STANCES[k]] }
  })
}

function speed(): void {
  const coded = labelled(sentences(5_200, 1), 2)
  const training = coded.slice(0, 5_000)
  const model = new SuggestionModel(STANCES, false)
  model.fit(training.slice(0, 500)) // warm the JIT on a small fit first
  const retrain: number[] = []
  const retrainCpu: number[] = []
  for (let run = 0; run < 3; run++) {
    const t = performance.now()
    const c = cpuMs()
    model.fit(training)
    retrain.push(performance.now() - t)
    retrainCpu.push(cpuMs() - c)
  }
  emit(
    metric(
      'suggest: full retrain, 5,000 coded sentences (median of 3)',
      percentile(retrain, 50),
      'ms',
      '<= 2000',
      cpuNote(percentile(retrainCpu, 50)),
    ),
  )
  const updates: number[] = []
  for (const s of coded.slice(5_000)) {
    const t = performance.now()
    model.update(s)
    updates.push(performance.now() - t)
  }
  emit(
    metric(
      'suggest: online update after one label at 5,000, p50',
      percentile(updates, 50),
      'ms',
      '<= 50',
    ),
  )
  emit(
    metric(
      'suggest: online update after one label at 5,000, p95',
      percentile(updates, 95),
      'ms',
      '<= 50',
    ),
  )
  const uncoded = sentences(100_000, 3)
  const t = performance.now()
  const c = cpuMs()
  let sure = 0
  for (const p of model.predictMany(uncoded)) sure += p[0].probability
  const predictMs = performance.now() - t
  emit(
    metric(
      'suggest: predictions for 100,000 sentences',
      predictMs,
      'ms',
      '<= 5000',
      `${cpuNote(cpuMs() - c)}; mean top probability ${(sure / uncoded.length).toFixed(3)}`,
    ),
  )
}

/** The same figures through the worker thread, as the app would get them: messages included. */
async function throughWorker(): Promise<void> {
  const coded = labelled(sentences(5_200, 1), 2)
  const worker = await SuggestionWorker.start()
  try {
    const t0 = performance.now()
    const c0 = cpuMs()
    await worker.train({
      dimension: 'stance',
      labels: STANCES,
      multi: false,
      coded: coded.slice(0, 5_000),
      key: 'bench',
    })
    emit(
      metric(
        'suggest (worker): full retrain, 5,000 coded sentences, round trip',
        performance.now() - t0,
        'ms',
        '<= 2000',
        cpuNote(cpuMs() - c0),
      ),
    )
    const updates: number[] = []
    for (const s of coded.slice(5_000)) {
      const t = performance.now()
      await worker.update('stance', s)
      updates.push(performance.now() - t)
    }
    emit(
      metric(
        'suggest (worker): online update after one label at 5,000, round trip p95',
        percentile(updates, 95),
        'ms',
        '<= 50',
      ),
    )
    const uncoded = sentences(100_000, 3)
    const t1 = performance.now()
    const c1 = cpuMs()
    for (let i = 0; i < uncoded.length; i += 10_000)
      await worker.predict('stance', uncoded.slice(i, i + 10_000))
    emit(
      metric(
        'suggest (worker): predictions for 100,000 sentences, round trip',
        performance.now() - t1,
        'ms',
        '<= 5000',
        cpuNote(cpuMs() - c1),
      ),
    )
  } finally {
    await worker.close()
  }
}

interface Baseline {
  macro_f1: number
  train_s: number
  predict_s: number
}

function quality(dir: string): void {
  const dev = join(dir, 'gnad-dev.jsonl')
  const test = join(dir, 'gnad-test.jsonl')
  if (!existsSync(dev) || !existsSync(test)) {
    log(`quality skipped: no ${dev} and ${test}`)
    return
  }
  const train = parseDataset(readFileSync(dev, 'utf8'), dev).sentences
  const held = parseDataset(readFileSync(test, 'utf8'), test).sentences
  evaluate(train.slice(0, 100), held.slice(0, 50), false) // JIT warm-up, as for sklearn's imports
  const ours = evaluate(train, held, false)
  emit(metric('suggest: 10kGNAD leads, macro-F1 (ours)', ours.macro_f1, 'F1', null))
  emit(metric('suggest: 10kGNAD leads, training time (ours)', ours.train_s * 1000, 'ms', null))
  emit(metric('suggest: 10kGNAD leads, prediction time (ours)', ours.predict_s * 1000, 'ms', null))
  let sk: Record<string, Baseline>
  try {
    const script = join(REPO, 'tests/python/suggest_baseline.py')
    sk = JSON.parse(execFileSync(PYTHON, [script, dev, test], { encoding: 'utf8' })) as Record<
      string,
      Baseline
    >
  } catch (e) {
    log(`scikit-learn baselines skipped: ${(e as Error).message.split('\n')[0]}`)
    return
  }
  const lr = sk['logistic_regression']
  const nb = sk['naive_bayes']
  emit(
    metric(
      'suggest: 10kGNAD leads, macro-F1 (scikit-learn LogisticRegression)',
      lr.macro_f1,
      'F1',
      null,
    ),
  )
  emit(
    metric(
      'suggest: 10kGNAD leads, macro-F1 (scikit-learn MultinomialNB)',
      nb.macro_f1,
      'F1',
      null,
    ),
  )
  const better = Math.max(lr.macro_f1, nb.macro_f1)
  emit(
    metric(
      'suggest: macro-F1, ours minus the better baseline',
      ours.macro_f1 - better,
      'F1',
      '>= -0.02',
    ),
  )
  emit(
    metric(
      'suggest: training time, scikit-learn LogisticRegression (with its C search)',
      lr.train_s * 1000,
      'ms',
      null,
    ),
  )
  emit(
    metric(
      'suggest: training time, scikit-learn MultinomialNB (with its alpha search)',
      nb.train_s * 1000,
      'ms',
      null,
    ),
  )
  const fastest = Math.min(lr.train_s, nb.train_s)
  emit(
    metric(
      'suggest: training time, ours / the faster baseline',
      ours.train_s / fastest,
      'ratio',
      '<= 1',
    ),
  )
}

/** The whole suggestion benchmark: speed, through the worker, quality beside scikit-learn. */
export async function suggestStage(args: { data?: string } = {}): Promise<void> {
  speed()
  await throughWorker()
  quality(args.data ?? join(REPO, '../shared/classification'))
}

async function main(argv: string[]): Promise<void> {
  const at = argv.indexOf('--data')
  const data = at >= 0 ? argv[at + 1] : join(REPO, '../shared/classification')
  log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  await suggestStage({ data })
  log(
    `load average at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2))
