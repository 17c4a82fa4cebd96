/**
 * The renderer in Chromium with the real core behind the contract, wired as tests/ui/harness.ts
 * does it (the built renderer over http on 127.0.0.1, the handler table bound into the page
 * where the preload would put it). Measures opening to an interactive screen, key press to
 * repainted sentence, scrolling, and the renderer's memory.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { chromium, type CDPSession, type Page } from 'playwright-core'
import { API_METHODS, BRIDGE_GLOBAL, type ApiMethod } from '../electron/contract/api'
import type { Workbench } from '../electron/core/workbench'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium'
import { serveFolder } from '../tests/support/staticServer'
import { emit } from './child'
import { openBenchWorkbench } from './coreBench'
import {
  installKeyProbe,
  loadProbe,
  startFrames,
  stopFrames,
  type KeySample,
  type LoadMarks,
} from './pageProbes'
import { log, mb, metric, percentile } from './stats'

const READY_TIMEOUT_MS = 120_000
/** Label keys of the default codebook (stance 1–4, actors Trump and Kim) and moving on. */
const KEY_CYCLE = ['1', 'ArrowDown', '2', 't', 'ArrowDown', '3', 'k', 'ArrowDown', '4', 'ArrowDown']
const VIEWPORT = { width: 1400, height: 900 }

export interface UiArgs {
  projectDir: string
  dataDir: string
  rendererDir: string
  presses: number
}

interface Call {
  method: string
  ms: number
  bytes: number
}

export async function uiStage(args: UiArgs): Promise<void> {
  const server = await serveFolder(args.rendererDir)
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  })
  let workbench: Workbench | null = null
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    // tsx compiles with esbuild's keepNames, whose __name helper functions sent to the page refer to.
    await page.addInitScript({ content: 'globalThis.__name ??= (f) => f' })
    await page.addInitScript(loadProbe)

    const calls: Call[] = []
    let measurePayload = true
    const t0 = performance.now()
    const opened = await openBenchWorkbench(args.projectDir, args.dataDir)
    workbench = opened.workbench
    const wb = workbench
    await page.exposeBinding(
      '__workbenchCall',
      async (_source, method: ApiMethod, callArgs: unknown[]) => {
        const start = performance.now()
        const result = await wb.handlers[method](...callArgs)
        const ms = performance.now() - start
        calls.push({ method, ms, bytes: measurePayload ? JSON.stringify(result).length : 0 })
        return result
      },
    )
    await page.addInitScript(
      ({ methods, name }) => {
        const call = (
          window as unknown as { __workbenchCall: (m: string, a: unknown[]) => Promise<unknown> }
        ).__workbenchCall
        const bridge: Record<string, (...a: unknown[]) => Promise<unknown>> = {}
        for (const m of methods) bridge[m] = (...a: unknown[]) => call(m, a)
        Object.defineProperty(window, name, { value: Object.freeze(bridge) })
      },
      { methods: [...API_METHODS], name: BRIDGE_GLOBAL },
    )
    const before = await perfMetrics(cdp)
    const tNav = performance.now()
    await page.goto(server.url)
    let ready = true
    try {
      await page.waitForFunction(
        () => window.__bench.list !== undefined && window.__bench.sentence !== undefined,
        undefined,
        {
          polling: 'raf',
          timeout: READY_TIMEOUT_MS,
        },
      )
    } catch {
      ready = false
    }
    const t1 = performance.now()
    measurePayload = false
    const after = await perfMetrics(cdp)
    const marks = await page.evaluate(() => window.__bench)
    reportOpen({
      ready,
      totalMs: t1 - t0,
      coreMs: opened.ms,
      navToReadyMs: t1 - tNav,
      marks,
      calls,
      before,
      after,
    })
    if (!ready) {
      emit(metric('renderer_js_heap_mb', null, 'MB', '<= 500', 'the page never became interactive'))
      return
    }

    await page.evaluate(installKeyProbe)
    await keyPresses(page, args.presses)
    await scrolling(page, 'document_list', { x: 130, y: 500 }, 40, 0)
    await scrolling(page, 'article', { x: 700, y: 500 }, 20, 20)

    const memory = await perfMetrics(cdp)
    const heapTotal = mb(memory.JSHeapTotalSize ?? NaN)
    const heapUsed = mb(memory.JSHeapUsedSize ?? NaN)
    log(
      `renderer: JS heap ${heapUsed.toFixed(0)} MB used / ${heapTotal.toFixed(0)} MB allocated, ${memory.Nodes} DOM nodes`,
    )
    emit(
      metric(
        'renderer_js_heap_mb',
        heapTotal,
        'MB',
        '<= 500',
        'JS heap only (CDP JSHeapTotalSize), not the whole renderer process',
      ),
    )
    emit(metric('renderer_js_heap_used_mb', heapUsed, 'MB', null))
    emit(metric('renderer_dom_nodes', memory.Nodes ?? null, 'nodes', null))
    const rss = rendererRss()
    if (rss !== null)
      emit(
        metric(
          'renderer_process_rss_mb',
          mb(rss),
          'MB',
          null,
          'largest Chromium renderer process (whole process, /proc VmRSS)',
        ),
      )
    if (errors.length > 0) log(`page errors: ${errors.slice(0, 3).join(' | ')}`)
  } finally {
    await browser.close()
    await server.close()
    await workbench?.close()
  }
}

