/**
 * Import with segmentation, end to end: importPaths over a folder of generated .txt articles
 * into a fresh project (reading, decoding, segmenting, hashing, durable writes, the index).
 */
import { join } from 'node:path'
import { readFile } from 'node:fs/promises'
import { buildDocument, toDocumentId } from '../electron/core/corpus/document'
import { collectFiles } from '../electron/core/corpus/import/files'
import { readSourceFile } from '../electron/core/corpus/import/readers'
import { importPaths } from '../electron/core/corpus/importer'
import { openLowdbRepository } from '../electron/core/storage/lowdbRepository'
import { loadDefaultCodebook } from '../electron/core/workbench'
import { emit } from './child'
import { CORPUS_DIR } from './setup'
import { writeTextArticles } from './projectGen'
import { log, mb, metric } from './stats'

export async function importStage(args: {
  dir: string
  seed: number
  articles: number
}): Promise<void> {
  const source = join(args.dir, 'articles')
  const bytes = await writeTextArticles(source, args.seed, 0, args.articles)
  const codebook = await loadDefaultCodebook(CORPUS_DIR)
  const floor = await importFloor(source)
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const repo = await openLowdbRepository(join(args.dir, 'project'), {
    create: { name: 'Import bench', codebook },
  })
  const report = await importPaths(repo, [source])
  await repo.close()
  const seconds = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(c0)
  if (report.failed.length > 0)
    throw new Error(`import failed: ${JSON.stringify(report.failed.slice(0, 3))}`)
  const sentences = report.imported.reduce((n, d) => n + d.sentences, 0)
  log(
    `import: ${report.imported.length} articles, ${sentences} sentences, ${mb(bytes).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
  )
  const floorRate = floor.sentences / (floor.ms / 1000)
  log(
    `import floor (read, decode, segment, no storing): ${floor.sentences} sentences in ${floor.ms.toFixed(0)} ms ` +
      `(CPU ${floor.cpuMs.toFixed(0)} ms); the import ${seconds.toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`,
  )
  if (floor.sentences !== sentences)
    log(`  the floor segmented ${floor.sentences} sentences, the import ${sentences}`)
  emit(
    metric(
      'import_sentences_per_s',
      sentences / seconds,
      'sentences/s',
      '>= 5000',
      'floor: the same files read, decoded and segmented without storing, same run',
      floorRate,
    ),
  )
  emit(
    metric(
      'import_vs_floor',
      sentences / seconds / floorRate,
      'x',
      '>= 0.1',
      'import sentences/s / floor sentences/s (durable: whole documents only, what the report lists is on disk)',
    ),
  )
  emit(metric('import_articles', report.imported.length, 'articles', null))
}

/**
 * What the import does before storing, and nothing else: collecting the files, reading,
 * decoding (readSourceFile) and building the segmented document (buildDocument: segmentation,
 * offsets, the content hash), one file after another as the import does.
 */
async function importFloor(
  source: string,
): Promise<{ sentences: number; ms: number; cpuMs: number }> {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const { files } = await collectFiles([source])
  let sentences = 0
  for (const file of files) {
    const read = await readSourceFile(file.name, await readFile(file.path))
    if (!read.ok) continue
    for (const text of read.docs) {
      const document = buildDocument({
        id: toDocumentId(text.suggestedId),
        text: text.text,
        meta: text.meta,
        origin: text.origin,
        headings: text.headings,
      })
      sentences += document.units.filter((u) => u.kind === 'sentence').length
    }
  }
  const cpu = process.cpuUsage(c0)
  return { sentences, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 }
}
