/**
 * Import with segmentation, end to end: importPaths over a folder of generated .txt articles
 * into a fresh project (reading, decoding, segmenting, hashing, durable writes, the index).
 */
import { join } from 'node:path'
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
  const t0 = performance.now()
  const repo = await openLowdbRepository(join(args.dir, 'project'), {
    create: { name: 'Import bench', codebook },
  })
  const report = await importPaths(repo, [source])
  await repo.close()
  const seconds = (performance.now() - t0) / 1000
  if (report.failed.length > 0)
    throw new Error(`import failed: ${JSON.stringify(report.failed.slice(0, 3))}`)
  const sentences = report.imported.reduce((n, d) => n + d.sentences, 0)
  log(
    `import: ${report.imported.length} articles, ${sentences} sentences, ${mb(bytes).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
  )
  emit(metric('import_sentences_per_s', sentences / seconds, 'sentences/s', '>= 5000'))
  emit(metric('import_articles', report.imported.length, 'articles', null))
}
