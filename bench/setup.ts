/** Where the repository is, and a workbench opened the way every stage needs it. */
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { mkdir, writeFile } from 'node:fs/promises'
import { openSettings } from '../electron/core/settings'
import { BENCH_CODER } from './projectGen'
import { openWorkbench, type Workbench } from '../electron/core/workbench'

export const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)))
export const CORPUS_DIR = join(REPO, 'corpus')

/** Opens a workbench on `projectDir` with an annotator set (saving refuses to work without one). */
export async function openBenchWorkbench(
  projectDir: string,
  dataDir: string,
): Promise<{ workbench: Workbench; ms: number }> {
  const settingsFile = join(dataDir, 'settings.json')
  // The bench's user is the coder whose layer the generated project holds.
  await mkdir(dataDir, { recursive: true })
  await writeFile(
    settingsFile,
    JSON.stringify({ schemaVersion: 2, annotator: '', coderId: BENCH_CODER }),
  )
  await (await openSettings(settingsFile)).update({ annotator: 'Bench' })
  const t0 = performance.now()
  const workbench = await openWorkbench({ projectDir, settingsFile, sampleCorpusDir: CORPUS_DIR })
  return { workbench, ms: performance.now() - t0 }
}
