/**
 * Label changes as the UI makes them, timed through the real handler table, checked on disk,
 * and attributed (document read, durable write, index flushes) by a probe on the repository.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Envelope } from '../electron/contract/api'
import type { DocumentView, SentenceAnnotationInput } from '../electron/contract/model'
import type { Handlers } from '../electron/core/handlers'
import type { Workbench } from '../electron/core/workbench'
import { emit } from './child'
import { BENCH_CODER } from './projectGen'
import { pick, type Random } from './prng'
import { log, metric, percentile } from './stats'

export const STANCES = ['supportive', 'critical', 'neutral', 'mixed']
/**
 * An analyst codes about a sentence a second; 5 ms between changes keeps the run short, yet not
 * back-to-back, so the index.json flush timer fires between changes as it does in use.
 */
export const PACE_MS = 5
/**
 * A short run at the pace of a person (irregular, 100–900 ms apart), to see the timers that
 * fire between changes; a fixed pace could fall into step with them.
 */
export const PACED_CHANGES = 60
export const PACED_MS = [100, 900] as const

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function call<T>(
  handlers: Handlers,
  method: keyof Handlers,
  ...args: unknown[]
): Promise<T> {
  const envelope = (await handlers[method](...args)) as Envelope<T>
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error}`)
  return envelope.value
}

export interface Change {
  documentId: string
  unitId: string
  input: SentenceAnnotationInput
}

export function stanceInput(random: Random): SentenceAnnotationInput {
  const values: Record<string, string[]> = { stance: [pick(random, STANCES)] }
  if (random() < 0.3) values.actor = [pick(random, ['trump', 'kim', 'china'])]
  return { statements: [{ id: 's1', values }], uncertain: false, note: '' }
}

/**
 * Changes as the UI makes them: the document is opened first (getDocument, untimed, as the
 * renderer does when the analyst picks it), then `perDocument` of its sentences are coded.
 */
export async function plannedChanges(
  handlers: Handlers,
  ids: string[],
  perDocument: number,
  random: Random,
): Promise<Change[]> {
  const changes: Change[] = []
  for (const id of ids) {
    const view = await call<DocumentView>(handlers, 'getDocument', id)
    const sentences = view.document.units.filter((u) => u.kind === 'sentence')
    for (let i = 0; i < perDocument; i++)
      changes.push({
        documentId: id,
        unitId: pick(random, sentences).id,
        input: stanceInput(random),
      })
  }
  return changes
}

/** Times each saveAnnotation from call to resolution (= durably on disk). */
export async function timeChanges(
  handlers: Handlers,
  changes: Change[],
  pace: () => number = () => PACE_MS,
): Promise<number[]> {
  const times: number[] = []
  for (const c of changes) {
    const t0 = performance.now()
    await call(handlers, 'saveAnnotation', c.documentId, c.unitId, c.input)
    times.push(performance.now() - t0)
    await sleep(pace())
  }
  return times
}

/** Reads the annotation files back from disk and checks that the last change of each unit is there. */
export async function verifyOnDisk(projectDir: string, changes: Change[]): Promise<void> {
  const last = new Map<string, Change>()
  for (const c of changes) last.set(`${c.documentId}\u0000${c.unitId}`, c)
  const files = new Map<
    string,
    Record<string, { statements: Array<{ values: Record<string, string[]> }> }>
  >()
  for (const c of last.values()) {
    let annotations = files.get(c.documentId)
    if (!annotations) {
      annotations = JSON.parse(
        await readFile(
          join(projectDir, 'annotations', BENCH_CODER, `${c.documentId}.json`),
          'utf8',
        ),
      ).annotations
      files.set(c.documentId, annotations!)
    }
    const stored = annotations![c.unitId]?.statements[0]?.values.stance?.[0]
    if (stored !== c.input.statements[0].values.stance[0])
      throw new Error(
        `label change of ${c.documentId}/${c.unitId} is not on disk (found ${stored})`,
      )
  }
}

export function emitLatencies(
  prefix: string,
  times: number[],
  target: string | null,
  what: string,
): void {
  log(
    `${what}: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms over ${times.length}`,
  )
  emit(metric(`${prefix}_p50`, percentile(times, 50), 'ms', null))
  emit(metric(`${prefix}_p95`, percentile(times, 95), 'ms', target))
  emit(metric(`${prefix}_max`, Math.max(...times), 'ms', null))
}

type Span = [start: number, end: number]

/**
 * Bench-side instrumentation of the open repository, to say where a label change spends its
 * time: reading the document (saveAnnotations reads it to check the unit), the durable write
 * of the annotation file, and whether an index.json flush (a timer, every 30 s) ran meanwhile.
 * It wraps methods of this one instance; the product code is untouched.
 */
export function probeRepository(workbench: Workbench, prefix: string) {
  const repo = workbench.service.repo as unknown as Record<string, unknown>
  const spans: Record<'getDocument' | 'putAnnotations' | 'indexFlush', Span[]> = {
    getDocument: [],
    putAnnotations: [],
    indexFlush: [],
  }
  const restore: Array<() => void> = []
  const wrap = (owner: Record<string, unknown>, method: string, into: Span[]) => {
    const original = owner[method]
    if (typeof original !== 'function') return
    owner[method] = async function (this: unknown, ...a: unknown[]) {
      const start = performance.now()
      try {
        return await (original as (...x: unknown[]) => Promise<unknown>).apply(this, a)
      } finally {
        into.push([start, performance.now()])
      }
    }
    restore.push(() => (owner[method] = original))
  }
  wrap(repo, 'getDocument', spans.getDocument)
  wrap(repo, 'putAnnotations', spans.putAnnotations)
  const index = repo['index'] as Record<string, unknown> | undefined
  if (index) wrap(index, 'write', spans.indexFlush)
  return {
    stop: () => restore.forEach((r) => r()),
    report(times: number[]) {
      const ms = (xs: Span[]) => xs.map(([a, b]) => b - a)
      const flushes = spans.indexFlush
      const flushMs = ms(flushes)
      // A change is slowed by a flush when their spans overlap.
      const puts = spans.putAnnotations
      const overlapping = puts.filter(([a, b]) => flushes.some(([f, g]) => f < b && a < g)).length
      log(
        `  where a change goes: document read+validate p50 ${percentile(ms(spans.getDocument), 50).toFixed(2)} / p95 ` +
          `${percentile(ms(spans.getDocument), 95).toFixed(2)} ms; durable annotation write p50 ${percentile(ms(puts), 50).toFixed(2)} / p95 ` +
          `${percentile(ms(puts), 95).toFixed(2)} ms; ${flushes.length} index.json flushes of p50 ${percentile(flushMs, 50).toFixed(0)} ms ` +
          `(max ${Math.max(0, ...flushMs).toFixed(0)} ms) overlapped ${overlapping} of ${times.length} changes`,
      )
      emit(
        metric(
          `${prefix}_document_read_ms_p95`,
          percentile(ms(spans.getDocument), 95),
          'ms',
          null,
          'repo.getDocument inside saveAnnotations',
        ),
      )
      emit(
        metric(
          `${prefix}_durable_write_ms_p95`,
          percentile(ms(puts), 95),
          'ms',
          null,
          'repo.putAnnotations',
        ),
      )
      emit(
        metric(
          `${prefix}_index_flush_ms_p50`,
          flushes.length ? percentile(flushMs, 50) : null,
          'ms',
          null,
          'index.json rewrite, every 30 s while changes happen',
        ),
      )
      emit(
        metric(
          `${prefix}_overlapping_index_flush`,
          overlapping,
          'changes',
          null,
          `of ${times.length}`,
        ),
      )
    },
  }
}
