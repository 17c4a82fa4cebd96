import { appendFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import {
  isAnnotatable,
  isAnnotated,
  labelsOf,
  type Codebook,
  type DocumentProfile,
  type SentenceAnnotation,
  type StoredDocument,
} from '../../contract/model'
import { DurableJsonFile, writeAtomically } from './durableFile'
import {
  readAnnotationFile,
  readDocumentFile,
  readIndexFile,
  readProjectFile,
  SCHEMA_VERSION,
  type AnnotationFile,
  type DocumentFile,
  type IndexEntry,
  type IndexFile,
  type ProjectFile,
} from './files'
import { acquireProjectLock } from './lock'
import type { ProjectRepository, StorageNotice } from './repository'

/** How many documents' annotation files stay loaded; the rest are read again on demand. */
const CACHED_SHARDS = 256
/** How many documents stay in memory after use. */
const CACHED_DOCUMENTS = 64
/**
 * The index is a cache: it is written at most this often, and on close. For a large corpus it is
 * megabytes, so writing it often would compete with label changes for the disk; after a crash
 * the `index.dirty` marks name the few documents to recount.
 */
const INDEX_FLUSH_MS = 30_000

export class NotAProjectError extends Error {
  constructor(dir: string) {
    super(`${dir} is not a project folder (it has no project.json)`)
    this.name = 'NotAProjectError'
  }
}

export interface OpenOptions {
  /** Create the project when the folder holds none. */
  create?: { name: string; codebook: Codebook }
  /**
   * Who opens the project, named in the lock other programs see ('the app', 'the command-line
   * tool'); false opens without the one-writer lock (tests that simulate a crashed writer).
   */
  lock?: string | false
}

export async function openLowdbRepository(
  dir: string,
  options: OpenOptions = {},
): Promise<LowdbProjectRepository> {
  const notices: StorageNotice[] = []
  const file = join(dir, 'project.json')
  const present = await Promise.all(['', '.bak', '.tmp'].map((suffix) => exists(file + suffix)))
  if (!present.some(Boolean)) {
    if (!options.create) throw new NotAProjectError(dir)
    await mkdir(dir, { recursive: true })
  }
  // The lock comes before any read, because reading may repair (write) a damaged file.
  const release =
    options.lock === false
      ? async () => {}
      : await acquireProjectLock(dir, options.lock ?? 'the app')
  try {
    const projectAdapter = new DurableJsonFile<ProjectFile>(file, readProjectFile)
    const project = new Low<ProjectFile>(projectAdapter, {
      schemaVersion: SCHEMA_VERSION,
      name: options.create?.name ?? '',
      createdAt: new Date().toISOString(),
      codebook: options.create?.codebook ?? { version: 0, dimensions: [] },
    })
    await project.read()
    noteRecovery(notices, projectAdapter)
    if (projectAdapter.recovery.kind === 'missing') await project.write()
    await mkdir(join(dir, 'documents'), { recursive: true })
    await mkdir(join(dir, 'annotations'), { recursive: true })
    const repo = new LowdbProjectRepository(dir, project, notices, release)
    await repo.loadIndex()
    return repo
  } catch (e) {
    await release()
    throw e
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

function noteRecovery(notices: StorageNotice[], adapter: DurableJsonFile<unknown>): void {
  const r = adapter.recovery
  if (r.kind === 'recovered') {
    const what =
      r.from === 'backup' ? 'the backup of the last good state' : 'the last complete write'
    notices.push({
      file: adapter.file,
      message: `${adapter.file} was damaged (${r.reason}); restored from ${what}.`,
    })
  }
}

export class LowdbProjectRepository implements ProjectRepository {
  readonly notices: StorageNotice[]
  private entries = new Map<string, IndexEntry>()
  private byHash = new Map<string, string>()
  private shards = new Map<string, Promise<Low<AnnotationFile>>>()
  private documents = new Map<string, StoredDocument>()
  private readonly index: Low<IndexFile>
  /** Documents whose counts changed since the index was last written (also kept on disk). */
  private dirty = new Set<string>()
  private inFlight = new Map<string, number>()
  private changes = new Map<string, number>()
  private flushTimer: ReturnType<typeof setTimeout> | null = null
  private flushing: Promise<void> = Promise.resolve()
  private closed = false

  constructor(
    readonly path: string,
    private readonly project: Low<ProjectFile>,
    notices: StorageNotice[],
    private readonly releaseLock: () => Promise<void> = async () => {},
  ) {
    this.notices = notices
    this.index = new Low<IndexFile>(new DurableJsonFile(join(path, 'index.json'), readIndexFile), {
      schemaVersion: SCHEMA_VERSION,
      documents: [],
    })
  }

  get name(): string {
    return this.project.data.name
  }

  private get dirtyFile(): string {
    return join(this.path, 'index.dirty')
  }

  /** Loads the index, repairing it from the document files when it is missing or stale. */
  async loadIndex(): Promise<void> {
    let stored: IndexFile | null
    try {
      await this.index.read()
      stored = this.index.data
    } catch {
      stored = null // a damaged cache is rebuilt, not reported
    }
    const files = (await readdir(join(this.path, 'documents'))).filter(
      (f) => f.endsWith('.json') && !f.startsWith('.'),
    )
    const onDisk = new Set(files.map((f) => decodeId(f.slice(0, -'.json'.length))))
    const entries = stored?.documents ?? []
    const complete = entries.length === onDisk.size && entries.every((e) => onDisk.has(e.id))
    if (complete) {
      for (const e of entries) this.entries.set(e.id, e)
      for (const id of await this.readDirtyMarks()) if (onDisk.has(id)) await this.refreshEntry(id)
    } else {
      for (const id of onDisk) await this.refreshEntry(id)
    }
    for (const e of this.entries.values()) this.byHash.set(e.contentHash, e.id)
    if (!complete || this.dirty.size > 0) await this.flushIndex()
  }

  private async readDirtyMarks(): Promise<string[]> {
    try {
      return (await readFile(this.dirtyFile, 'utf8')).split('\n').filter(Boolean)
    } catch {
      return []
    }
  }

  private async refreshEntry(id: string): Promise<void> {
    const doc = await this.getDocument(id)
    const annotations = await this.getAnnotations(id)
    this.entries.set(id, summarise(doc, annotations))
    this.dirty.add(id)
  }

  getCodebook(): Codebook {
    return this.project.data.codebook
  }

  async setCodebook(codebook: Codebook): Promise<void> {
    this.project.data = { ...this.project.data, codebook }
    await this.project.write()
  }

  listDocuments(): DocumentProfile[] {
    return [...this.entries.values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(({ contentHash: _hash, ...summary }) => summary)
  }

  hasDocument(id: string): boolean {
    return this.entries.has(id)
  }

  findByContentHash(hash: string): string | undefined {
    return this.byHash.get(hash)
  }

  async getDocument(id: string): Promise<StoredDocument> {
    const cached = this.documents.get(id)
    if (cached) {
      this.documents.delete(id)
      this.documents.set(id, cached)
      return cached
    }
    const document = await this.readDocument(id)
    this.cacheDocument(document)
    return document
  }

  /**
   * Recently used documents stay in memory: every label change checks its sentence against the
   * document, and reading and validating the file each time would cost more than the write.
   */
  private cacheDocument(document: StoredDocument): void {
    this.documents.delete(document.id)
    this.documents.set(document.id, document)
    if (this.documents.size > CACHED_DOCUMENTS)
      this.documents.delete(this.documents.keys().next().value as string)
  }

  private async readDocument(id: string): Promise<StoredDocument> {
    const adapter = new DurableJsonFile<DocumentFile>(this.documentFile(id), readDocumentFile)
    const data = await adapter.read()
    noteRecovery(this.notices, adapter)
    if (!data) throw new Error(`There is no document "${id}" in this project.`)
    return data.document
  }

  async getAnnotations(documentId: string): Promise<Record<string, SentenceAnnotation>> {
    return (await this.shard(documentId)).data.annotations
  }

  async addDocument(document: StoredDocument): Promise<void> {
    if (this.entries.has(document.id))
      throw new Error(`A document "${document.id}" already exists.`)
    await this.replaceDocument(document, {})
  }

  async replaceDocument(
    document: StoredDocument,
    annotations: Record<string, SentenceAnnotation>,
  ): Promise<void> {
    this.assertOpen()
    const file: DocumentFile = { schemaVersion: SCHEMA_VERSION, document }
    const shard = await this.shard(document.id)
    this.documents.delete(document.id)
    // The document comes first: annotations of units it lacks are harmless, and the next
    // write of the annotations file repairs them; the other order could show labels on
    // sentences that no longer exist.
    await this.markDirty(document.id)
    await new DurableJsonFile<DocumentFile>(this.documentFile(document.id), readDocumentFile).write(
      file,
    )
    this.cacheDocument(document)
    shard.data = { schemaVersion: SCHEMA_VERSION, documentId: document.id, annotations }
    await shard.write()
    const previous = this.entries.get(document.id)
    if (previous) this.byHash.delete(previous.contentHash)
    this.entries.set(document.id, summarise(document, annotations))
    this.byHash.set(document.contentHash, document.id)
    this.bump(document.id)
    this.scheduleFlush()
  }

  async removeDocument(id: string): Promise<void> {
    this.assertOpen()
    const entry = this.entries.get(id)
    if (!entry) throw new Error(`There is no document "${id}" in this project.`)
    await this.markDirty(id)
    for (const suffix of ['', '.bak', '.tmp']) {
      await rm(this.documentFile(id) + suffix, { force: true })
      await rm(this.annotationFile(id) + suffix, { force: true })
    }
    this.shards.delete(id)
    this.documents.delete(id)
    this.entries.delete(id)
    this.byHash.delete(entry.contentHash)
    this.bump(id)
    this.scheduleFlush()
  }

  async putAnnotation(
    documentId: string,
    unitId: string,
    annotation: SentenceAnnotation | null,
  ): Promise<void> {
    await this.putAnnotations(documentId, [[unitId, annotation]])
  }

  async putAnnotations(
    documentId: string,
    entries: Array<[unitId: string, annotation: SentenceAnnotation | null]>,
  ): Promise<void> {
    this.assertOpen()
    const entry = this.entries.get(documentId)
    if (!entry) throw new Error(`There is no document "${documentId}" in this project.`)
    this.inFlight.set(documentId, (this.inFlight.get(documentId) ?? 0) + 1)
    try {
      await this.markDirty(documentId)
      const shard = await this.shard(documentId)
      let delta = 0
      // Deltas, applied after the write: concurrent writes to one document must not lose counts.
      const labelDelta = new Map<string, number>()
      const previous = new Map<string, SentenceAnnotation | undefined>()
      for (const [unitId, annotation] of entries) {
        if (!previous.has(unitId)) previous.set(unitId, shard.data.annotations[unitId])
        const old = shard.data.annotations[unitId]
        if (annotation) shard.data.annotations[unitId] = annotation
        else delete shard.data.annotations[unitId]
        delta += Number(isAnnotated(annotation ?? undefined)) - Number(isAnnotated(old))
        for (const id of labelsOf(old)) labelDelta.set(id, (labelDelta.get(id) ?? 0) - 1)
        for (const id of labelsOf(annotation ?? undefined))
          labelDelta.set(id, (labelDelta.get(id) ?? 0) + 1)
      }
      try {
        await shard.write()
      } catch (e) {
        // The disk refused: memory must not claim what the disk does not hold.
        for (const [unitId, old] of previous) {
          if (old) shard.data.annotations[unitId] = old
          else delete shard.data.annotations[unitId]
        }
        throw e
      }
      entry.annotatedCount += delta
      const counts = { ...entry.labelCounts }
      for (const [id, d] of labelDelta) counts[id] = (counts[id] ?? 0) + d
      entry.labelCounts = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0))
      this.bump(documentId)
    } finally {
      this.inFlight.set(documentId, (this.inFlight.get(documentId) ?? 1) - 1)
    }
    this.scheduleFlush()
  }

  async close(): Promise<void> {
    if (this.closed) return
    if (this.flushTimer) clearTimeout(this.flushTimer)
    await this.flushIndex()
    this.closed = true
    await this.releaseLock()
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The project is closed.')
  }

  private bump(id: string): void {
    this.changes.set(id, (this.changes.get(id) ?? 0) + 1)
  }

  /** Records on disk, before the first change of a document, that its index entry may be stale. */
  private async markDirty(id: string): Promise<void> {
    if (this.dirty.has(id)) return
    this.dirty.add(id)
    await appendFile(this.dirtyFile, `${id}\n`)
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.closed) return
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null
      void this.flushIndex()
    }, INDEX_FLUSH_MS)
  }

  private flushIndex(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const seen = new Map([...this.dirty].map((id) => [id, this.changes.get(id) ?? 0]))
      this.index.data = { schemaVersion: SCHEMA_VERSION, documents: [...this.entries.values()] }
      await this.index.write()
      for (const [id, count] of seen) {
        if ((this.inFlight.get(id) ?? 0) === 0 && (this.changes.get(id) ?? 0) === count)
          this.dirty.delete(id)
      }
      if (this.dirty.size === 0) await rm(this.dirtyFile, { force: true })
      else await writeAtomically(this.dirtyFile, [...this.dirty].map((id) => `${id}\n`).join(''))
    })
    return this.flushing
  }

  /**
   * The loaded annotation file of a document. The cache holds the promise of the load, so
   * two calls arriving together share one load and one lowdb instance.
   */
  private shard(documentId: string): Promise<Low<AnnotationFile>> {
    const cached = this.shards.get(documentId)
    if (cached) {
      // Map order is insertion order: re-inserting makes this the most recently used.
      this.shards.delete(documentId)
      this.shards.set(documentId, cached)
      return cached
    }
    const loading = this.loadShard(documentId)
    this.shards.set(documentId, loading)
    loading.catch(() => this.shards.get(documentId) === loading && this.shards.delete(documentId))
    if (this.shards.size > CACHED_SHARDS) {
      const oldest = this.shards.keys().next().value as string
      this.shards.delete(oldest)
    }
    return loading
  }

  private async loadShard(documentId: string): Promise<Low<AnnotationFile>> {
    const adapter = new DurableJsonFile<AnnotationFile>(
      this.annotationFile(documentId),
      readAnnotationFile,
    )
    const shard = new Low<AnnotationFile>(adapter, {
      schemaVersion: SCHEMA_VERSION,
      documentId,
      annotations: {},
    })
    await shard.read()
    noteRecovery(this.notices, adapter)
    return shard
  }

  private documentFile(id: string): string {
    return join(this.path, 'documents', `${encodeId(id)}.json`)
  }

  private annotationFile(id: string): string {
    return join(this.path, 'annotations', `${encodeId(id)}.json`)
  }
}

export function summarise(
  document: StoredDocument,
  annotations: Record<string, SentenceAnnotation>,
): IndexEntry {
  let sentenceCount = 0
  let annotatedCount = 0
  const labelCounts: Record<string, number> = {}
  for (const unit of document.units) {
    if (!isAnnotatable(unit)) continue
    sentenceCount++
    if (isAnnotated(annotations[unit.id])) annotatedCount++
    for (const id of labelsOf(annotations[unit.id])) labelCounts[id] = (labelCounts[id] ?? 0) + 1
  }
  return {
    id: document.id,
    meta: document.meta,
    sentenceCount,
    annotatedCount,
    labelCounts,
    contentHash: document.contentHash,
  }
}

/**
 * Ids are validated to letters, digits, `_`, `.` and `-`; a leading dot is the one thing that
 * would still make an awkward (hidden) file name, so it is escaped.
 */
function encodeId(id: string): string {
  return id.startsWith('.') ? `%2E${id.slice(1)}` : id
}

function decodeId(name: string): string {
  return name.startsWith('%2E') ? `.${name.slice(3)}` : name
}
