import { computed, ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { Codebook, DocumentSummary, ProjectInfo } from '../../../electron/contract/model'
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

  /** Keeps a document's progress in step after a save, without reloading the list. */
  function adjustAnnotated(documentId: string, delta: number): void {
    const doc = documents.value.find((d) => d.id === documentId)
    if (doc) doc.annotatedCount += delta
  }

  return { info, documents, loadError, codebook, annotator, progress, load, refreshDocuments, setAnnotator, adjustAnnotated }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useProjectStore, import.meta.hot))
