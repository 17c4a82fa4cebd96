/**
 * A stand-in for a sync engine (Syncthing, Nextcloud) delivering other coders' work into the
 * project while the analyst codes: a separate process that writes other coders' layer files
 * (annotations/<coder>/<document>.json) and profiles the way Syncthing does — a temporary file
 * beside the target, then a rename — in bursts, until it is told to stop. Its files are real
 * layer files, so the app's watcher and rescan do the work they would do in a team.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AnnotationFile } from '../electron/core/storage/files'
import { SCHEMA_VERSION } from '../electron/core/storage/files'
import { loadDefaultCodebook } from '../electron/core/workbench'
import { buildSyntheticDocument, documentId, syntheticAnnotations } from './projectGen'
import { mulberry32 } from './prng'
import { CORPUS_DIR } from './setup'

export interface SyncWriterArgs {
  projectDir: string
  documents: number
  seed: number
  /** Other coders whose layers arrive. */
  coders: number
  /** Files per burst, and the pause between bursts (a sync engine pulls in batches). */
  burst: number
  pauseMs: number
}

const coderId = (i: number) => `csync${String(i).padStart(8, '0')}`

/** The writer's loop (runs in its own process); reports how many files it wrote when it stops. */
export async function syncWriterMain(args: SyncWriterArgs): Promise<void> {
  const codebook = await loadDefaultCodebook(CORPUS_DIR)
  const random = mulberry32(args.seed ^ 0x5eed)
  let stop = false
  let written = 0
  process.on('message', (m) => {
    if (m === 'stop') stop = true
  })
  const put = async (file: string, text: string) => {
    const dir = join(file, '..')
    const name = file.slice(dir.length + 1)
    const tmp = join(dir, `.syncthing.${name}.tmp`)
    await writeFile(tmp, text)
    await rename(tmp, file)
    written++
  }
  for (let c = 0; c < args.coders; c++) {
    await mkdir(join(args.projectDir, 'annotations', coderId(c)), { recursive: true })
    await mkdir(join(args.projectDir, 'coders'), { recursive: true })
    await put(
      join(args.projectDir, 'coders', `${coderId(c)}.json`),
      JSON.stringify({ schemaVersion: 1, id: coderId(c), name: `Sync coder ${c + 1}` }),
    )
  }
  process.send?.('started')
  while (!stop) {
    for (let i = 0; i < args.burst && !stop; i++) {
      const n = Math.floor(random() * args.documents)
      const c = Math.floor(random() * args.coders)
      const document = buildSyntheticDocument(args.seed, n)
      const file: AnnotationFile = {
        schemaVersion: SCHEMA_VERSION,
        documentId: documentId(n),
        coder: coderId(c),
        annotations: syntheticAnnotations(args.seed + c + 1, document, codebook, n),
      }
      await put(
        join(args.projectDir, 'annotations', coderId(c), `${documentId(n)}.json`),
        JSON.stringify(file),
      )
    }
    await new Promise((r) => setTimeout(r, args.pauseMs))
  }
  process.send?.({ written }, () => process.exit(0))
}

/** Starts the writer in a process of its own; `stop()` ends it and says how many files it wrote. */
export async function startSyncWriter(
  args: SyncWriterArgs,
): Promise<{ stop: () => Promise<number> }> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [JSON.stringify(args)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  let written = 0
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()))
  await new Promise<void>((ok, fail) => {
    child.on('message', (m) => {
      if (m === 'started') ok()
      else if (m && typeof m === 'object' && 'written' in m) written = Number(m.written)
    })
    child.once('exit', (code) => fail(new Error(`sync writer exited with code ${code}`)))
  })
  return {
    stop: async () => {
      child.send('stop')
      await exited
      return written
    },
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  await syncWriterMain(JSON.parse(process.argv[2]) as SyncWriterArgs)
