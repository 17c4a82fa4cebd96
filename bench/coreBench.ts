/**
 * The core measurements, each in its own child process (see child.ts):
 * - label changes on the small sample project and on the big one (see labelChanges.ts);
 * - opening the big project, the JSONL export, and the process's memory after all of it.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { readIndexFile } from '../electron/core/storage/files'
import type { Workbench } from '../electron/core/workbench'
import { emit } from './child'
import { exportJsonl } from './exportAdapter'
import {
  emitLatencies,
  PACED_CHANGES,
  PACED_MS,
  plannedChanges,
  probeRepository,
  stanceInput,
  timeChanges,
  verifyOnDisk,
  type Change,
} from './labelChanges'
import { buildSyntheticDocument, documentId } from './projectGen'
import { mulberry32, pick } from './prng'
import { openBenchWorkbench } from './setup'
import { log, mb, metric, percentile } from './stats'

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

  // At an analyst's pace the 1.5 s index flush timer fires between most changes, so a change
  // meets a flush in proportion to the time flushes take, far more often than in the fast run.
  const paced = changes.slice(0, PACED_CHANGES).map((c) => ({ ...c, input: stanceInput(random) }))
  const pacedProbe = probeRepository(workbench, 'label_change_big_paced')
  const pacedTimes = await timeChanges(
    workbench.handlers,
    paced,
    () => PACED_MS[0] + random() * (PACED_MS[1] - PACED_MS[0]),
  )
  pacedProbe.stop()
  await verifyOnDisk(args.projectDir, paced)
  emitLatencies(
    'label_change_big_paced_ms',
    pacedTimes,
    null,
    `label change, big project, ${PACED_MS[0]}–${PACED_MS[1]} ms apart`,
  )
  pacedProbe.report(pacedTimes)

  const rssBeforeExport = process.memoryUsage().rss
  emit(
    metric(
      'main_process_rss_before_export_mb',
      mb(rssBeforeExport),
      'MB',
      null,
      'after open + label changes',
    ),
  )
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
  const text = await readFile(join(projectDir, 'local', 'index.json'), 'utf8')
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
