/**
 * Writes a synthetic project straight in the storage's on-disk format (project.json,
 * documents/<id>.json, codebook/<version>-<coder>.json, annotations/<coder>/<id>.json,
 * local/index.json: the team layout of one coder, BENCH_CODER), with the storage's own types,
 * SCHEMA_VERSION and serialisation (compact JSON, as DurableJsonFile writes it), and units from
 * the real segmenter, so unit ids and offsets are what an import would have produced.
 * Generation is not measured, so it skips fsync; it runs in slices, one per core.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type {
  Codebook,
  SentenceAnnotation,
  Statement,
  StoredDocument,
} from '../electron/contract/model'
import { contentHash, normaliseText, segmentUnits } from '../electron/core/corpus/document'
import {
  SCHEMA_VERSION,
  type AnnotationFile,
  type DocumentFile,
  type IndexEntry,
  type IndexFile,
  type ProjectFile,
} from '../electron/core/storage/files'
import { summarise } from '../electron/core/storage/projectIndex'
import { sharedPart } from '../electron/core/storage/layer'
import { CODEBOOK_SCHEMA } from '../electron/core/team/codebookVersions'
import { article, articleMeta } from './germanText'
import { int, pick, streamFor, type Random } from './prng'

export const SENTENCES_PER_ARTICLE = 50
/** The coder whose layer the synthetic labels are; the bench's user settings carry this id. */
export const BENCH_CODER = 'cbench0000001'
const WRITES_IN_FLIGHT = 32
const STAMP = '2024-03-01T09:00:00.000Z'

export function documentId(n: number): string {
  return `art-${String(n).padStart(6, '0')}`
}

export function buildSyntheticDocument(seed: number, n: number): StoredDocument {
  const { title, text: raw } = article(seed, n, SENTENCES_PER_ARTICLE)
  const text = normaliseText(raw)
  const id = documentId(n)
  return {
    id,
    meta: { title, ...articleMeta(seed, n) },
    text,
    units: segmentUnits(text),
    contentHash: contentHash(text),
    importedAt: STAMP,
    origin: `${id}.txt`,
  }
}

/** About half of the sentences coded: a stance, often actors, sometimes arguments. */
export function syntheticAnnotations(
  seed: number,
  document: StoredDocument,
  codebook: Codebook,
  n: number,
): Record<string, SentenceAnnotation> {
  const random = streamFor(seed ^ 0x27d4eb2f, n)
  const dims = new Map(codebook.dimensions.map((d) => [d.id, d.labels.map((l) => l.id)]))
  const annotations: Record<string, SentenceAnnotation> = {}
  for (const unit of document.units) {
    if (unit.kind !== 'sentence' || random() >= 0.5) continue
    const statements: Statement[] = [statement(random, dims, 's1')]
    if (random() < 0.05) statements.push(statement(random, dims, 's2'))
    annotations[unit.id] = {
      statements,
      uncertain: random() < 0.03,
      note: random() < 0.02 ? 'Ironie? Bitte prüfen.' : '',
      annotator: pick(random, ['Anna', 'Jörg', 'Özlem']),
      createdAt: STAMP,
      updatedAt: STAMP,
      codebookVersion: codebook.version,
    }
  }
  return annotations
}

function statement(random: Random, dims: Map<string, string[]>, id: string): Statement {
  const values: Record<string, string[]> = {}
  const stance = dims.get('stance')
  if (stance) values.stance = [pick(random, stance)]
  const actors = dims.get('actor')
  if (actors && random() < 0.4)
    values.actor = [
      ...new Set([pick(random, actors), pick(random, actors)].slice(0, int(random, 1, 2))),
    ]
  const args = dims.get('argument')
  if (args && random() < 0.25) values.argument = [pick(random, args)]
  return { id, values }
}

/** Writes documents [from, to) with their annotations; returns their index entries. */
export async function writeDocuments(
  dir: string,
  seed: number,
  from: number,
  to: number,
  codebook: Codebook,
): Promise<{ entries: IndexEntry[]; sentences: number; annotated: number; bytes: number }> {
  await mkdir(join(dir, 'documents'), { recursive: true })
  await mkdir(join(dir, 'annotations', BENCH_CODER), { recursive: true })
  const entries: IndexEntry[] = []
  let sentences = 0
  let annotated = 0
  let bytes = 0
  const inFlight = new Set<Promise<void>>()
  for (let n = from; n < to; n++) {
    const document = buildSyntheticDocument(seed, n)
    const annotations = syntheticAnnotations(seed, document, codebook, n)
    const entry = summarise(document, annotations)
    entries.push(entry)
    sentences += entry.sentenceCount
    annotated += entry.annotatedCount
    bytes += Buffer.byteLength(document.text)
    const docFile: DocumentFile = { schemaVersion: SCHEMA_VERSION, document: sharedPart(document) }
    const annFile: AnnotationFile = {
      schemaVersion: SCHEMA_VERSION,
      documentId: document.id,
      coder: BENCH_CODER,
      annotations,
      imported: {
        at: document.importedAt,
        ...(document.origin ? { origin: document.origin } : {}),
      },
    }
    const p = Promise.all([
      writeFile(join(dir, 'documents', `${document.id}.json`), JSON.stringify(docFile)),
      writeFile(
        join(dir, 'annotations', BENCH_CODER, `${document.id}.json`),
        JSON.stringify(annFile),
      ),
    ]).then(() => {
      inFlight.delete(p)
    })
    inFlight.add(p)
    if (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight)
  }
  await Promise.all(inFlight)
  return { entries, sentences, annotated, bytes }
}

/**
 * Writes local/index.json, the codebook's first version and, last, project.json (the file that
 * makes the folder a project).
 */
export async function finishProject(
  dir: string,
  name: string,
  codebook: Codebook,
  entries: IndexEntry[],
): Promise<void> {
  const index: IndexFile = { schemaVersion: SCHEMA_VERSION, documents: entries }
  await mkdir(join(dir, 'local'), { recursive: true })
  await writeFile(join(dir, 'local', 'index.json'), JSON.stringify(index))
  await mkdir(join(dir, 'codebook'), { recursive: true })
  const version = {
    schemaVersion: CODEBOOK_SCHEMA,
    parents: [],
    coder: BENCH_CODER,
    savedAt: STAMP,
    codebook,
  }
  await writeFile(
    join(dir, 'codebook', `${String(codebook.version).padStart(4, '0')}-${BENCH_CODER}.json`),
    JSON.stringify(version),
  )
  const project: ProjectFile = { schemaVersion: SCHEMA_VERSION, name, createdAt: STAMP }
  await writeFile(join(dir, 'project.json'), JSON.stringify(project))
}

/** Plain-text articles for the import benchmark (title line, blank line, paragraphs). */
export async function writeTextArticles(
  dir: string,
  seed: number,
  from: number,
  to: number,
): Promise<number> {
  await mkdir(dir, { recursive: true })
  let bytes = 0
  const inFlight = new Set<Promise<void>>()
  for (let n = from; n < to; n++) {
    const text = article(seed, n, SENTENCES_PER_ARTICLE).text
    bytes += Buffer.byteLength(text)
    const p = writeFile(join(dir, `${documentId(n)}.txt`), text).then(() => {
      inFlight.delete(p)
    })
    inFlight.add(p)
    if (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight)
  }
  await Promise.all(inFlight)
  return bytes
}
