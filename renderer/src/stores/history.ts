import { computed, ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { SentenceAnnotationInput } from '../../../electron/contract/model'
import { useDocumentStore } from './document'

/** One sentence's annotation before and after an action (null: no annotation). */
export interface HistoryChange {
  documentId: string
  unitId: string
  before: SentenceAnnotationInput | null
  after: SentenceAnnotationInput | null
}

/** One undoable action: a key press, a click, or a bulk action touching many sentences. */
export interface HistoryEntry {
  label: string
  changes: HistoryChange[]
}

const LIMIT = 500

/**
 * Undo and redo across documents. Each entry is applied through the same save path as a fresh
 * edit, so an undo is durable like any other change.
 */
export const useHistoryStore = defineStore('history', () => {
  const past = ref<HistoryEntry[]>([])
  const future = ref<HistoryEntry[]>([])
  const canUndo = computed(() => past.value.length > 0)
  const canRedo = computed(() => future.value.length > 0)

  function record(entry: HistoryEntry): void {
    past.value.push(entry)
    if (past.value.length > LIMIT) past.value.shift()
    future.value = []
  }

  async function step(
    from: typeof past,
    to: typeof past,
    side: 'before' | 'after',
  ): Promise<HistoryEntry | null> {
    const entry = from.value.pop()
    if (!entry) return null
    // The entry moves at once, like the change it makes: a redo pressed right after an undo
    // finds it, even while the undo is still on its way to the disk.
    to.value.push(entry)
    const doc = useDocumentStore()
    const ok = await doc.apply(
      entry.changes.map((c) => ({ documentId: c.documentId, unitId: c.unitId, input: c[side] })),
    )
    if (!ok) {
      to.value.splice(to.value.lastIndexOf(entry), 1)
      from.value.push(entry)
    }
    return ok ? entry : null
  }

  /**
   * Drops the entries of a document whose sentences were split, merged or re-segmented: their
   * sentence ids no longer exist, so replaying them would fail.
   */
  function forgetDocument(documentId: string): void {
    const keep = (e: HistoryEntry) => !e.changes.some((c) => c.documentId === documentId)
    past.value = past.value.filter(keep)
    future.value = future.value.filter(keep)
  }

  /** Reverts the last action; resolves with it (to show where it happened) or null. */
  const undo = () => step(past, future, 'before')
  /** Applies the last undone action again. */
  const redo = () => step(future, past, 'after')

  return { past, future, canUndo, canRedo, record, forgetDocument, undo, redo }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useHistoryStore, import.meta.hot))
