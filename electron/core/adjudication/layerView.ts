/**
 * One layer of an open project as a read-only repository: the shared documents with the labels
 * of one coder or of the gold layer, so that every exporter writes any layer unchanged. Writes
 * are refused: a layer other than one's own is never written by an export.
 */
import type {
  Codebook,
  DocumentProfile,
  SentenceAnnotation,
  StoredDocument,
} from '../../contract/model'
import { isAnnotatable, isAnnotated, labelsOf } from '../../contract/model'
import type { ProjectRepository, StorageNotice } from '../storage/repository'

export type AnnotationsOf = (documentId: string) => Promise<Record<string, SentenceAnnotation>>

export class LayerView implements ProjectRepository {
  private constructor(
    private readonly base: ProjectRepository,
    readonly coder: string,
    private readonly annotationsOf: AnnotationsOf,
    private readonly profiles: DocumentProfile[],
  ) {}

  /**
   * The layer `coder` of `base`, its per-document counts taken once (the exporter plans its
   * files and splits from them).
   */
  static async of(
    base: ProjectRepository,
    coder: string,
    annotationsOf: AnnotationsOf,
  ): Promise<LayerView> {
    const codebook = base.getCodebook()
    const profiles: DocumentProfile[] = []
    for (const summary of base.listDocuments()) {
      const document = await base.getDocument(summary.id)
      const annotations = await annotationsOf(summary.id)
      const labelCounts: Record<string, number> = {}
      let annotatedCount = 0
      for (const unit of document.units) {
        if (!isAnnotatable(unit)) continue
        const a = annotations[unit.id]
        if (isAnnotated(a, codebook)) annotatedCount++
        for (const id of labelsOf(a)) labelCounts[id] = (labelCounts[id] ?? 0) + 1
      }
      profiles.push({ ...summary, annotatedCount, labelCounts })
    }
    return new LayerView(base, coder, annotationsOf, profiles)
  }

  get path(): string {
    return this.base.path
  }
  get name(): string {
    return this.base.name
  }
  get notices(): StorageNotice[] {
    return this.base.notices
  }
  getCodebook(): Codebook {
    return this.base.getCodebook()
  }
  listDocuments(): DocumentProfile[] {
    return this.profiles
  }
  hasDocument(id: string): boolean {
    return this.base.hasDocument(id)
  }
  findByContentHash(hash: string): string | undefined {
    return this.base.findByContentHash(hash)
  }
  getDocument(id: string): Promise<StoredDocument> {
    return this.base.getDocument(id)
  }
  getAnnotations(documentId: string): Promise<Record<string, SentenceAnnotation>> {
    return this.annotationsOf(documentId)
  }
  async readInBulk(id: string) {
    return { document: await this.base.getDocument(id), annotations: await this.annotationsOf(id) }
  }
  private refuse(): never {
    throw new Error('A layer exported from another coder or the gold is read-only.')
  }
  setCodebook(): Promise<void> {
    this.refuse()
  }
  addDocument(): Promise<void> {
    this.refuse()
  }
  replaceDocument(): Promise<void> {
    this.refuse()
  }
  removeDocument(): Promise<void> {
    this.refuse()
  }
  putAnnotation(): Promise<void> {
    this.refuse()
  }
  putAnnotations(): Promise<void> {
    this.refuse()
  }
  async close(): Promise<void> {}
}
