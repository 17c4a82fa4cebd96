import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import {
  codedRuleKey,
  isAnnotated,
  labelsOf,
  type Codebook,
  type DocumentProfile,
  type SentenceAnnotation,
  type StoredDocument,
} from '../../contract/model'
import { msg } from '../../contract/messages'
import { UserError } from '../errors'
import { CodebookHistory } from '../team/codebookVersions'
import { isConflictCopy, LOCAL_DIR, layerDir, writeIgnoreFiles } from '../team/layout'
import { machineCoder, rememberMachineCoder } from '../team/machine'
import { migrateToTeamLayout } from '../team/migrate'
import type { TeamProblem } from '../team/problems'
import {
  annotationFilePath,
  checkDocumentFile,
  checkLayerFile,
  decodeId,
  documentFilePath,
  NO_LAYER,
  readChecked,
} from './bulkRead'
import { DurableJsonFile } from './durableFile'
import {
  readAnnotationFile,
  readDocumentFile,
  readProjectFile,
  SCHEMA_VERSION,
  type AnnotationFile,
  type DocumentFile,
  type ProjectFile,
  type SharedDocument,
} from './files'
import { layerOverrides, sharedPart, withLayer } from './layer'
import { acquireProjectLock } from './lock'
import { ProjectIndex, summarise } from './projectIndex'
import type { ProjectRepository, StorageNotice } from './repository'

/** How many documents' annotation files stay loaded; the rest are read again on demand. */
const CACHED_SHARDS = 256
/** How many documents stay in memory after use. */
const CACHED_DOCUMENTS = 64

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
  /**
   * The coder whose layer this repository reads and writes (the coder id of the user's
   * settings); other coders' layers are only ever read (../team/layers.ts).
   */
  coder?: string
  /** The coder's name, for the notice of a migration. */
  coderName?: string
  /**
   * Remember `coder` as the coder who uses this machine's copy (local/coder.json): the app
   * does; a tool reading another coder's layer for an export does not.
   */
  rememberCoder?: boolean
}

/** The coder of a repository opened without one (tests and tools that code as nobody in particular). */
export const DEFAULT_CODER = 'solo'

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
  // Machine-local state (lock, index) lives where sync does not go; the ignore files that say
  // so are written before it exists.
  await writeIgnoreFiles(dir)
  // A tool without user settings (the CLI) works as the coder who uses this machine's copy.
  const coder = options.coder ?? (await machineCoder(dir))?.coder ?? DEFAULT_CODER
  // The lock comes before any read, because reading may repair (write) a damaged file.
  const release =
    options.lock === false
      ? async () => {}
      : await acquireProjectLock(join(dir, LOCAL_DIR), options.lock ?? 'the app')
  try {
    if (options.coder && options.rememberCoder !== false)
      await rememberMachineCoder(dir, options.coder, options.coderName ?? '')
    const migrated = await migrateToTeamLayout(dir, coder, options.coderName ?? '')
    if (migrated) notices.push(migrated)
    const projectAdapter = new DurableJsonFile<ProjectFile>(file, readProjectFile)
    const project = new Low<ProjectFile>(projectAdapter, {
      schemaVersion: SCHEMA_VERSION,
      name: options.create?.name ?? '',
      createdAt: new Date().toISOString(),
    })
    await project.read()
    noteRecovery(notices, projectAdapter)
    if (projectAdapter.recovery.kind === 'missing') await project.write()
    await mkdir(join(dir, 'documents'), { recursive: true })
    await mkdir(layerDir(dir, coder), { recursive: true })
    const { history, problems } = await CodebookHistory.load(dir)
    if (history.isEmpty)
      await history.save(
        options.create?.codebook ?? { version: 0, dimensions: [] },
        coder,
        new Date().toISOString(),
      )
    const repo = new LowdbProjectRepository(dir, project, notices, release, coder, history)
    repo.problems.push(...problems)
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
    notices.push({
      file: adapter.file,
      message: msg('storage.recovered', {
        file: adapter.file,
        reason: r.reason,
        from: msg(r.from === 'backup' ? 'storage.from.backup' : 'storage.from.lastWrite'),
      }),
    })
  }
}

