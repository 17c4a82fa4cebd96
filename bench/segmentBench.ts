/**
 * Speed check of the sentence segmenter: ~20 MB of German news text, segmented once as many
 * article-sized documents and once as a single huge document (which would expose any
 * super-linear step). `npm run bench` measures it on the synthetic corpus (see stages.ts);
 * run alone (npx tsx bench/segmentBench.ts) it uses the shipped sample corpus repeated.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { segmentText } from '../electron/core/corpus/segment'

export const TARGET_BYTES = 20 * 1024 * 1024

export interface SegmentSpeed {
  mb: number
  units: number
  mbPerSecond: number
}

/** Documents from `next(i)` until they hold `targetBytes` of UTF-8. */
export function collectText(
  next: (i: number) => string,
  targetBytes = TARGET_BYTES,
): { documents: string[]; bytes: number } {
  const documents: string[] = []
  let bytes = 0
  for (let i = 0; bytes < targetBytes; i++) {
    const doc = next(i)
    documents.push(doc)
    bytes += Buffer.byteLength(doc, 'utf8')
  }
  return { documents, bytes }
}

/** Segments the documents once to warm the JIT, then once timed. */
export function segmentSpeed(documents: string[], bytes: number): SegmentSpeed {
  const work = () => {
    let n = 0
    for (const doc of documents) n += segmentText(doc).length
    return n
  }
  work()
  const t0 = performance.now()
  const units = work()
  const seconds = (performance.now() - t0) / 1000
  const mb = bytes / (1024 * 1024)
  return { mb, units, mbPerSecond: mb / seconds }
}

/** The shipped sample corpus, repeated to ~20 MB. */
export function sampleCorpusText(): { documents: string[]; bytes: number } {
  const corpusDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus')
  const articles = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(corpusDir, f), 'utf8'))
  return collectText((i) => articles[i % articles.length])
}

function main(): void {
  const { documents, bytes } = sampleCorpusText()
  const report = (label: string, s: SegmentSpeed) =>
    console.log(
      `${label}: ${s.mb.toFixed(1)} MB, ${s.units} units, ${s.mbPerSecond.toFixed(1)} MB/s`,
    )
  report('articles', segmentSpeed(documents, bytes))
  report('one document', segmentSpeed([documents.join('\n\n')], bytes))
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
