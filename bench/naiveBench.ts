/**
 * The naive way, for comparison: the whole project (codebook, every document, every annotation)
 * in one lowdb file through lowdb's own JSONFile adapter, rewritten by Low.write() on every label
 * change. (JSONFile indents with two spaces and does not fsync, so this flatters the naive way.)
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import type { Codebook, SentenceAnnotation, StoredDocument } from '../electron/contract/model'
import type { AnnotationFile, DocumentFile, ProjectFile } from '../electron/core/storage/files'
import { emit } from './child'
import { BENCH_CODER } from './projectGen'
import { mulberry32, pick } from './prng'
import { log, mb, metric, percentile } from './stats'

const READS_IN_FLIGHT = 64

interface NaiveDb {
  name: string
  codebook: Codebook | null
  documents: StoredDocument[]
  annotations: Record<string, Record<string, SentenceAnnotation>>
}

/** Loads the sharded project into one object (untimed: it stands for the naive app's state). */
async function loadAll(projectDir: string): Promise<NaiveDb> {
  const project = JSON.parse(
    await readFile(join(projectDir, 'project.json'), 'utf8'),
  ) as ProjectFile
  const versions = (await readdir(join(projectDir, 'codebook'))).sort()
  const codebook = JSON.parse(
    await readFile(join(projectDir, 'codebook', versions.at(-1) as string), 'utf8'),
  ).codebook as Codebook
  const data: NaiveDb = {
    name: project.name,
    codebook,
    documents: [],
    annotations: {},
  }
  const names = (await readdir(join(projectDir, 'documents')))
    .filter((f) => f.endsWith('.json'))
    .sort()
  const read = async (folder: string, name: string) =>
    JSON.parse(await readFile(join(projectDir, folder, name), 'utf8'))
  for (let i = 0; i < names.length; i += READS_IN_FLIGHT) {
    const batch = names.slice(i, i + READS_IN_FLIGHT)
    const docs = (await Promise.all(batch.map((n) => read('documents', n)))) as DocumentFile[]
    const anns = (await Promise.all(
      batch.map((n) => read(join('annotations', BENCH_CODER), n)),
    )) as AnnotationFile[]
    docs.forEach((doc, j) => {
      // A document's import time now lives in the importing coder's layer.
      data.documents.push({ ...doc.document, importedAt: anns[j].imported?.at ?? '' })
      data.annotations[doc.document.id] = anns[j].annotations
    })
  }
  return data
}

export async function naiveStage(args: {
  projectDir: string
  file: string
  writes: number
  seed: number
}): Promise<{ p50: number | null }> {
  const data = await loadAll(args.projectDir)
  const db = new Low<NaiveDb>(new JSONFile<NaiveDb>(args.file), data)
  const random = mulberry32(args.seed)
  const change = () => {
    const doc = pick(random, data.documents)
    const unit = pick(
      random,
      doc.units.filter((u) => u.kind === 'sentence'),
    )
    const now = new Date().toISOString()
    data.annotations[doc.id][unit.id] = {
      statements: [
        {
          id: 's1',
          values: { stance: [pick(random, ['supportive', 'critical', 'neutral', 'mixed'])] },
        },
      ],
      uncertain: false,
      note: '',
      annotator: 'Bench',
      createdAt: now,
      updatedAt: now,
      codebookVersion: data.codebook?.version ?? 0,
    }
  }
  const times: number[] = []
  try {
    // Each label change rewrites the whole file (the first one creates it, at the same cost).
    for (let i = 0; i < args.writes; i++) {
      change()
      const t0 = performance.now()
      await db.write()
      times.push(performance.now() - t0)
    }
    log(`naive: one lowdb file of ${mb((await stat(args.file)).size).toFixed(0)} MB`)
  } catch (e) {
    // JSON.stringify of the whole project can exceed V8's maximum string length (~512 MB).
    const reason = `the naive write failed: ${(e as Error).message}`
    log(reason)
    emit(metric('naive_label_change_ms_p50', null, 'ms', null, reason))
    return { p50: null }
  }
  log(`naive label change: p50 ${percentile(times, 50).toFixed(0)} ms over ${times.length} writes`)
  emit(
    metric(
      'naive_label_change_ms_p50',
      percentile(times, 50),
      'ms',
      null,
      'whole project in one lowdb JSONFile, Low.write() per change',
    ),
  )

  db.data = { name: '', codebook: null, documents: [], annotations: {} }
  globalThis.gc?.()
  const t0 = performance.now()
  await db.read()
  emit(metric('naive_open_ms', performance.now() - t0, 'ms', null, 'Low.read() of the one file'))
  return { p50: percentile(times, 50) }
}