export class LowdbProjectRepository implements ProjectRepository {
  readonly notices: StorageNotice[]
  /** Files of the shared folder that were not read (damaged, hostile, conflict copies). */
  readonly problems: TeamProblem[] = []
  private readonly index: ProjectIndex
  private shards = new Map<string, Promise<Low<AnnotationFile>>>()
  private documents = new Map<string, StoredDocument>()
  private closed = false

  constructor(
    readonly path: string,
    private readonly project: Low<ProjectFile>,
    notices: StorageNotice[],
    private readonly releaseLock: () => Promise<void> = async () => {},
    readonly coder: string = DEFAULT_CODER,
    private codebooks?: CodebookHistory,
  ) {
    this.notices = notices
    this.index = new ProjectIndex(join(path, LOCAL_DIR))
  }

  private codebookSaves = 0

  /** The codebook versions, to report and resolve a conflict between them. */
  get codebookHistory(): CodebookHistory | undefined {
    return this.codebooks
  }

  /** Reads the codebook versions again (one may have arrived from another machine). */
  async reloadCodebook(): Promise<boolean> {
    const before = this.codebooks?.currentId()
    const saves = this.codebookSaves
    const { history, problems } = await CodebookHistory.load(this.path)
    // A version saved here while the folder was read may be missing from what was read: the
    // next scan reads it; until then the history in memory, which has it, stays.
    if (history.isEmpty || saves !== this.codebookSaves) return false
    const previous = this.getCodebook()
    this.codebooks = history
    this.problems.splice(
      0,
      this.problems.length,
      ...this.problems.filter((p) => !p.path.startsWith('codebook')),
      ...problems,
    )
    await this.recountAfter(previous)
    return history.currentId() !== before
  }

  get name(): string {
    return this.project.data.name
  }

  /** Loads the index, repairing it from the document files when it is missing or stale. */
  async loadIndex(): Promise<void> {
    const files = (await readdir(join(this.path, 'documents'))).filter(
      // A sync engine's conflict copy is reported by the team scan, never read as a document.
      (f) => f.endsWith('.json') && !f.startsWith('.') && !isConflictCopy(f),
    )
    const onDisk = new Set(files.map((f) => decodeId(f.slice(0, -'.json'.length))))
    // A document file from another machine that fails validation is reported and left out.
    const refused = new Set<string>()
    await this.index.load(onDisk, async (id) => {
      try {
        return summarise(
          await this.getDocument(id),
          await this.getAnnotations(id),
          this.getCodebook(),
        )
      } catch (e) {
        refused.add(id)
        this.problems.push({
          path: join('documents', `${id}.json`),
          kind: 'refused',
          message: msg('team.fileRefused', {
            path: join('documents', `${id}.json`),
            detail: (e as Error).message,
          }),
        })
        return {
          id,
          meta: {},
          sentenceCount: 0,
          annotatedCount: 0,
          labelCounts: {},
          contentHash: `refused:${id}`,
        }
      }
    })
    for (const id of refused) this.index.delete(id)
  }

  /**
   * Takes in documents that arrived from another machine since the project was opened; returns
   * their ids. A file that fails validation is reported (see `problems`) and skipped.
   */
  async refreshDocuments(): Promise<string[]> {
    const files = (await readdir(join(this.path, 'documents'))).filter(
      // A sync engine's conflict copy is reported by the team scan, never read as a document.
      (f) => f.endsWith('.json') && !f.startsWith('.') && !isConflictCopy(f),
    )
    const added: string[] = []
    for (const f of files) {
      const id = decodeId(f.slice(0, -'.json'.length))
      if (this.index.has(id)) continue
      const path = join('documents', f)
      try {
        const document = await this.getDocument(id)
        this.index.set(summarise(document, await this.getAnnotations(id), this.getCodebook()))
        added.push(id)
        this.problems.splice(
          0,
          this.problems.length,
          ...this.problems.filter((p) => p.path !== path),
        )
      } catch (e) {
        if (!this.problems.some((p) => p.path === path))
          this.problems.push({
            path,
            kind: 'refused',
            message: msg('team.fileRefused', { path, detail: (e as Error).message }),
          })
      }
    }
    return added
  }

