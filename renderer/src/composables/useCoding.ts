import { computed, effectScope } from 'vue'
import { storeToRefs } from 'pinia'
import type {
  Dimension,
  Provenance,
  SentenceAnnotationInput,
} from '../../../electron/contract/model'
import { isAnnotated } from '../../../electron/contract/model'
import {
  addStatement,
  emptyInput,
  hasLabel,
  removeStatement,
  toggleLabel,
  toInput,
} from '../../../electron/common/annotationEdits'
import { compileSuggester, type Mention } from '../../../electron/common/suggestions'
import { useDocumentStore } from '../stores/document'
import { useHistoryStore, type HistoryChange, type HistoryEntry } from '../stores/history'
import { useProjectStore } from '../stores/project'
import { useUiStore } from '../stores/ui'

let shared: ReturnType<typeof createCoding> | null = null

/**
 * The coding actions on the focused sentence, shared by the keyboard map and the mouse. Every
 * change goes through `commit`, which records it for undo and saves it. One instance serves
 * every component (a detached scope), so the suggestion matcher is compiled once.
 */
export function useCoding(): ReturnType<typeof createCoding> {
  shared ??= effectScope(true).run(createCoding)!
  return shared
}

function createCoding() {
  const doc = useDocumentStore()
  const ui = useUiStore()
  const history = useHistoryStore()
  const project = useProjectStore()
  const { codable, annotations, documentId } = storeToRefs(doc)
  const { focusIndex, statementIndex } = storeToRefs(ui)

  const focused = computed(() => codable.value[focusIndex.value] ?? null)
  const focusedInput = computed<SentenceAnnotationInput>(() =>
    toInput(focused.value ? annotations.value[focused.value.id] : undefined),
  )
  const suggester = computed(() => compileSuggester(project.codebook))

  /** Alias mentions in the focused sentence (offsets relative to the sentence). */
  const mentions = computed<Mention[]>(() =>
    focused.value ? suggester.value(doc.textOf(focused.value)) : [],
  )

  /** Suggested labels the current statement does not carry yet. */
  const openSuggestions = computed(() => {
    const seen = new Set<string>()
    return mentions.value.filter((m) => {
      if (
        seen.has(m.labelId) ||
        hasLabel(focusedInput.value, statementIndex.value, m.dimensionId, m.labelId)
      )
        return false
      seen.add(m.labelId)
      return true
    })
  })

  function beforeOf(unitId: string): SentenceAnnotationInput | null {
    const a = annotations.value[unitId]
    return a ? toInput(a) : null
  }

  /** Records the changes for undo and saves them. */
  function commit(label: string, changes: HistoryChange[]): void {
    if (changes.length === 0) return
    history.record({ label, changes })
    void doc.apply(
      changes.map((c) => ({ documentId: c.documentId, unitId: c.unitId, input: c.after })),
    )
  }

  function edit(
    label: string,
    change: (input: SentenceAnnotationInput) => SentenceAnnotationInput,
  ): void {
    const unit = focused.value
    const docId = documentId.value
    if (!unit || !docId) return
    commit(label, [
      {
        documentId: docId,
        unitId: unit.id,
        before: beforeOf(unit.id),
        after: change(focusedInput.value),
      },
    ])
  }

  function toggle(dimension: Dimension, labelId: string, provenance: Provenance = 'manual'): void {
    edit(`label ${labelId}`, (input) =>
      toggleLabel(input, statementIndex.value, dimension, labelId, provenance),
    )
  }

  /** Accepts every open suggestion of the focused sentence, recorded as "suggested, accepted". */
  function acceptSuggestions(): void {
    const open = openSuggestions.value
    if (open.length === 0) return
    edit('accept suggestions', (input) =>
      open.reduce((acc, m) => {
        const dimension = project.codebook.dimensions.find((d) => d.id === m.dimensionId)
        return dimension
          ? toggleLabel(acc, statementIndex.value, dimension, m.labelId, 'suggested-accepted')
          : acc
      }, input),
    )
  }

  /** A bulk action: accepts the suggestions of every sentence of the open document, one undo step. */
  function acceptAllSuggestionsInDocument(): number {
    const docId = documentId.value
    if (!docId) return 0
    const changes: HistoryChange[] = []
    for (const unit of codable.value) {
      const before = beforeOf(unit.id)
      let after = before ?? emptyInput()
      for (const m of suggester.value(doc.textOf(unit))) {
        if (hasLabel(after, 0, m.dimensionId, m.labelId)) continue
        const dimension = project.codebook.dimensions.find((d) => d.id === m.dimensionId)
        if (dimension) after = toggleLabel(after, 0, dimension, m.labelId, 'suggested-accepted')
      }
      if (JSON.stringify(after) !== JSON.stringify(before ?? emptyInput()))
        changes.push({ documentId: docId, unitId: unit.id, before, after })
    }
    commit('accept all suggestions', changes)
    return changes.length
  }

  function clear(): void {
    edit('clear', () => emptyInput())
  }

  function move(delta: number): void {
    ui.focus(focusIndex.value + delta, codable.value.length)
  }

  function focusAt(index: number): void {
    ui.focus(index, codable.value.length)
  }

  function focusUnit(unitId: string): void {
    const index = codable.value.findIndex((u) => u.id === unitId)
    if (index >= 0) focusAt(index)
  }

  // Navigation runs in order: three quick Page Down presses open the third document, not the
  // first one three times.
  let navigation: Promise<void> = Promise.resolve()
  function navigate(step: () => Promise<void>): Promise<void> {
    navigation = navigation.then(step, step)
    return navigation
  }

  async function open(targetDocument: string, unitId?: string): Promise<void> {
    if (documentId.value !== targetDocument) {
      await doc.open(targetDocument)
      ui.focus(0, codable.value.length)
    }
    if (unitId) focusUnit(unitId)
  }

  /** Opens a document (if it is not open) and focuses one of its sentences. */
  function goTo(targetDocument: string, unitId?: string): Promise<void> {
    return navigate(() => open(targetDocument, unitId))
  }

  /** Opens the next or previous document of the list. */
  function moveDocument(delta: number): Promise<void> {
    return navigate(async () => {
      const list = project.documents
      const target = list[list.findIndex((d) => d.id === documentId.value) + delta]
      if (target) await open(target.id)
    })
  }

  /** Jumps to the next sentence without labels, wrapping around the document. */
  function nextUncoded(): void {
    const n = codable.value.length
    for (let step = 1; step <= n; step++) {
      const i = (focusIndex.value + step) % n
      if (!isAnnotated(annotations.value[codable.value[i].id])) return focusAt(i)
    }
  }

  function newStatement(): void {
    const count = focusedInput.value.statements.length
    edit('add statement', addStatement)
    statementIndex.value = count
  }

  function dropStatement(): void {
    const index = statementIndex.value
    edit('remove statement', (input) => removeStatement(input, index))
    statementIndex.value = Math.max(0, index - 1)
  }

  function cycleStatement(delta: number): void {
    const count = focusedInput.value.statements.length
    statementIndex.value = (statementIndex.value + delta + count) % count
  }

  function toggleUncertain(): void {
    edit('uncertain', (input) => ({ ...input, uncertain: !input.uncertain }))
  }

  function setNote(note: string): void {
    edit('note', (input) => ({ ...input, note }))
  }

  function markReviewed(): void {
    edit('reviewed', (input) => {
      const next = { ...input }
      delete next.needsReview
      return next
    })
  }

  // Undo and redo first show where the change happens, then make it: moving the focus after
  // the save returned would pull it away from wherever the analyst has gone on to.
  async function showChange(entry: HistoryEntry | undefined): Promise<void> {
    const first = entry?.changes[0]
    if (first) await goTo(first.documentId, first.unitId)
  }

  async function undo(): Promise<void> {
    await showChange(history.past.at(-1))
    await history.undo()
  }

  async function redo(): Promise<void> {
    await showChange(history.future.at(-1))
    await history.redo()
  }

  return {
    focused,
    focusedInput,
    focusIndex,
    statementIndex,
    mentions,
    openSuggestions,
    toggle,
    acceptSuggestions,
    acceptAllSuggestionsInDocument,
    clear,
    move,
    focusAt,
    focusUnit,
    goTo,
    moveDocument,
    nextUncoded,
    newStatement,
    dropStatement,
    cycleStatement,
    toggleUncertain,
    setNote,
    markReviewed,
    undo,
    redo,
  }
}
