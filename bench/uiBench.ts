/**
 * The renderer in Chromium with the real core behind the contract, wired as tests/ui/harness.ts
 * does it (the built renderer over http on 127.0.0.1, the handler table bound into the page
 * where the preload would put it). Measures opening to an interactive screen, key press to
 * repainted sentence, scrolling, and the renderer's memory.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium, type CDPSession } from 'playwright-core'
import { API_METHODS, BRIDGE_GLOBAL, type ApiMethod } from '../electron/contract/api'
import type { Workbench } from '../electron/core/workbench'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium'
import { serveFolder } from '../tests/support/staticServer'
import { emit } from './child'
import { openBenchWorkbench } from './setup'
import { installKeyProbe, loadProbe, type LoadMarks } from './pageProbes'
import { rendererRss } from './processMemory'
import { log, mb, metric } from './stats'
import { keyPresses, scrolling } from './uiInteraction'
import { heaviestCallers, profiled, selfTimes } from './cpuProfile'

const READY_TIMEOUT_MS = 120_000
const VIEWPORT = { width: 1400, height: 900 }

export interface UiArgs {
  projectDir: string
  dataDir: string
  rendererDir: string
  presses: number
  /** Also record a CPU profile of key presses and print where the time goes. */
  profile?: boolean
}

interface Call {
  method: string
  ms: number
  bytes: number
}

export async function uiStage(args: UiArgs): Promise<void> {
  log(`before open: ${await indexState(args.projectDir)}`)
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
    const t0 = performance.now()
    const opened = await openBenchWorkbench(args.projectDir, args.dataDir)
    workbench = opened.workbench
    const notices = workbench.service.repo.notices.map((n) => n.message)
    if (notices.length > 0) log(`notices on open: ${notices.slice(0, 3).join(' | ')}`)
    const wb = workbench
    // As tests/ui/harness.ts binds it, with one difference: results cross as JSON text. Playwright
    // serialises a binding's object result with its own recursive serialiser, which takes ~9 s
    // for the 8 MB document list of a 20,000-document project; a string crosses in a fraction of
    // that, about what Electron's structured clone costs, so page time measures the app.
    await page.exposeBinding(
      '__workbenchCall',
      async (_source, method: ApiMethod, callArgs: unknown[]) => {
        const start = performance.now()
        const result = await wb.handlers[method](...callArgs)
        const ms = performance.now() - start
        const text = JSON.stringify(result)
        calls.push({ method, ms, bytes: text.length })
        return text
      },
    )
    await page.addInitScript(
      ({ methods, name }) => {
        const call = (
          window as unknown as { __workbenchCall: (m: string, a: unknown[]) => Promise<string> }
        ).__workbenchCall
        const bridge: Record<string, (...a: unknown[]) => Promise<unknown>> = {}
        for (const m of methods)
          bridge[m] = async (...a: unknown[]) => {
            const start = performance.now()
            const value: unknown = JSON.parse(await call(m, a))
            window.__bench.calls.push({ method: m, start, end: performance.now() })
            return value
          }
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
    await keyPresses(page, args.presses, {
      prefix: 'keypress',
      cdp,
      paintTarget: null,
      scriptTarget: null,
    })
    // A slow laptop, as Lighthouse emulates one: the renderer's CPU slowed 4×.
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await keyPresses(page, args.presses, {
      prefix: 'keypress_4x',
      cdp,
      paintTarget: '<= 16',
      scriptTarget: '<= 4',
    })
    if (args.profile) {
      // A separate run: the profiler's own cost must not be in the figures above.
      const profile = await profiled(cdp, () =>
        keyPresses(page, 60, {
          prefix: 'profiled_keypress_4x',
          cdp,
          paintTarget: null,
          scriptTarget: null,
        }),
      )
      log(
        `renderer self time over 60 presses at 4× (CPU profile): ${selfTimes(profile)
          .map((f) => `${f.name} ${f.ms.toFixed(1)} ms`)
          .join(' | ')}`,
      )
      for (const f of selfTimes(profile, 6))
        log(`  ${f.name}, called from ${heaviestCallers(profile, f.name.split(' ')[0])}`)
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    await scrolling(page, 'document_list', { x: 130, y: 500 }, 40, 0)
    await scrolling(page, 'article', { x: 700, y: 500 }, 20, 20)

    const memory = await perfMetrics(cdp)
    const heapTotal = mb(memory.JSHeapTotalSize ?? NaN)
    const heapUsed = mb(memory.JSHeapUsedSize ?? NaN)
    // Garbage (detached rows, old arrays) counts until collected; what stays after a GC is what the app holds.
    await cdp.send('HeapProfiler.collectGarbage')
    const retained = await perfMetrics(cdp)
    log(
      `renderer: JS heap ${heapUsed.toFixed(0)} MB used / ${heapTotal.toFixed(0)} MB allocated, ${memory.Nodes} DOM nodes; ` +
        `after a GC ${mb(retained.JSHeapUsedSize ?? NaN).toFixed(0)} MB used, ${retained.Nodes} DOM nodes`,
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
    emit(
      metric(
        'renderer_js_heap_retained_mb',
        mb(retained.JSHeapUsedSize ?? NaN),
        'MB',
        null,
        'used JS heap after a forced GC',
      ),
    )
    emit(metric('renderer_dom_nodes', retained.Nodes ?? null, 'nodes', null, 'after a forced GC'))
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

/** Whether the project's index cache is complete, which decides whether opening rebuilds it. */
async function indexState(projectDir: string): Promise<string> {
  const documents = (await readdir(join(projectDir, 'documents'))).filter((f) =>
    f.endsWith('.json'),
  ).length
  let indexed: number | string
  try {
    indexed = JSON.parse(await readFile(join(projectDir, 'local', 'index.json'), 'utf8')).documents
      .length
  } catch (e) {
    indexed = (e as Error).message
  }
  const dirty = await readFile(join(projectDir, 'local', 'index.dirty'), 'utf8').then(
    (t) => t.split('\n').filter(Boolean).length,
    () => 0,
  )
  return `${documents} document files, index.json lists ${indexed}, ${dirty} marked dirty`
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
    .map((c) => {
      const seen = r.marks.calls.find((p) => p.method === c.method)
      const page = seen ? `; in the page ${seen.start.toFixed(0)} → ${seen.end.toFixed(0)} ms` : ''
      return `${c.method} ${c.ms.toFixed(0)} ms in core, ${mb(c.bytes).toFixed(2)} MB as JSON${page}`
    })
    .join(' | ')
  log(
    `open to interactive ${r.totalMs.toFixed(0)} ms = openWorkbench ${r.coreMs.toFixed(0)} ms + page ${r.navToReadyMs.toFixed(0)} ms ` +
      `(DOMContentLoaded at ${r.marks.domContentLoaded?.toFixed(0)} ms, list in DOM at ${r.marks.list?.toFixed(0)} ms, ` +
      `first sentence at ${r.marks.sentence?.toFixed(0)} ms page time)`,
  )
  log(`  contract calls during load: ${calls}`)
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
