/**
 * Code that runs inside the page (Chromium): the load probe, installed before the app's
 * scripts, and the key-press and frame recorders. Every time here is page time
 * (performance.now(), the same clock as Event.timeStamp and rAF timestamps).
 */

export interface LoadMarks {
  /** The first row of the document list is in the DOM. */
  list?: number
  /** The first sentence of the open document has a non-empty box. */
  sentence?: number
  domContentLoaded?: number
  longTasks: Array<{ start: number; duration: number }>
  /** Contract calls as the page saw them: from the call until the value was decoded. */
  calls: Array<{ method: string; start: number; end: number }>
}

export interface KeySample {
  key: string
  /** keydown → the app's DOM change (the script work, ended by Vue's flush). */
  script: number
  /** keydown → the first requestAnimationFrame after the DOM change. */
  frame: number
  /** keydown → a task posted from that frame, i.e. after its style, layout and paint. */
  paint: number
}

declare global {
  interface Window {
    __bench: LoadMarks
    __benchArm?: () => void
    __benchKey?: Promise<KeySample | null>
    __benchFrames?: { on: boolean; stamps: number[] }
  }
}

/** Installed with addInitScript: records when the list and the first sentence show, and long tasks. */
export function loadProbe(): void {
  const marks: LoadMarks = { longTasks: [], calls: [] }
  window.__bench = marks
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        marks.longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    /* no long-task timing in this browser */
  }
  document.addEventListener('DOMContentLoaded', () => (marks.domContentLoaded = performance.now()))
  const poll = () => {
    if (marks.list === undefined && document.querySelector('nav li button'))
      marks.list = performance.now()
    if (marks.sentence === undefined) {
      const first = document.querySelector('[role="listbox"] [role="option"]')
      if (first && first.getBoundingClientRect().height > 0) marks.sentence = performance.now()
    }
    if (marks.list === undefined || marks.sentence === undefined) requestAnimationFrame(poll)
  }
  requestAnimationFrame(poll)
}

/**
 * The key-press recorder. After `__benchArm()`, the next keydown (seen in the capture phase,
 * before the app's listener) starts a sample; a MutationObserver on the article sees the app's
 * DOM change; the next rAF and a task posted from it close the sample. F9 is a calibration key
 * the app ignores: the probe itself changes a hidden element, so its sample is the floor of
 * the method (the wait for the next frame) with no app work at all.
 */
export function installKeyProbe(): void {
  const dummy = document.createElement('div')
  dummy.setAttribute('aria-hidden', 'true')
  dummy.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none'
  document.body.appendChild(dummy)
  let armed: ((s: KeySample | null) => void) | null = null
  window.__benchArm = () => {
    window.__benchKey = new Promise((resolve) => (armed = resolve))
  }
  window.addEventListener(
    'keydown',
    (event) => {
      const resolve = armed
      if (!resolve) return
      armed = null
      const start = event.timeStamp
      const calibration = event.key === 'F9'
      const target = calibration ? dummy : document.querySelector('[role="listbox"]')
      if (!target) return resolve(null)
      let done = false
      const observer = new MutationObserver(() => {
        if (done) return
        done = true
        observer.disconnect()
        const script = performance.now() - start
        requestAnimationFrame(() => {
          const frame = performance.now() - start
          const channel = new MessageChannel()
          channel.port1.onmessage = () =>
            resolve({ key: event.key, script, frame, paint: performance.now() - start })
          channel.port2.postMessage(0)
        })
      })
      observer.observe(target, {
        attributes: true,
        childList: true,
        subtree: true,
        characterData: true,
      })
      if (calibration) dummy.setAttribute('data-n', String(start))
      setTimeout(() => {
        if (done) return
        done = true
        observer.disconnect()
        resolve(null)
      }, 2000)
    },
    true,
  )
}

/** Starts recording rAF timestamps (one per frame the main thread produced). */
export function startFrames(): void {
  const rec = { on: true, stamps: [] as number[] }
  window.__benchFrames = rec
  const loop = (ts: number) => {
    rec.stamps.push(ts)
    if (rec.on) requestAnimationFrame(loop)
  }
  requestAnimationFrame(loop)
}

/** Stops the recorder and returns the frame intervals. */
export function stopFrames(): number[] {
  const rec = window.__benchFrames
  if (!rec) return []
  rec.on = false
  const out: number[] = []
  for (let i = 1; i < rec.stamps.length; i++) out.push(rec.stamps[i] - rec.stamps[i - 1])
  return out
}
