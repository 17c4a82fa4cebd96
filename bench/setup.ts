/** Where the repository is, and a workbench opened the way every stage needs it. */
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openSettings } from '../electron/core/settings'
import { openWorkbench, type Workbench } from '../electron/core/workbench'

export const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)))
export const CORPUS_DIR = join(REPO, 'corpus')

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
