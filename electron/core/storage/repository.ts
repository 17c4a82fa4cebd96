import type {
  Codebook,
  DocumentProfile,
  SentenceAnnotation,
  StoredDocument,
} from '../../contract/model'
import type { Message } from '../../contract/messages'

/** Something the analyst should be told about the state the project was found in. */
export interface StorageNotice {
  file: string
  message: Message
}

/**
 * The storage a project needs. Core logic talks to this interface only; lowdb lives in its
 * implementation (`LowdbProjectRepository`).
 */
export interface ProjectRepository {
  readonly path: string
  readonly name: string
  /** The coder whose layer this repository reads and writes. */
  readonly coder: string
  /** Recoveries and repairs done while opening, in words for the analyst. */
  readonly notices: StorageNotice[]

  getCodebook(): Codebook
  setCodebook(codebook: Codebook): Promise<void>

  /** Summaries of all documents with their label profiles, sorted by id. */
  listDocuments(): DocumentProfile[]
  hasDocument(id: string): boolean
  /** The id of a document with this content hash, if one exists. */
  findByContentHash(hash: string): string | undefined

  getDocument(id: string): Promise<StoredDocument>
  getAnnotations(documentId: string): Promise<Record<string, SentenceAnnotation>>
  /**
   * A document and its annotations for a pass over many documents (an export): read with a
   * quick check of the fields readers use instead of the full schema, and without entering the
   * caches. A file the quick check refuses is read as getDocument and getAnnotations read it,
   * so damage is repaired from the backup or reported with the file's name.
   */
  readInBulk(
    id: string,
  ): Promise<{ document: StoredDocument; annotations: Record<string, SentenceAnnotation> }>
  /**
   * True when readInBulk would answer from memory rather than from the files (the document or
   * its annotations are loaded, possibly with a write under way). An export reading the files
   * elsewhere (worker threads) reads such a document through readInBulk instead.
   */
  heldInMemory?(id: string): boolean

  /** Adds a new document with no annotations. */
  addDocument(document: StoredDocument): Promise<void>
  /** Replaces a document (metadata or units) and, atomically per file, its annotations. */
  replaceDocument(
    document: StoredDocument,
    annotations: Record<string, SentenceAnnotation>,
  ): Promise<void>
  removeDocument(id: string): Promise<void>

  /** Sets (or with `null` removes) the annotation of one unit; resolves once it is on disk. */
  putAnnotation(
    documentId: string,
    unitId: string,
    annotation: SentenceAnnotation | null,
  ): Promise<void>

  /** Sets several annotations of one document in one durable write. */
  putAnnotations(
    documentId: string,
    entries: Array<[unitId: string, annotation: SentenceAnnotation | null]>,
  ): Promise<void>

  /** Writes derived caches and releases the project. */
  close(): Promise<void>
}
