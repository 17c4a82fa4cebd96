/**
 * Each measurement runs in a child process of its own: the driver's memory (and the other
 * stages' garbage and JIT state) must not distort what a stage measures, and the core's memory
 * is the child's RSS alone. A child sends its metrics and a result over the IPC channel.
 */
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Metric } from './stats'

export type StageMessage = { kind: 'metric'; metric: Metric } | { kind: 'result'; value: unknown }

const STAGE_FILE = fileURLToPath(new URL('./stages.ts', import.meta.url))

export interface StageRun<R> {
  metrics: Metric[]
  result: R
}

/**
 * Runs `stage` with `args` in a child (TypeScript through tsx's loader). Metrics are handed to
 * `onMetric` as they arrive, so a later failure does not lose the earlier lines.
 */
export function runStage<R>(
  stage: string,
  args: unknown,
  onMetric: (m: Metric) => void,
  options: { heapMb?: number } = {},
): Promise<StageRun<R>> {
  const execArgv = ['--import', 'tsx', '--expose-gc']
  if (options.heapMb) execArgv.push(`--max-old-space-size=${options.heapMb}`)
  const child = fork(STAGE_FILE, [stage, JSON.stringify(args)], {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const metrics: Metric[] = []
  let result: R | undefined
  return new Promise((ok, fail) => {
    child.on('message', (message: StageMessage) => {
      if (message.kind === 'metric') {
        metrics.push(message.metric)
        onMetric(message.metric)
      } else result = message.value as R
    })
    child.on('error', fail)
    child.on('exit', (code, signal) => {
      if (code === 0) ok({ metrics, result: result as R })
      else fail(new Error(`stage ${stage} exited with ${signal ?? `code ${code}`}`))
    })
  })
}

/** In a child: sends one metric line to the driver. */
export function emit(m: Metric): void {
  process.send?.({ kind: 'metric', metric: m } satisfies StageMessage)
}

/** In a child: sends the stage's result, waiting until it left the process. */
export function sendResult(value: unknown): Promise<void> {
  return new Promise((ok, fail) =>
    process.send
      ? process.send({ kind: 'result', value } satisfies StageMessage, (e: Error | null) =>
          e ? fail(e) : ok(),
        )
      : ok(),
  )
}
