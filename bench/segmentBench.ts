/**
 * Speed check of the sentence segmenter: ~20 MB of German news text built from the sample
 * corpus, segmented once as many article-sized documents and once as a single huge document
 * (which would expose any super-linear step). Run: npx tsx bench/segmentBench.ts
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { segmentText } from '../electron/core/corpus/segment'

const TARGET_BYTES = 20 * 1024 * 1024
const corpusDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus')
const articles = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(corpusDir, f), 'utf8'))

const documents: string[] = []
let bytes = 0
for (let i = 0; bytes < TARGET_BYTES; i++) {
  const doc = articles[i % articles.length]
  documents.push(doc)
  bytes += Buffer.byteLength(doc, 'utf8')
}
const mb = bytes / (1024 * 1024)

function run(label: string, work: () => number): void {
  work() // warm up the JIT
  const t0 = performance.now()
  const units = work()
  const seconds = (performance.now() - t0) / 1000
  console.log(`${label}: ${mb.toFixed(1)} MB, ${units} units, ${(mb / seconds).toFixed(1)} MB/s`)
}

run('articles', () => {
  let n = 0
  for (const doc of documents) n += segmentText(doc).length
  return n
})

const big = documents.join('\n\n')
run('one document', () => segmentText(big).length)
