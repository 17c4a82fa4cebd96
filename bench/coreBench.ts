/**
 * The core measurements, each in its own child process (see child.ts):
 * - label changes through the real handler table, on the small sample project and on the big one;
 * - opening the big project, the JSONL export, and the process's memory after all of it.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DocumentView, SentenceAnnotationInput } from '../electron/contract/model'
import type { Envelope } from '../electron/contract/api'
import type { Handlers } from '../electron/core/handlers'
import { readIndexFile } from '../electron/core/storage/files'
import { openSettings } from '../electron/core/settings'
import { openWorkbench, type Workbench } from '../electron/core/workbench'
import { emit } from './child'
import { exportJsonl } from './exportAdapter'
import { buildSyntheticDocument, documentId } from './projectGen'
import { mulberry32, pick, type Random } from './prng'
import { log, mb, metric, percentile } from './stats'

export const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)))
export const CORPUS_DIR = join(REPO, 'corpus')
const STANCES = ['supportive', 'critical', 'neutral', 'mixed']
/** An analyst codes about one sentence a second; 10 ms between changes keeps the run short but not back-to-back. */
const PACE_MS = 10

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Opens a workbench on `projectDir` with an annotator set (saving refuses to work without one). */
export async function openBenchWorkbench(
  projectDir: string,
  dataDir: string,
): Promise<{ workbench: Workbench; ms: number }> {
  const settingsFile = join(dataDir, 'settings.json')
  await (await openSettings(settingsFile)).update({ annotator: 'Bench' })
  const t0 = performance.now()
  const workbench = await openWorkbench({ projectDir, settingsFile, sampleCorpusDir: CORPUS_DIR })
  return { workbench, ms: performance.now() - t0 }
}

