/**
 * What an analyst does on the coding screen, timed in the page: key presses (label keys and
 * moving on) until the sentence is repainted, and wheeling through the document list and article.
 */
import type { Page } from 'playwright-core'
import { emit } from './child'
import { startFrames, stopFrames, type KeySample } from './pageProbes'
import { log, metric, percentile } from './stats'

/** The key presses stop early when they take this long (a slow UI would blow the run's budget). */
const KEYS_BUDGET_MS = 60_000
/** Label keys of the default codebook (stance 1–4, actors Trump and Kim) and moving on. */
const KEY_CYCLE = ['1', 'ArrowDown', '2', 't', 'ArrowDown', '3', 'k', 'ArrowDown', '4', 'ArrowDown']

export async function keyPresses(page: Page, presses: number): Promise<void> {
  const count = await page.getByRole('listbox').getByRole('option').count()
  let position = 0
  let direction = 1
  const samples: KeySample[] = []
  const floor: KeySample[] = []
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
      await page.keyboard.press(k)
      const sample = await page.evaluate(() => window.__benchKey ?? null)
      if (!sample) missing++
      else (k === 'F9' ? floor : samples).push(sample)
      // An analyst types a few keys a second; the save of this one lands before the next.
      await page.waitForTimeout(50)
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
  emit(metric('keypress_to_frame_ms_p50', p(samples, 'frame', 50), 'ms', null))
  emit(metric('keypress_to_frame_ms_p95', p(samples, 'frame', 95), 'ms', '<= 16'))
  emit(metric('keypress_label_to_frame_ms_p95', p(labels, 'frame', 95), 'ms', null))
  emit(metric('keypress_arrow_to_frame_ms_p95', p(moves, 'frame', 95), 'ms', null))
  emit(
    metric(
      'keypress_script_ms_p95',
      p(samples, 'script', 95),
      'ms',
      null,
      'keydown to the app’s DOM change',
    ),
  )
  emit(
    metric(
      'keypress_to_paint_ms_p95',
      p(samples, 'paint', 95),
      'ms',
      null,
      'until after the frame’s style, layout and paint',
    ),
  )
  emit(
    metric(
      'keypress_method_floor_ms_p95',
      p(floor, 'frame', 95),
      'ms',
      null,
      'same probe, no app work: the wait for the next frame',
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
