/**
 * The quality target of issue 14: `model evaluate` scores a macro-F1 no more than 0.02 below the
 * better of scikit-learn's two baselines (tests/python/suggest_baseline.py: TF-IDF word 1-2-grams
 * and char 2-5-grams, LogisticRegression with C by CV, MultinomialNB with alpha by CV) trained
 * and tested on the same files: the 10kGNAD leads in ../shared/classification where present
 * (CI has them), otherwise German sentences this test builds. Skipped, saying why, only where
 * Debian's python3 lacks scikit-learn.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { mulberry32 } from '../../electron/core/export/split'
import { REPO, tempDir } from './helpers'

const PYTHON = '/usr/bin/python3'
const GNAD = join(REPO, '..', 'shared', 'classification')

function sklearnMissing(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} is not installed`
  const r = spawnSync(PYTHON, ['-c', 'import sklearn'], { encoding: 'utf8' })
  return r.status === 0 ? null : `scikit-learn is missing (${r.stderr.trim().split('\n').pop()})`
}

const missing = sklearnMissing()
if (missing) console.log(`suggest-sklearn: skipped, ${missing}; apt-get install python3-sklearn`)

const TOPICS: Record<string, string[]> = {
  Wirtschaft: ['Inflation', 'Zinsen', 'Exporte', 'Konjunktur', 'Aktien', 'Unternehmen', 'Umsatz'],
  Sport: ['Tor', 'Trainer', 'Meisterschaft', 'Saison', 'Spiel', 'Mannschaft', 'Olympia'],
  Politik: ['Koalition', 'Parlament', 'Wahl', 'Minister', 'Gesetz', 'Opposition', 'Regierung'],
  Kultur: ['Ausstellung', 'Theater', 'Roman', 'Festival', 'Museum', 'Premiere', 'Orchester'],
  Wissenschaft: ['Studie', 'Forscher', 'Klima', 'Labor', 'Universität', 'Daten', 'Teleskop'],
}
const SHARED = ['Berlin', 'Wien', 'Montag', 'Jahr', 'Prozent', 'Bericht', 'Experten', 'Zukunft']
const VERBS = ['meldet', 'erwartet', 'bestätigt', 'diskutiert', 'kritisiert', 'plant', 'zeigt']
const ENDINGS = ['', 'en', 'n', 's', 'es']

/** Topic sentences with shared words, inflection and 25 % of the words from another topic. */
function builtData(n: number, seed: number): string {
  const random = mulberry32(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]
  const labels = Object.keys(TOPICS)
  const lines: string[] = []
  for (let i = 0; i < n; i++) {
    const label = labels[i % labels.length]
    const words: string[] = []
    for (let w = 0; w < 6; w++) {
      const r = random()
      const topic = r < 0.45 ? label : r < 0.7 ? pick(labels) : null
      words.push(topic ? pick(TOPICS[topic]) + pick(ENDINGS) : pick(SHARED))
    }
    const text = `${words[0]} ${pick(VERBS)} ${words.slice(1, 3).join(' und ')} in ${words.slice(3).join(', ')}.`
    lines.push(JSON.stringify({ text, label }))
  }
  return `${lines.join('\n')}\n`
}

interface Comparison {
  ours: { macro_f1: number; train_s: number }
  lr: { macro_f1: number; train_s: number }
  nb: { macro_f1: number; train_s: number }
}

function compare(name: string, train: string, test: string): Comparison {
  const run = spawnSync(
    process.execPath,
    [
      ...['--import', 'tsx', join(REPO, 'electron/cli.ts')],
      ...['model', 'evaluate', '--train', train, '--test', test, '--json'],
    ],
    { cwd: REPO, encoding: 'utf8' },
  )
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
  const ours = JSON.parse(run.stdout) as Comparison['ours']
  const sk = spawnSync(PYTHON, [join(REPO, 'tests/python/suggest_baseline.py'), train, test], {
    encoding: 'utf8',
  })
  expect(sk.status, sk.stderr).toBe(0)
  const baselines = JSON.parse(sk.stdout) as Record<string, Comparison['ours']>
  const lr = baselines['logistic_regression']
  const nb = baselines['naive_bayes']
  console.log(
    `suggest-sklearn, ${name}: macro-F1 ours ${ours.macro_f1.toFixed(3)}, ` +
      `LogisticRegression ${lr.macro_f1.toFixed(3)}, MultinomialNB ${nb.macro_f1.toFixed(3)}; ` +
      `training ours ${ours.train_s.toFixed(2)} s, theirs ${lr.train_s.toFixed(2)} s and ` +
      `${nb.train_s.toFixed(2)} s (with their CV searches)`,
  )
  return { ours, lr, nb }
}

function expectTargetMet({ ours, lr, nb }: Comparison): void {
  expect(ours.macro_f1).toBeGreaterThanOrEqual(Math.max(lr.macro_f1, nb.macro_f1) - 0.02)
  expect(ours.train_s).toBeLessThan(Math.min(lr.train_s, nb.train_s))
}

describe('model evaluate against scikit-learn', () => {
  const cleanups: Array<() => Promise<void>> = []
  afterAll(async () => {
    for (const c of cleanups) await c()
  })

  it.skipIf(missing !== null)(
    'is within 0.02 macro-F1 of the better baseline on German sentences the test builds',
    async () => {
      const { dir, cleanup } = await tempDir('suggest-sklearn-')
      cleanups.push(cleanup)
      const train = join(dir, 'train.jsonl')
      const test = join(dir, 'test.jsonl')
      await writeFile(train, builtData(600, 1))
      await writeFile(test, builtData(400, 2))
      expectTargetMet(compare('built sentences', train, test))
    },
    600_000,
  )

  const train = join(GNAD, 'gnad-dev.jsonl')
  const test = join(GNAD, 'gnad-test.jsonl')
  const gnad = existsSync(train) && existsSync(test)
  if (!gnad && !missing) console.log(`suggest-sklearn: 10kGNAD leads skipped, no ${GNAD}`)
  it.skipIf(missing !== null || !gnad)(
    'is within 0.02 macro-F1 of the better baseline on the 10kGNAD leads (dev to test)',
    () => expectTargetMet(compare('10kGNAD leads', train, test)),
    600_000,
  )
})
