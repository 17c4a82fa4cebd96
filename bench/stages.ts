/**
 * The entry of a benchmark child process: `stages.ts <stage> <json args>`. Each stage sends its
 * metrics and result to the driver (run.ts) and exits.
 */
import { loadDefaultCodebook } from '../electron/core/workbench'
import { emit, sendResult } from './child'
import { coreStage, labelsSmallStage } from './coreBench'
import { CORPUS_DIR } from './setup'
import { article } from './germanText'
import { importStage } from './importBench'
import { naiveStage } from './naiveBench'
import { openScaleStage } from './openScale'
import { runReliabilityBench } from './reliability'
import { suggestStage } from './suggest'
import { writeDocuments } from './projectGen'
import { buildRenderer } from './rendererBuild'
import { collectText, segmentSpeed } from './segmentBench'
import { log, metric } from './stats'
import { uiStage } from './uiBench'

/** segmentText over ~20 MB of the synthetic articles (segmentBench.ts alone does the sample corpus). */
async function segmentStage(args: { seed: number }): Promise<void> {
  const synthetic = collectText((i) => article(args.seed, i).text)
  const speed = segmentSpeed(synthetic.documents, synthetic.bytes)
  log(
    `segmentation: ${speed.mb.toFixed(1)} MB of synthetic articles, ${speed.units} units, ${speed.mbPerSecond.toFixed(1)} MB/s`,
  )
  emit(metric('segment_mb_per_s', speed.mbPerSecond, 'MB/s', '>= 10'))
}

async function generateStage(args: { dir: string; seed: number; from: number; to: number }) {
  const codebook = await loadDefaultCodebook(CORPUS_DIR)
  return writeDocuments(args.dir, args.seed, args.from, args.to, codebook)
}

/** The 10 coders × 5,000 sentences × 3 dimensions report and its bootstrap (bench/reliability.ts). */
async function reliabilityStage(args: { seed: number }): Promise<void> {
  for (const m of runReliabilityBench(args.seed)) emit(m)
}

const STAGES: Record<string, (args: never) => Promise<unknown>> = {
  buildRenderer,
  generate: generateStage,
  segment: segmentStage,
  import: importStage,
  labelsSmall: labelsSmallStage,
  core: coreStage,
  naive: naiveStage,
  ui: uiStage,
  reliability: reliabilityStage,
  openScale: openScaleStage,
  suggest: suggestStage,
}

const [name, raw] = process.argv.slice(2)
const stage = STAGES[name]
if (!stage) {
  console.error(`unknown stage ${name}; one of ${Object.keys(STAGES).join(', ')}`)
  process.exit(2)
}
try {
  const result = await stage(JSON.parse(raw ?? '{}') as never)
  await sendResult(result ?? null)
  process.exit(0)
} catch (e) {
  console.error(e)
  process.exit(1)
}
