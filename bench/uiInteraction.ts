/**
 * What an analyst does on the coding screen, timed in the page: key presses (label keys and
 * moving on) until the sentence is repainted, and wheeling through the document list and article.
 */
import type { CDPSession, Page } from 'playwright-core'
import { emit } from './child'
import { startFrames, stopFrames, type KeySample } from './pageProbes'
import { log, metric, percentile } from './stats'

/** The key presses stop early when they take this long (a slow UI would blow the run's budget). */
const KEYS_BUDGET_MS = 60_000
/** Label keys of the default codebook (stance 1–4, actors Trump and Kim) and moving on. */
const KEY_CYCLE = ['1', 'ArrowDown', '2', 't', 'ArrowDown', '3', 'k', 'ArrowDown', '4', 'ArrowDown']

/** How a run of key presses is labelled and measured. */
export interface KeyRun {
  /** Metric name prefix: `keypress` unthrottled, `keypress_4x` with the CPU slowed 4×. */
  prefix: string
  /** The page's DevTools session, for the main thread's script time around each press. */
  cdp: CDPSession
  /** Targets for the frame after paint and for the app's script, or null for diagnostics. */
  paintTarget: string | null
  scriptTarget: string | null
}

/** The renderer main thread's script time so far, ms (CDP Performance.getMetrics). */
async function scriptMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN) * 1000
}

export async function keyPresses(page: Page, presses: number, run: KeyRun): Promise<void> {
  const count = await page.getByRole('listbox').getByRole('option').count()
  let position = 0
  let direction = 1
  const samples: KeySample[] = []
  const floor: KeySample[] = []
  // Script time of everything a press caused (the app's handler, Vue's flush, the save's answer)
  // and, for F9, of the probe alone: the difference is the app's own script.
  const script: number[] = []
  const floorScript: number[] = []
  let missing = 0
  const t0 = performance.now()
  let i = 0
  for (; i < presses && performance.now() - t0 < KEYS_BUDGET_MS; i++) {
    let key = KEY_CYCLE[i % KEY_CYCLE.length]
    if (key === 'ArrowDown') {
      if (position + direction < 0 || position + direction >= count) direction = -direction
      key = direction > 0 ? 'ArrowDown' : 'ArrowUp'
      position += direction
    }
    for (const k of i % 10 === 5 ? ['F9', key] : [key]) {
      await page.evaluate(() => window.__benchArm?.())
      const before = await scriptMs(run.cdp)
      await page.keyboard.press(k)
      const sample = await page.evaluate(() => window.__benchKey ?? null)
      // An analyst types a few keys a second; the save of this one lands before the next.
      await page.waitForTimeout(50)
      const used = (await scriptMs(run.cdp)) - before
      if (!sample) missing++
      else (k === 'F9' ? floor : samples).push(sample)
      if (sample) (k === 'F9' ? floorScript : script).push(used)
    }
  }
  const labels = samples.filter((s) => !s.key.startsWith('Arrow'))
  const moves = samples.filter((s) => s.key.startsWith('Arrow'))
  const p = (xs: KeySample[], k: 'script' | 'frame' | 'paint', q: number) =>
    percentile(
      xs.map((s) => s[k]),
      q,
    )
  log(
    `key press → next frame over ${samples.length} presses${i < presses ? ` (stopped after ${KEYS_BUDGET_MS / 1000} s)` : ''} (${missing} without a DOM change): p50 ${p(samples, 'frame', 50).toFixed(1)} ms, ` +
      `p95 ${p(samples, 'frame', 95).toFixed(1)} ms; label keys p95 ${p(labels, 'frame', 95).toFixed(1)} ms, arrows p95 ${p(moves, 'frame', 95).toFixed(1)} ms; ` +
      `script p95 ${p(samples, 'script', 95).toFixed(1)} ms, after paint p95 ${p(samples, 'paint', 95).toFixed(1)} ms; ` +
      `method floor (F9, no app work) p50 ${p(floor, 'frame', 50).toFixed(1)} / p95 ${p(floor, 'frame', 95).toFixed(1)} ms`,
  )
  const probeScript = percentile(floorScript, 50)
  const appScript = script.map((x) => Math.max(0, x - probeScript))
  log(
    `  ${run.prefix}: script per press p50 ${percentile(script, 50).toFixed(2)} / p95 ${percentile(script, 95).toFixed(2)} ms ` +
      `(the probe alone p50 ${probeScript.toFixed(2)} ms), so the app's own p95 ${percentile(appScript, 95).toFixed(2)} ms`,
  )
  const name = (n: string) => `${run.prefix}_${n}`
  const floorPaint = p(floor, 'paint', 95)
  emit(metric(name('to_frame_ms_p50'), p(samples, 'frame', 50), 'ms', null))
  emit(
    metric(
      name('to_frame_ms_p95'),
      p(samples, 'frame', 95),
      'ms',
      null,
      undefined,
      p(floor, 'frame', 95),
    ),
  )
  emit(metric(name('label_to_paint_ms_p95'), p(labels, 'paint', 95), 'ms', null))
  emit(metric(name('arrow_to_paint_ms_p95'), p(moves, 'paint', 95), 'ms', null))
  emit(
    metric(
      name('to_dom_change_ms_p95'),
      p(samples, 'script', 95),
      'ms',
      null,
      'keydown to the app’s DOM change',
    ),
  )
  emit(
    metric(
      name('to_paint_ms_p95'),
      p(samples, 'paint', 95),
      'ms',
      run.paintTarget,
      'keydown until after the frame’s style, layout and paint; floor: F9, the same probe with no app work',
      floorPaint,
    ),
  )
  emit(
    metric(
      name('method_floor_ms_p95'),
      floorPaint,
      'ms',
      null,
      'same probe, no app work: the wait for the next frame, painted',
    ),
  )
  emit(
    metric(
      name('app_script_ms_p95'),
      percentile(appScript, 95),
      'ms',
      run.scriptTarget,
      'renderer main-thread script per press (CDP ScriptDuration: handler, Vue flush, the save’s answer) minus the probe’s own (F9)',
    ),
  )
}

/** Wheels over a point and records the main thread's frame intervals meanwhile. */
export async function scrolling(
  page: Page,
  name: string,
  at: { x: number; y: number },
  down: number,
  up: number,
): Promise<void> {
  await page.mouse.move(at.x, at.y)
  await page.evaluate(startFrames)
  for (let i = 0; i < down + up; i++) {
    await page.mouse.wheel(0, i < down ? 300 : -300)
    await page.waitForTimeout(16)
  }
  await page.waitForTimeout(100)
  const intervals = await page.evaluate(stopFrames)
  const slow = intervals.filter((d) => d > 34).length
  log(
    `scroll ${name}: ${intervals.length} frames, p50 ${percentile(intervals, 50).toFixed(1)} ms, p95 ${percentile(intervals, 95).toFixed(1)} ms, max ${Math.max(...intervals).toFixed(0)} ms, ${slow} over two frames`,
  )
  emit(
    metric(
      `scroll_${name}_frame_ms_p95`,
      percentile(intervals, 95),
      'ms',
      null,
      'rAF intervals while wheeling; 16.7 ms is every frame at 60 Hz',
    ),
  )
  emit(metric(`scroll_${name}_frame_ms_max`, Math.max(...intervals), 'ms', null))
}
