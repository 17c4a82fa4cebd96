/**
 * Whether opening grows at most linearly with the corpus: the big project and a tenth of it (its
 * first documents, hard-linked, with their own index) are opened in turn in one process, so
 * both see the same load, and the time per sentence of the big one is compared with the small
 * one's (`open_scaling_vs_linear` ≤ 1: at most linear).
 */
import { link, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { IndexEntry } from '../electron/core/storage/files'
import { loadDefaultCodebook } from '../electron/core/workbench'
import { emit } from './child'
import { BENCH_CODER, finishProject } from './projectGen'
import { CORPUS_DIR, openBenchWorkbench } from './setup'
import { log, metric } from './stats'

/** A project of the given documents of `bigDir`, their files hard-linked (fast, no copies). */
export async function writeSubsetProject(
  bigDir: string,
  dir: string,
  entries: IndexEntry[],
): Promise<void> {
  await mkdir(join(dir, 'documents'), { recursive: true })
  await mkdir(join(dir, 'annotations', BENCH_CODER), { recursive: true })
  for (let i = 0; i < entries.length; i += 256)
    await Promise.all(
      entries
        .slice(i, i + 256)
        .flatMap((e) => [
          link(join(bigDir, 'documents', `${e.id}.json`), join(dir, 'documents', `${e.id}.json`)),
          link(
            join(bigDir, 'annotations', BENCH_CODER, `${e.id}.json`),
            join(dir, 'annotations', BENCH_CODER, `${e.id}.json`),
          ),
        ]),
    )
  await finishProject(
    dir,
    'Synthetic corpus, a tenth',
    await loadDefaultCodebook(CORPUS_DIR),
    entries,
  )
}

export async function openScaleStage(args: {
  small: { dir: string; sentences: number }
  big: { dir: string; sentences: number }
  dataDir: string
  rounds: number
}): Promise<void> {
  const times = { small: [] as number[], big: [] as number[] }
  const cpu = { small: [] as number[], big: [] as number[] }
  for (let r = 0; r < args.rounds; r++)
    for (const which of ['small', 'big'] as const) {
      const c = process.cpuUsage()
      const { workbench, ms } = await openBenchWorkbench(args[which].dir, join(args.dataDir, which))
      const used = process.cpuUsage(c)
      await workbench.close()
      times[which].push(ms)
      cpu[which].push((used.user + used.system) / 1000)
    }
  // The fastest of the rounds: on a shared machine the load only ever adds time.
  const med = (xs: number[]) => Math.min(...xs)
  const perSentence = (which: 'small' | 'big', xs: number[]) => med(xs) / args[which].sentences
  const ratio = perSentence('big', times.big) / perSentence('small', times.small)
  const cpuRatio = perSentence('big', cpu.big) / perSentence('small', cpu.small)
  log(
    `open, fastest of ${args.rounds} in turn: ${args.small.sentences} sentences ${med(times.small).toFixed(0)} ms ` +
      `(CPU ${med(cpu.small).toFixed(0)} ms), ${args.big.sentences} sentences ${med(times.big).toFixed(0)} ms ` +
      `(CPU ${med(cpu.big).toFixed(0)} ms): per sentence ${ratio.toFixed(2)}× (CPU ${cpuRatio.toFixed(2)}×) of the small one`,
  )
  emit(
    metric('open_core_small_ms', med(times.small), 'ms', null, `${args.small.sentences} sentences`),
  )
  emit(metric('open_core_big_ms', med(times.big), 'ms', null, `${args.big.sentences} sentences`))
  emit(
    metric(
      'open_scaling_vs_linear',
      ratio,
      'x',
      '<= 1',
      `open time per sentence, big / a tenth (≤ 1: at most linear); by CPU time ${cpuRatio.toFixed(2)}`,
    ),
  )
}