async function call<T>(handlers: Handlers, method: keyof Handlers, ...args: unknown[]): Promise<T> {
  const envelope = (await handlers[method](...args)) as Envelope<T>
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error}`)
  return envelope.value
}

interface Change {
  documentId: string
  unitId: string
  input: SentenceAnnotationInput
}

function stanceInput(random: Random): SentenceAnnotationInput {
  const values: Record<string, string[]> = { stance: [pick(random, STANCES)] }
  if (random() < 0.3) values.actor = [pick(random, ['trump', 'kim', 'china'])]
  return { statements: [{ id: 's1', values }], uncertain: false, note: '' }
}

/**
 * Changes as the UI makes them: the document is opened first (getDocument, untimed, as the
 * renderer does when the analyst picks it), then `perDocument` of its sentences are coded.
 */
async function plannedChanges(
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
async function timeChanges(handlers: Handlers, changes: Change[]): Promise<number[]> {
  const times: number[] = []
  for (const c of changes) {
    const t0 = performance.now()
    await call(handlers, 'saveAnnotation', c.documentId, c.unitId, c.input)
    times.push(performance.now() - t0)
    await sleep(PACE_MS)
  }
  return times
}

/** Reads the annotation files back from disk and checks that the last change of each unit is there. */
async function verifyOnDisk(projectDir: string, changes: Change[]): Promise<void> {
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
        await readFile(join(projectDir, 'annotations', `${c.documentId}.json`), 'utf8'),
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

function emitLatencies(prefix: string, times: number[], target: string | null, what: string): void {
  log(
    `${what}: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms over ${times.length}`,
  )
  emit(metric(`${prefix}_p50`, percentile(times, 50), 'ms', null))
  emit(metric(`${prefix}_p95`, percentile(times, 95), 'ms', target))
  emit(metric(`${prefix}_max`, Math.max(...times), 'ms', null))
}

/** Label changes on the sample project the app creates on first start (5 articles). */
export async function labelsSmallStage(args: {
  dataDir: string
  changes: number
  seed: number
}): Promise<{ p50: number }> {
  const projectDir = join(args.dataDir, 'project')
  const { workbench } = await openBenchWorkbench(projectDir, args.dataDir)
  const random = mulberry32(args.seed)
  const docs = workbench.service.listDocuments().map((d) => d.id)
  const perDocument = Math.ceil(args.changes / docs.length)
  const changes = (await plannedChanges(workbench.handlers, docs, perDocument, random)).slice(
    0,
    args.changes,
  )
  // Interleaved, as an analyst going back and forth would; a few unmeasured first to warm the JIT.
  changes.sort(() => random() - 0.5)
  await timeChanges(workbench.handlers, changes.slice(0, 20))
  const probe = probeRepository(workbench, 'label_change_small')
  const times = await timeChanges(workbench.handlers, changes)
  probe.stop()
  await verifyOnDisk(projectDir, changes)
  const sentences = workbench.service.info().sentenceCount
  emitLatencies(
    'label_change_small_ms',
    times,
    '<= 10',
    `label change, sample project (${sentences} sentences)`,
  )
  probe.report(times)
  await workbench.close()
  return { p50: percentile(times, 50) }
}

export interface CoreArgs {
  projectDir: string
  dataDir: string
  exportFile: string
  seed: number
  documents: number
  changes: number
  coldChanges: number
}

/** Open, label changes, export and memory on the big project, in that order, in one process. */
export async function coreStage(args: CoreArgs): Promise<{ p50: number }> {
  const { workbench, ms: openMs } = await openBenchWorkbench(args.projectDir, args.dataDir)
  const info = workbench.service.info()
  log(
    `opened ${info.documentCount} documents, ${info.sentenceCount} sentences (${info.annotatedCount} annotated) in ${openMs.toFixed(0)} ms`,
  )
  emit(metric('open_core_ms', openMs, 'ms', null, 'openWorkbench alone on the big project'))
  emit(metric('project_sentences', info.sentenceCount, 'sentences', null))
  emit(metric('project_annotated', info.annotatedCount, 'sentences', null))
  await openBreakdown(args.projectDir, workbench)

  const random = mulberry32(args.seed)
  const perDocument = 5
  const ids = new Set<string>()
  while (ids.size < Math.min(args.documents, Math.ceil(args.changes / perDocument)))
    ids.add(documentId(Math.floor(random() * args.documents)))
  const changes = await plannedChanges(workbench.handlers, [...ids], perDocument, random)
  changes.sort(() => random() - 0.5)
  await timeChanges(workbench.handlers, changes.slice(0, 20))
  const probe = probeRepository(workbench, 'label_change_big')
  const times = await timeChanges(workbench.handlers, changes)
  probe.stop()
  await verifyOnDisk(args.projectDir, changes)
  emitLatencies(
    'label_change_big_ms',
    times,
    '<= 10',
    `label change, big project, ${ids.size} open documents`,
  )
  probe.report(times)

  // Documents never opened in this session: the annotation shard and the document are read from disk.
  const cold: Change[] = []
  const coldTarget = Math.min(args.coldChanges, args.documents - ids.size)
  while (cold.length < coldTarget) {
    const n = Math.floor(random() * args.documents)
    if (ids.has(documentId(n))) continue
    ids.add(documentId(n))
    const sentences = buildSyntheticDocument(args.seed, n).units.filter(
      (u) => u.kind === 'sentence',
    )
    cold.push({
      documentId: documentId(n),
      unitId: pick(random, sentences).id,
      input: stanceInput(random),
    })
  }
  if (cold.length > 0) {
    const coldTimes = await timeChanges(workbench.handlers, cold)
    await verifyOnDisk(args.projectDir, cold)
    emitLatencies(
      'label_change_big_cold_ms',
      coldTimes,
      null,
      'label change, big project, document not opened before',
    )
  }

  const t0 = performance.now()
  const exported = await exportJsonl(workbench.service.repo, args.exportFile)
  const exportSeconds = (performance.now() - t0) / 1000
  log(
    `export: ${exported.sentences} sentences, ${exported.lines} lines, ${mb(exported.bytes).toFixed(0)} MB in ${exportSeconds.toFixed(1)} s`,
  )
  emit(
    metric(
      'export_jsonl_sentences_per_s',
      exported.sentences / exportSeconds,
      'sentences/s',
      '>= 200000',
    ),
  )
  emit(metric('export_jsonl_s', exportSeconds, 's', null))
  emit(metric('export_jsonl_mb', mb((await stat(args.exportFile)).size), 'MB', null))
  await rm(args.exportFile, { force: true })

  const rss = process.memoryUsage().rss
  const peak = process.resourceUsage().maxRSS * 1024
  log(`core process: rss ${mb(rss).toFixed(0)} MB now, ${mb(peak).toFixed(0)} MB at peak`)
  emit(
    metric(
      'main_process_rss_mb',
      mb(rss),
      'MB',
      '<= 1024',
      'rss after open + label changes + export',
    ),
  )
  emit(
    metric(
      'main_process_peak_rss_mb',
      mb(peak),
      'MB',
      null,
      'maxRSS of the core process over the stage',
    ),
  )
  emit(metric('main_process_heap_used_mb', mb(process.memoryUsage().heapUsed), 'MB', null))
  await workbench.close()
  return { p50: percentile(times, 50) }
}

type Span = [start: number, end: number]

/**
 * Bench-side instrumentation of the open repository, to say where a label change spends its
 * time: reading the document (saveAnnotations re-reads it to check the unit), the durable write
 * of the annotation file, and whether an index.json flush (a timer, every 1.5 s) ran meanwhile.
 * It wraps methods of this one instance; the product code is untouched.
 */
function probeRepository(workbench: Workbench, prefix: string) {
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
          'index.json rewrite, every 1.5 s while changes happen',
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

/** Where opening spends its time: the parts of openLowdbRepository, timed alone. */
async function openBreakdown(projectDir: string, workbench: Workbench): Promise<void> {
  let t = performance.now()
  const lap = () => {
    const now = performance.now()
    const d = now - t
    t = now
    return d
  }
  const names = await readdir(join(projectDir, 'documents'))
  const readdirMs = lap()
  const text = await readFile(join(projectDir, 'index.json'), 'utf8')
  const readMs = lap()
  const parsed = JSON.parse(text)
  const parseMs = lap()
  readIndexFile(parsed)
  const validateMs = lap()
  const list = workbench.service.listDocuments()
  const listMs = lap()
  const payload = JSON.stringify(list).length
  const stringifyMs = lap()
  workbench.service.info()
  const infoMs = lap()
  log(
    `open breakdown: readdir documents/ (${names.length} names) ${readdirMs.toFixed(0)} ms, read index.json ` +
      `(${mb(text.length).toFixed(1)} MB) ${readMs.toFixed(0)} ms, JSON.parse ${parseMs.toFixed(0)} ms, zod validation ` +
      `${validateMs.toFixed(0)} ms; listDocuments ${listMs.toFixed(0)} ms (${mb(payload).toFixed(1)} MB as JSON, ` +
      `stringify ${stringifyMs.toFixed(0)} ms); getProject ${infoMs.toFixed(0)} ms`,
  )
  emit(metric('open_index_validate_ms', validateMs, 'ms', null))
  emit(metric('list_documents_payload_mb', mb(payload), 'MB', null))
}
