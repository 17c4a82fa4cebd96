import { computed, ref, shallowRef } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import {
  isAnnotatable,
  type AnnotationChange,
  type DocumentView,
  type SentenceAnnotation,
  type Unit,
} from '../../../electron/contract/model'
import { api } from '../api'
import { useProjectStore } from './project'

export type SaveState = 'saved' | 'saving' | 'error'

/** The open document, its annotations, and saving them. */
export const useDocumentStore = defineStore('document', () => {
  const view = shallowRef<DocumentView | null>(null)
  /**
   * The open document's labels by sentence: replaced with a new record on every change, never
   * mutated, so shallow. A deep ref made every read of a label in the article (colour, names,
   * description of each sentence) go through proxies, and kept no sentence's object identity,
   * which the article uses to redo only the sentence that changed.
   */
  const annotations = shallowRef<Record<string, SentenceAnnotation>>({})
  const pending = ref(0)
  const saveError = ref<string | null>(null)
  const openError = ref<string | null>(null)

  const documentId = computed(() => view.value?.document.id ?? null)
  const units = computed<Unit[]>(() => view.value?.document.units ?? [])
  /** The units the analyst codes, in reading order. */
  const codable = computed<Unit[]>(() => units.value.filter(isAnnotatable))
  const saveState = computed<SaveState>(() =>
    saveError.value ? 'error' : pending.value > 0 ? 'saving' : 'saved',
  )

  function textOf(unit: Unit): string {
    return view.value ? view.value.document.text.slice(unit.start, unit.end) : ''
  }

  async function open(id: string): Promise<void> {
    try {
      const next = await api.getDocument(id)
      edits.clear()
      view.value = next
      annotations.value = { ...next.annotations }
      openError.value = null
    } catch (e) {
      openError.value = (e as Error).message
    }
  }

  /**
   * Applies annotation changes: shown at once, on disk within moments; on failure the previous
   * state comes back and the error is shown. Changes may touch documents that are not open
   * (undo and redo across documents).
   */
  /**
   * The newest edit of each sentence of the open document. A save's answer is shown only if no
   * newer edit of that sentence was made meanwhile: quick key presses must not be overwritten
   * by the answer to an earlier one.
   */
  const edits = new Map<string, number>()
  let editCounter = 0

  async function apply(changes: AnnotationChange[]): Promise<boolean> {
    const openId = documentId.value
    const project = useProjectStore()
    const mine = new Map<string, number>()
    for (const c of changes) {
      if (c.documentId !== openId) continue
      const previous = annotations.value[c.unitId]
      const next = c.input ? { ...(previous ?? placeholder()), ...c.input } : undefined
      setLocal(c.unitId, next)
      if (openId) project.recount(openId, previous, next)
      mine.set(c.unitId, ++editCounter)
      edits.set(c.unitId, editCounter)
    }
    const newest = (unitId: string) =>
      documentId.value === openId && edits.get(unitId) === mine.get(unitId)
    pending.value++
    try {
      const stored = await api.saveAnnotations(changes)
      changes.forEach((c, i) => {
        if (c.documentId === openId && newest(c.unitId)) setLocal(c.unitId, stored[i] ?? undefined)
      })
      if (changes.some((c) => c.documentId !== openId)) await project.refreshDocuments()
      saveError.value = null
      return true
    } catch (e) {
      saveError.value = (e as Error).message
      // What is on disk is the truth: show it again, with the progress it implies.
      if (openId && documentId.value === openId) await resync(openId)
      return false
    } finally {
      pending.value--
    }
  }

  async function resync(id: string): Promise<void> {
    try {
      const fresh = await api.getDocument(id)
      if (documentId.value !== id) return
      annotations.value = { ...fresh.annotations }
      edits.clear()
      await useProjectStore().refreshDocuments()
    } catch {
      /* the error already shown says enough */
    }
  }

  /** Replaces the open document after a split, merge or re-segmentation. */
  function replace(next: DocumentView): void {
    view.value = next
    annotations.value = { ...next.annotations }
  }

  function setLocal(unitId: string, annotation: SentenceAnnotation | undefined): void {
    const next = { ...annotations.value }
    if (annotation) next[unitId] = annotation
    else delete next[unitId]
    annotations.value = next
  }

  function placeholder(): SentenceAnnotation {
    const now = new Date().toISOString()
    return {
      statements: [],
      uncertain: false,
      note: '',
      annotator: '',
      createdAt: now,
      updatedAt: now,
      codebookVersion: 0,
    }
  }

  return {
    view,
    annotations,
    documentId,
    units,
    codable,
    saveState,
    saveError,
    openError,
    pending,
    textOf,
    open,
    apply,
    replace,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDocumentStore, import.meta.hot))
