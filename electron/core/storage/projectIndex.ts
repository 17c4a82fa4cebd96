import { appendFile, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import {
  isAnnotatable,
  isAnnotated,
  labelsOf,
  type Codebook,
  type SentenceAnnotation,
  type StoredDocument,
} from '../../contract/model'
import { DurableJsonFile, writeAtomically } from './durableFile'
import { readIndexFile, SCHEMA_VERSION, type IndexEntry, type IndexFile } from './files'

/**
 * The index is a cache: it is written at most this often, and on close. For a large corpus it is
 * megabytes, so writing it often would compete with label changes for the disk; after a crash
 * the `index.dirty` marks name the few documents to recount.
 */
const INDEX_FLUSH_MS = 30_000

/**
 * The summaries of all documents (progress, label counts, content hash), kept in memory and
 * cached in `index.json`. Before the first change of a document since the last write of the
 * index, its id is appended to `index.dirty`, so an index left stale by a crash is repaired on
 * the next open by recounting just those documents.
 */
export class ProjectIndex {
  private entries = new Map<string, IndexEntry>()
  private byHash = new Map<string, string>()
  private readonly file: Low<IndexFile>
  private readonly dirtyFile: string
  /** Documents whose entries changed since the index was last written (also kept on disk). */
  private dirty = new Set<string>()
  private inFlight = new Map<string, number>()
  private changes = new Map<string, number>()
  private flushTimer: ReturnType<typeof setTimeout> | null = null
  private flushing: Promise<void> = Promise.resolve()
  private stopped = false

  constructor(projectDir: string) {
    this.file = new Low<IndexFile>(
      new DurableJsonFile(join(projectDir, 'index.json'), readIndexFile),
      { schemaVersion: SCHEMA_VERSION, documents: [] },
    )
    this.dirtyFile = join(projectDir, 'index.dirty')
  }

  /**
   * Loads the index for the documents on disk, recounting (with `summary`) every document the
   * cache lacks, or all of them when the cache is missing, damaged or of another set.
   */
  async load(onDisk: Set<string>, summary: (id: string) => Promise<IndexEntry>): Promise<void> {
    let stored: IndexFile | null
    try {
      await this.file.read()
      stored = this.file.data
    } catch {
      stored = null // a damaged cache is rebuilt, not reported
    }
    const entries = stored?.documents ?? []
    const complete = entries.length === onDisk.size && entries.every((e) => onDisk.has(e.id))
    const recount = async (id: string) => {
      this.entries.set(id, await summary(id))
      this.dirty.add(id)
    }
    if (complete) {
      for (const e of entries) this.entries.set(e.id, e)
      for (const id of await this.readDirtyMarks()) if (onDisk.has(id)) await recount(id)
    } else {
      for (const id of onDisk) await recount(id)
    }
    for (const e of this.entries.values()) this.byHash.set(e.contentHash, e.id)
    if (!complete || this.dirty.size > 0) await this.flush()
  }

  get(id: string): IndexEntry | undefined {
    return this.entries.get(id)
  }

  has(id: string): boolean {
    return this.entries.has(id)
  }

  findByContentHash(hash: string): string | undefined {
    return this.byHash.get(hash)
  }

  /** All entries, sorted by id. */
  list(): IndexEntry[] {
    return [...this.entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }

  set(entry: IndexEntry): void {
    const previous = this.entries.get(entry.id)
    if (previous) this.byHash.delete(previous.contentHash)
    this.entries.set(entry.id, entry)
    this.byHash.set(entry.contentHash, entry.id)
    this.changed(entry.id)
  }

  delete(id: string): void {
    const previous = this.entries.get(id)
    if (previous) this.byHash.delete(previous.contentHash)
    this.entries.delete(id)
    this.changed(id)
  }

  /** Applies the count changes of a write to one document's annotations, once it is on disk. */
  adjust(id: string, annotated: number, labels: Map<string, number>): void {
    const entry = this.entries.get(id)
    if (!entry) return
    entry.annotatedCount += annotated
    const counts = { ...entry.labelCounts }
    for (const [label, d] of labels) counts[label] = (counts[label] ?? 0) + d
    entry.labelCounts = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0))
    this.changed(id)
  }

  /**
   * Wraps a write that will change a document's entry: the document is marked dirty on disk
   * before the write starts, and its mark is not cleared while the write is under way.
   */
  async writing<T>(id: string, write: () => Promise<T>): Promise<T> {
    this.inFlight.set(id, (this.inFlight.get(id) ?? 0) + 1)
    try {
      await this.markDirty(id)
      return await write()
    } finally {
      this.inFlight.set(id, (this.inFlight.get(id) ?? 1) - 1)
      this.scheduleFlush()
    }
  }

  /** Writes the index now and stops writing it later. */
  async stop(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    await this.flush()
    this.stopped = true
  }

  private changed(id: string): void {
    this.changes.set(id, (this.changes.get(id) ?? 0) + 1)
  }

  private async markDirty(id: string): Promise<void> {
    if (this.dirty.has(id)) return
    this.dirty.add(id)
    await appendFile(this.dirtyFile, `${id}\n`)
  }

  private async readDirtyMarks(): Promise<string[]> {
    try {
      return (await readFile(this.dirtyFile, 'utf8')).split('\n').filter(Boolean)
    } catch {
      return []
    }
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.stopped) return
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null
      // The index is a cache rebuilt from the files on open: a timed write that fails (the
      // folder went away, a disk hiccup) is retried by the next one and must not crash the app.
      this.flush().catch(() => undefined)
    }, INDEX_FLUSH_MS)
  }

  private flush(): Promise<void> {
    // Each write waits for the one before, whether it succeeded or not: one failure must not
    // stop every later write of the index.
    this.flushing = this.flushing
      .catch(() => undefined)
      .then(async () => {
        const seen = new Map([...this.dirty].map((id) => [id, this.changes.get(id) ?? 0]))
        this.file.data = { schemaVersion: SCHEMA_VERSION, documents: [...this.entries.values()] }
        await this.file.write()
        // A mark stays while its document changed again, or is being written, after the snapshot.
        for (const [id, count] of seen) {
          if ((this.inFlight.get(id) ?? 0) === 0 && (this.changes.get(id) ?? 0) === count)
            this.dirty.delete(id)
        }
        if (this.dirty.size === 0) await rm(this.dirtyFile, { force: true })
        else await writeAtomically(this.dirtyFile, [...this.dirty].map((id) => `${id}\n`).join(''))
      })
    return this.flushing
  }
}

/**
 * The index entry of a document, counted from its units and annotations; a sentence counts as
 * coded by the codebook's rule (its required dimensions, see isAnnotated).
 */
export function summarise(
  document: StoredDocument,
  annotations: Record<string, SentenceAnnotation>,
  codebook?: Pick<Codebook, 'dimensions'>,
): IndexEntry {
  let sentenceCount = 0
  let annotatedCount = 0
  const labelCounts: Record<string, number> = {}
  for (const unit of document.units) {
    if (!isAnnotatable(unit)) continue
    sentenceCount++
    if (isAnnotated(annotations[unit.id], codebook)) annotatedCount++
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
