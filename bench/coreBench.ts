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
import { exportAs, exportJsonl, type JsonlExport } from './exportAdapter'
import { csvFloor, jsonlFloor, type Floor } from './exportFloor'
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
import { startSyncWriter } from './syncWriter'
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

  await changesWhileSyncing(workbench, args, changes, random)

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
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const exported = await exportJsonl(workbench.service.repo, args.exportFile)
  const exportSeconds = (performance.now() - t0) / 1000
  const exportCpu = cpuSince(c0)
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

  // The floors come after the memory figures: reading the rows back is the bench's, not the app's.
  await compareWithFloor('jsonl', exported, exportSeconds, exportCpu, args.exportFile, jsonlFloor)
  const csvFile = args.exportFile.replace(/\.jsonl$/, '') + '.csv'
  const c1 = process.cpuUsage()
  const t1 = performance.now()
  const csv = await exportAs(workbench.service.repo, 'csv-sentences', csvFile)
  const csvSeconds = (performance.now() - t1) / 1000
  const csvCpu = cpuSince(c1)
  log(`export csv: ${csv.lines} rows, ${mb(csv.bytes).toFixed(0)} MB in ${csvSeconds.toFixed(1)} s`)
  emit(metric('export_csv_sentences_per_s', csv.sentences / csvSeconds, 'sentences/s', null))
  await compareWithFloor('csv', csv, csvSeconds, csvCpu, csvFile, csvFloor)
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

/**
 * The export beside its floor, in rows per second: the same rows serialised the plainest way
 * and written from one thread (exportFloor.ts), measured now, in the same process.
 */
async function compareWithFloor(
  format: 'jsonl' | 'csv',
  exported: JsonlExport,
  seconds: number,
  cpuMs: number,
  file: string,
  floorOf: (file: string, out: string) => Promise<Floor>,
): Promise<void> {
  const rowsPerSecond = exported.lines / seconds
  const floor = await floorOf(file, `${file}.floor`)
  await rm(file, { force: true })
  const floorRate = floor.rows / (floor.ms / 1000)
  log(
    `${format} floor: ${floor.rows} rows serialised and written in ${floor.ms.toFixed(0)} ms ` +
      `(CPU ${floor.cpuMs.toFixed(0)} ms), ${Math.round(floorRate)} rows/s; the export ${Math.round(rowsPerSecond)} rows/s ` +
      `(${(seconds * 1000).toFixed(0)} ms, CPU of all its threads ${cpuMs.toFixed(0)} ms)`,
  )
  // Under load wall time lies; CPU time per row says what the code costs (the export's CPU
  // counts every worker thread, so this ratio is the harsher one).
  emit(
    metric(
      `export_${format}_cpu_vs_floor`,
      floor.cpuMs / floor.rows / (cpuMs / exported.lines),
      'x',
      null,
      'floor CPU ms per row / export CPU ms per row (all threads), same run',
    ),
  )
  emit(
    metric(
      `export_${format}_rows_per_s`,
      rowsPerSecond,
      'rows/s',
      null,
      `every line the export wrote; floor: ${format === 'jsonl' ? 'JSON.stringify' : 'minimal CSV quoting'} of the same rows from one thread`,
      floorRate,
    ),
  )
  emit(
    metric(
      `export_${format}_vs_floor`,
      rowsPerSecond / floorRate,
      'x',
      '>= 1',
      'export rows/s / floor rows/s, same run',
    ),
  )
}

/**
 * Changes while the sync writer runs, at an analyst's pace: the watcher waits for 250 ms without
 * events before it rescans, and our own writes are events too, so quicker changes would starve
 * the rescans this run is meant to meet.
 */
const SYNC_CHANGES = PACED_CHANGES
const SYNC_PACE_MS = PACED_MS

/**
 * Label changes while another process writes other coders' layer files into the project, as a
 * sync engine does; the app's watcher notices them and rescans the folder meanwhile.
 */
async function changesWhileSyncing(
  workbench: Workbench,
  args: CoreArgs,
  changes: Change[],
  random: () => number,
): Promise<void> {
  const team = (workbench.service as unknown as { team?: { scan: () => Promise<boolean> } }).team
  const scans: number[] = []
  const scan = team?.scan
  if (team && scan)
    team.scan = async function (this: unknown) {
      const t = performance.now()
      try {
        return await scan.call(team)
      } finally {
        scans.push(performance.now() - t)
      }
    }
  const writer = await startSyncWriter({
    projectDir: args.projectDir,
    documents: args.documents,
    seed: args.seed,
    coders: 3,
    burst: 20,
    pauseMs: 400,
  })
  const synced = changes.slice(0, SYNC_CHANGES).map((c) => ({ ...c, input: stanceInput(random) }))
  const probe = probeRepository(workbench, 'label_change_big_syncing')
  const c0 = process.cpuUsage()
  const times = await timeChanges(
    workbench.handlers,
    synced,
    () => SYNC_PACE_MS[0] + random() * (SYNC_PACE_MS[1] - SYNC_PACE_MS[0]),
  )
  const cpu = process.cpuUsage(c0)
  probe.stop()
  const written = await writer.stop()
  if (team && scan) team.scan = scan
  await verifyOnDisk(args.projectDir, synced)
  log(
    `while syncing: the writer put ${written} other coders' files into the project; ${scans.length} rescans, ` +
      `p50 ${percentile(scans, 50).toFixed(0)} ms, max ${Math.max(0, ...scans).toFixed(0)} ms; ` +
      `main CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms over the changes`,
  )
  emitLatencies(
    'label_change_big_syncing_ms',
    times,
    '<= 10',
    `label change, big project, while another process writes other coders' files`,
  )
  emit(
    metric(
      'team_rescan_ms_p50',
      scans.length ? percentile(scans, 50) : null,
      'ms',
      null,
      `the watcher's rescan of the project while syncing (${scans.length} of them)`,
    ),
  )
  probe.report(times)
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}