async function perfMetrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]))
}

function reportOpen(r: {
  ready: boolean
  totalMs: number
  coreMs: number
  navToReadyMs: number
  marks: LoadMarks
  calls: Call[]
  before: Record<string, number>
  after: Record<string, number>
}): void {
  emit(
    metric(
      'open_to_interactive_ms',
      r.ready ? r.totalMs : null,
      'ms',
      '<= 2000',
      r.ready ? undefined : `not interactive after ${READY_TIMEOUT_MS} ms`,
    ),
  )
  const d = (k: string) => ((r.after[k] ?? 0) - (r.before[k] ?? 0)) * 1000
  const longest = r.marks.longTasks.reduce((m, t) => Math.max(m, t.duration), 0)
  const longTotal = r.marks.longTasks.reduce((n, t) => n + t.duration, 0)
  const calls = r.calls
    .map((c) => `${c.method} ${c.ms.toFixed(0)} ms/${mb(c.bytes).toFixed(2)} MB`)
    .join(', ')
  log(
    `open to interactive ${r.totalMs.toFixed(0)} ms = openWorkbench ${r.coreMs.toFixed(0)} ms + page ${r.navToReadyMs.toFixed(0)} ms ` +
      `(DOMContentLoaded at ${r.marks.domContentLoaded?.toFixed(0)} ms, list in DOM at ${r.marks.list?.toFixed(0)} ms, ` +
      `first sentence at ${r.marks.sentence?.toFixed(0)} ms page time)`,
  )
  log(`  handler calls during load: ${calls}`)
  log(
    `  renderer main thread during load: script ${d('ScriptDuration').toFixed(0)} ms, style ${d('RecalcStyleDuration').toFixed(0)} ms, ` +
      `layout ${d('LayoutDuration').toFixed(0)} ms, all tasks ${d('TaskDuration').toFixed(0)} ms; long tasks ${r.marks.longTasks.length} ` +
      `(${longTotal.toFixed(0)} ms, longest ${longest.toFixed(0)} ms); ${r.after.Nodes} DOM nodes`,
  )
  emit(
    metric(
      'open_page_ms',
      r.navToReadyMs,
      'ms',
      null,
      'page.goto until list and first sentence show',
    ),
  )
  emit(metric('open_page_longest_task_ms', longest, 'ms', null))
  emit(metric('open_page_layout_ms', d('LayoutDuration'), 'ms', null))
  emit(metric('open_page_script_ms', d('ScriptDuration'), 'ms', null))
}

async function keyPresses(page: Page, presses: number): Promise<void> {
  const count = await page.getByRole('listbox').getByRole('option').count()
  let position = 0
  let direction = 1
  const samples: KeySample[] = []
  const floor: KeySample[] = []
  let missing = 0
  for (let i = 0; i < presses; i++) {
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
    `key press → next frame over ${samples.length} presses (${missing} without a DOM change): p50 ${p(samples, 'frame', 50).toFixed(1)} ms, ` +
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
async function scrolling(
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

/** RSS of the largest Chromium renderer started by this process, from /proc (Linux only). */
function rendererRss(): number | null {
  try {
    const children = new Map<number, number[]>()
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
        children.set(ppid, [...(children.get(ppid) ?? []), Number(name)])
      } catch {
        /* the process ended meanwhile */
      }
    }
    let best: number | null = null
    const queue = [...(children.get(process.pid) ?? [])]
    while (queue.length > 0) {
      const pid = queue.shift()!
      queue.push(...(children.get(pid) ?? []))
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1])
        if (Number.isFinite(kb)) best = Math.max(best ?? 0, kb * 1024)
      } catch {
        /* gone */
      }
    }
    return best
  } catch {
    return null
  }
}