  getCodebook(): Codebook {
    return this.codebooks?.current() ?? this.project.data.codebook ?? { version: 0, dimensions: [] }
  }

  async setCodebook(codebook: Codebook): Promise<void> {
    const before = this.getCodebook()
    this.codebookSaves++
    if (this.codebooks) await this.codebooks.save(codebook, this.coder, new Date().toISOString())
    else {
      this.project.data = { ...this.project.data, codebook }
      await this.project.write()
    }
    await this.recountAfter(before)
  }

  /** Makes the chosen one of competing codebook versions stand (see ../team/codebookVersions.ts). */
  async chooseCodebook(versionId: string): Promise<Codebook> {
    if (!this.codebooks) throw new Error('the project has no codebook versions')
    const before = this.getCodebook()
    this.codebookSaves++
    const chosen = await this.codebooks.choose(versionId, this.coder, new Date().toISOString())
    await this.recountAfter(before)
    return chosen
  }

  /** Which dimensions are required decides what counts as coded: the progress is recounted. */
  private async recountAfter(before: Codebook): Promise<void> {
    const codebook = this.getCodebook()
    if (codedRuleKey(before) === codedRuleKey(codebook)) return
    for (const { id } of this.index.list())
      await this.index.writing(id, async () => {
        const { document, annotations } = await this.readInBulk(id)
        this.index.set(summarise(document, annotations, codebook))
      })
  }

  listDocuments(): DocumentProfile[] {
    return this.index.list().map(({ contentHash: _hash, ...summary }) => summary)
  }

  hasDocument(id: string): boolean {
    return this.index.has(id)
  }

  findByContentHash(hash: string): string | undefined {
    return this.index.findByContentHash(hash)
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
    const base = await this.readShared(id)
    if (!base) throw new Error(`There is no document "${id}" in this project.`)
    if (base.id !== id) throw new Error(`the file holds the document "${base.id}", not "${id}"`)
    return withLayer(base, (await this.shard(id)).data)
  }

  /** The document file as imported, shared by every coder. */
  private async readShared(id: string): Promise<SharedDocument | null> {
    const adapter = new DurableJsonFile<DocumentFile>(this.documentFile(id), readDocumentFile)
    const data = await adapter.read()
    noteRecovery(this.notices, adapter)
    return data?.document ?? null
  }

  async getAnnotations(documentId: string): Promise<Record<string, SentenceAnnotation>> {
    return (await this.shard(documentId)).data.annotations
  }

  async readInBulk(
    id: string,
  ): Promise<{ document: StoredDocument; annotations: Record<string, SentenceAnnotation> }> {
    // What is in memory is current (and already validated); the rest is read without caching it.
    const cached = this.documents.get(id)
    const [base, layer] = await Promise.all([
      cached ? null : readChecked(this.documentFile(id), checkDocumentFile),
      this.shards.has(id)
        ? this.shard(id).then((s) => s.data)
        : readChecked(this.annotationFile(id), checkLayerFile).then(
            async (l) => l ?? ((await exists(this.annotationFile(id))) ? null : NO_LAYER),
          ),
    ])
    // A file the quick check refuses is read the ordinary way: recovered, or named in the error.
    if (!layer || !(cached || base))
      return { document: await this.getDocument(id), annotations: await this.getAnnotations(id) }
    return { document: cached ?? withLayer(base!, layer), annotations: layer.annotations }
  }

  heldInMemory(id: string): boolean {
    return this.documents.has(id) || this.shards.has(id)
  }

