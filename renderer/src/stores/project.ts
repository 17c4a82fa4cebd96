import { computed, ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import {
  isAnnotated,
  labelsOf,
  type Codebook,
  type DocumentSummary,
  type ProjectInfo,
  type SentenceAnnotation,
} from '../../../electron/contract/model'
import { api } from '../api'

/** The open project: its codebook, the annotator, and the list of documents with progress. */
export const useProjectStore = defineStore('project', () => {
  const info = ref<ProjectInfo | null>(null)
  const documents = ref<DocumentSummary[]>([])
  const loadError = ref<string | null>(null)

  const codebook = computed<Codebook>(() => info.value?.codebook ?? { version: 0, dimensions: [] })
  const annotator = computed(() => info.value?.annotator ?? '')
  const progress = computed(() => {
    const total = documents.value.reduce((n, d) => n + d.sentenceCount, 0)
    const done = documents.value.reduce((n, d) => n + d.annotatedCount, 0)
    return { done, total }
  })

  /** Loads the project and its document list. */
  async function load(): Promise<void> {
    try {
      const [project, docs] = await Promise.all([api.getProject(), api.listDocuments()])
      info.value = project
      documents.value = docs
      loadError.value = null
    } catch (e) {
      loadError.value = (e as Error).message
    }
  }

  /** Reloads the document list (progress after changes to documents that are not open). */
  async function refreshDocuments(): Promise<void> {
    documents.value = await api.listDocuments()
  }

  /** Sets the analyst's name, stamped on every annotation. */
  async function setAnnotator(name: string): Promise<void> {
    await api.setAnnotator(name)
    if (info.value) info.value = { ...info.value, annotator: name.trim() }
  }

  /**
   * Keeps a document's progress and label profile in step with a change of one sentence,
   * without reloading the list.
   */
  function recount(documentId: string, before: SentenceAnnotation | undefined, after: SentenceAnnotation | undefined): void {
    const doc = documents.value.find((d) => d.id === documentId)
    if (!doc) return
    doc.annotatedCount += Number(isAnnotated(after)) - Number(isAnnotated(before))
    const counts = { ...doc.labelCounts }
    for (const id of labelsOf(before)) counts[id] = (counts[id] ?? 0) - 1
    for (const id of labelsOf(after)) counts[id] = (counts[id] ?? 0) + 1
    doc.labelCounts = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0))
  }

  return { info, documents, loadError, codebook, annotator, progress, load, refreshDocuments, setAnnotator, recount }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useProjectStore, import.meta.hot))
