import { ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'

/** UI state only: which sentence and statement have the focus, which dialogs are open. */
export const useUiStore = defineStore('ui', () => {
  /** Index into the open document's codable units. */
  const focusIndex = ref(0)
  /** Index of the statement the keys act on, within the focused sentence. */
  const statementIndex = ref(0)
  const shortcutsOpen = ref(false)
  const codebookOpen = ref(false)
  const importOpen = ref(false)
  const exportOpen = ref(false)
  /** The document whose metadata dialog is open, if any. */
  const metaDocumentId = ref<string | null>(null)

  /** A short message for the analyst (saved, split, failed…), shown until the next one. */
  const notice = ref<{ text: string; kind: 'info' | 'error'; at: number } | null>(null)
  const findOpen = ref(false)

  function notify(text: string, kind: 'info' | 'error' = 'info'): void {
    notice.value = { text, kind, at: Date.now() }
  }

  function focus(index: number, count: number): void {
    focusIndex.value = Math.max(0, Math.min(index, count - 1))
    statementIndex.value = 0
  }

  return {
    focusIndex,
    statementIndex,
    shortcutsOpen,
    codebookOpen,
    importOpen,
    exportOpen,
    metaDocumentId,
    findOpen,
    notice,
    notify,
    focus,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useUiStore, import.meta.hot))