  /**
   * Adds a new document. The file is named by the document's id and written once: the same
   * article imported by another coder converges on it; a different text under a name already
   * taken is refused, never overwritten.
   */
  async addDocument(document: StoredDocument): Promise<void> {
    const existing =
      this.index.get(document.id) ?? (await this.readShared(document.id).catch(() => null))
    if (existing && existing.contentHash !== document.contentHash)
      throw new UserError('team.documentNameTaken', { id: document.id })
    if (this.index.has(document.id)) throw new Error(`A document "${document.id}" already exists.`)
    await this.replaceDocument(document, {})
  }

  async replaceDocument(
    document: StoredDocument,
    annotations: Record<string, SentenceAnnotation>,
  ): Promise<void> {
    this.assertOpen()
    const shard = await this.shard(document.id)
    this.documents.delete(document.id)
    await this.index.writing(document.id, async () => {
      // The document file is shared and written once, at import; a coder's corrections (units,
      // metadata) go into the coder's own layer, in the same write as the annotations.
      let base = await this.readShared(document.id)
      const imported = shard.data.imported ?? (base ? undefined : importOf(document))
      if (!base) {
        base = sharedPart(document)
        const file: DocumentFile = { schemaVersion: SCHEMA_VERSION, document: base }
        await new DurableJsonFile<DocumentFile>(
          this.documentFile(document.id),
          readDocumentFile,
        ).write(file)
      }
      this.cacheDocument(document)
      shard.data = {
        schemaVersion: SCHEMA_VERSION,
        documentId: document.id,
        coder: this.coder,
        annotations,
        ...layerOverrides(base, document),
        ...(imported ? { imported } : {}),
      }
      await shard.write()
      this.index.set(summarise(document, annotations, this.getCodebook()))
    })
  }

  async removeDocument(id: string): Promise<void> {
    this.assertOpen()
    if (!this.index.has(id)) throw new Error(`There is no document "${id}" in this project.`)
    await this.index.writing(id, async () => {
      for (const suffix of ['', '.bak', '.tmp']) {
        await rm(this.documentFile(id) + suffix, { force: true })
        await rm(this.annotationFile(id) + suffix, { force: true })
      }
      this.shards.delete(id)
      this.documents.delete(id)
      this.index.delete(id)
    })
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
    if (!this.index.has(documentId))
      throw new Error(`There is no document "${documentId}" in this project.`)
    await this.index.writing(documentId, async () => {
      const shard = await this.shard(documentId)
      // Deltas, applied after the write: concurrent writes to one document must not lose counts.
      let annotated = 0
      const labels = new Map<string, number>()
      const previous = new Map<string, SentenceAnnotation | undefined>()
      for (const [unitId, annotation] of entries) {
        const old = shard.data.annotations[unitId]
        if (!previous.has(unitId)) previous.set(unitId, old)
        if (annotation) shard.data.annotations[unitId] = annotation
        else delete shard.data.annotations[unitId]
        const codebook = this.getCodebook()
        annotated +=
          Number(isAnnotated(annotation ?? undefined, codebook)) -
          Number(isAnnotated(old, codebook))
        for (const id of labelsOf(old)) labels.set(id, (labels.get(id) ?? 0) - 1)
        for (const id of labelsOf(annotation ?? undefined))
          labels.set(id, (labels.get(id) ?? 0) + 1)
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
      this.index.adjust(documentId, annotated, labels)
    })
  }

  async close(): Promise<void> {
    if (this.closed) return
    await this.index.stop()
    this.closed = true
    await this.releaseLock()
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The project is closed.')
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
      coder: this.coder,
      annotations: {},
    })
    await shard.read()
    noteRecovery(this.notices, adapter)
    return shard
  }

  private documentFile(id: string): string {
    return documentFilePath(this.path, id)
  }

  private annotationFile(id: string): string {
    return annotationFilePath(this.path, id, this.coder)
  }
}

/** When and from where this coder imported a document: this machine's, so kept in the layer. */
function importOf(document: StoredDocument): AnnotationFile['imported'] {
  return { at: document.importedAt, ...(document.origin ? { origin: document.origin } : {}) }
}
