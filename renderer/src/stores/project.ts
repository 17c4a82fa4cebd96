import { computed, ref, shallowRef } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import {
  isAnnotated,
  type Codebook,
  type DocumentSummary,
  type ProjectInfo,
  type SentenceAnnotation,
} from '../../../electron/contract/model'
import { api } from '../api'

/** The open project: its codebook, the annotator, and the list of documents with progress. */
export const useProjectStore = defineStore('project', () => {
  const info = ref<ProjectInfo | null>(null)
  /**
   * Summaries, replaced (never mutated) when one changes. Shallow on purpose: a corpus holds
   * tens of thousands of documents, and deep reactivity made every key press pay for all of them.
   */
  const documents = shallowRef<DocumentSummary[]>([])
  const progress = ref({ done: 0, total: 0 })
  let indexById = new Map<string, number>()
  const loadError = ref<string | null>(null)

  const codebook = computed<Codebook>(() => info.value?.codebook ?? { version: 0, dimensions: [] })
  const annotator = computed(() => info.value?.annotator ?? '')

  function setDocuments(docs: DocumentSummary[]): void {
    documents.value = docs
    indexById = new Map(docs.map((d, i) => [d.id, i]))
    progress.value = {
      done: docs.reduce((n, d) => n + d.annotatedCount, 0),
      total: docs.reduce((n, d) => n + d.sentenceCount, 0),
    }
  }

  /** Puts a changed summary in place of the old one, and keeps the corpus progress in step. */
  function replaceSummary(next: DocumentSummary): void {
    const i = indexById.get(next.id)
    if (i === undefined) return
    const old = documents.value[i]
    const list = documents.value.slice()
    list[i] = next
    documents.value = list
    progress.value = {
      done: progress.value.done + next.annotatedCount - old.annotatedCount,
      total: progress.value.total + next.sentenceCount - old.sentenceCount,
    }
  }

  /** Loads the project and its document list. */
  async function load(): Promise<void> {
    try {
      const [project, docs] = await Promise.all([api.getProject(), api.listDocuments()])
      info.value = project
      setDocuments(docs)
      loadError.value = null
    } catch (e) {
      loadError.value = (e as Error).message
    }
  }

  /** Reloads the document list (progress after changes to documents that are not open). */
  async function refreshDocuments(): Promise<void> {
    setDocuments(await api.listDocuments())
  }

  /**
   * Reloads what another coder's machine may have changed: the document list (new documents,
   * and this coder's progress under a new codebook) and the codebook. The open document's own
   * labels are this coder's and are left alone.
   */
  async function reloadShared(): Promise<void> {
    const [project, docs] = await Promise.all([api.getProject(), api.listDocuments()])
    info.value = project
    setDocuments(docs)
  }

  /** Sets the analyst's name, stamped on every annotation. */
  async function setAnnotator(name: string): Promise<void> {
    await api.setAnnotator(name)
    if (info.value) info.value = { ...info.value, annotator: name.trim() }
  }

  /** Keeps a document's progress in step with a change of one sentence, without reloading the list. */
  function recount(
    documentId: string,
    before: SentenceAnnotation | undefined,
    after: SentenceAnnotation | undefined,
  ): void {
    const i = indexById.get(documentId)
    if (i === undefined) return
    const delta =
      Number(isAnnotated(after, codebook.value)) - Number(isAnnotated(before, codebook.value))
    if (delta === 0) return
    const doc = documents.value[i]
    replaceSummary({ ...doc, annotatedCount: doc.annotatedCount + delta })
  }

  return {
    info,
    documents,
    loadError,
    codebook,
    annotator,
    progress,
    load,
    refreshDocuments,
    reloadShared,
    replaceSummary,
    setAnnotator,
    recount,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useProjectStore, import.meta.hot))
