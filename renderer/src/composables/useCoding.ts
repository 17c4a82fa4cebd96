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
import {
  compileSuggester,
  openMentions,
  withoutDismissed,
  type Mention,
} from '../../../electron/common/suggestions'
import { i18n } from '../i18n'
import type en from '../i18n/en'
import { useDocumentStore } from '../stores/document'
import { useHistoryStore, type HistoryChange, type HistoryEntry } from '../stores/history'
import { useProjectStore } from '../stores/project'
import { useUiStore } from '../stores/ui'

let shared: ReturnType<typeof createCoding> | null = null

/** The actions undo and redo name: each has its words in the catalogue (history.action). */
type CodingAction = keyof (typeof en)['history']['action']

/** The index of the first statement an action changed (0 when it changed none, or only flags). */
export function changedStatement(
  before: SentenceAnnotationInput | null,
  after: SentenceAnnotationInput | null,
): number {
  const a = before?.statements ?? []
  const b = after?.statements ?? []
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) return i
  return 0
}

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

  /**
   * Alias mentions in the focused sentence (offsets relative to the sentence), without those the
   * analyst dismissed for this sentence as false positives.
   */
  const mentions = computed<Mention[]>(() =>
    focused.value
      ? withoutDismissed(suggester.value(doc.textOf(focused.value)), focusedInput.value.dismissed)
      : [],
  )

  /** Suggested labels the current statement does not carry yet, each once. */
  const openSuggestions = computed(() =>
    openMentions(mentions.value, (m) =>
      hasLabel(focusedInput.value, statementIndex.value, m.dimensionId, m.labelId),
    ),
  )

  function dimensionOf(id: string): Dimension | undefined {
    return project.codebook.dimensions.find((d) => d.id === id)
  }

  function beforeOf(unitId: string): SentenceAnnotationInput | null {
    const a = annotations.value[unitId]
    return a ? toInput(a) : null
  }

  /** Records the changes for undo and saves them. */
  function commit(label: CodingAction, changes: HistoryChange[]): void {
    if (changes.length === 0) return
    history.record({ label, changes })
    void doc.apply(
      changes.map((c) => ({ documentId: c.documentId, unitId: c.unitId, input: c.after })),
    )
  }

  function edit(
    label: CodingAction,
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
    edit('label', (input) =>
      toggleLabel(input, statementIndex.value, dimension, labelId, provenance),
    )
  }

  /**
   * A label's own key: when the sentence mentions that label (an actor's alias) the label is
   * recorded as an accepted suggestion, otherwise as chosen by hand.
   */
  function toggleByKey(dimension: Dimension, labelId: string): void {
    const suggested = openSuggestions.value.some((m) => m.labelId === labelId)
    toggle(dimension, labelId, suggested ? 'suggested-accepted' : 'manual')
  }

  /** Accepts every open suggestion of the focused sentence, recorded as "suggested, accepted". */
  function acceptSuggestions(): void {
    const open = openSuggestions.value
    if (open.length === 0) return
    edit('accept', (input) =>
      open.reduce((acc, m) => {
        const dimension = dimensionOf(m.dimensionId)
        return dimension
          ? toggleLabel(acc, statementIndex.value, dimension, m.labelId, 'suggested-accepted')
          : acc
      }, input),
    )
  }

  /**
   * Accepts labels proposed for the focused sentence (the learned model's), each with its own
   * provenance, as one undo step; a label the sentence has already stays as it is.
   */
  function acceptLabels(
    items: Array<{ dimension: Dimension; labelId: string; provenance: Provenance }>,
  ): void {
    if (items.length === 0) return
    edit('accept', (input) =>
      items.reduce(
        (acc, x) =>
          hasLabel(acc, statementIndex.value, x.dimension.id, x.labelId)
            ? acc
            : toggleLabel(acc, statementIndex.value, x.dimension, x.labelId, x.provenance),
        input,
      ),
    )
  }

  /** Accepts one suggestion out of several. */
  function acceptSuggestion(labelId: string): void {
    const m = openSuggestions.value.find((x) => x.labelId === labelId)
    const dimension = m && dimensionOf(m.dimensionId)
    if (dimension) toggle(dimension, labelId, 'suggested-accepted')
  }

  /** Dismisses a suggestion as a false positive; it stays dismissed for this sentence. */
  function dismissSuggestion(labelId: string): void {
    edit('dismiss', (input) => ({
      ...input,
      dismissed: [...new Set([...(input.dismissed ?? []), labelId])],
    }))
  }

  /** A bulk action: accepts the suggestions of every sentence of the open document, one undo step. */
  function acceptAllSuggestionsInDocument(): number {
    const docId = documentId.value
    if (!docId) return 0
    const changes: HistoryChange[] = []
    for (const unit of codable.value) {
      const before = beforeOf(unit.id)
      let after = before ?? emptyInput()
      for (const m of withoutDismissed(suggester.value(doc.textOf(unit)), before?.dismissed)) {
        if (hasLabel(after, 0, m.dimensionId, m.labelId)) continue
        const dimension = dimensionOf(m.dimensionId)
        if (dimension) after = toggleLabel(after, 0, dimension, m.labelId, 'suggested-accepted')
      }
      if (JSON.stringify(after) !== JSON.stringify(before ?? emptyInput()))
        changes.push({ documentId: docId, unitId: unit.id, before, after })
    }
    commit('acceptAll', changes)
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

  /**
   * Jumps to the next sentence that is not coded by the codebook's rule (it lacks a label of a
   * required dimension), wrapping around the document; says so when there is none.
   */
  function nextUncoded(): void {
    const n = codable.value.length
    for (let step = 1; step <= n; step++) {
      const i = (focusIndex.value + step) % n
      if (!isAnnotated(annotations.value[codable.value[i].id], project.codebook)) return focusAt(i)
    }
    if (n > 0) ui.notify(i18n.global.t('coding.allCoded'))
  }

  function newStatement(): void {
    const count = focusedInput.value.statements.length
    edit('addStatement', addStatement)
    statementIndex.value = count
  }

  function dropStatement(): void {
    const index = statementIndex.value
    edit('removeStatement', (input) => removeStatement(input, index))
    statementIndex.value = Math.max(0, index - 1)
  }

  function cycleStatement(delta: number): void {
    const count = focusedInput.value.statements.length
    if (count > 0) statementIndex.value = (statementIndex.value + delta + count) % count
  }

  /** Marks the sentence coded although a required dimension has no label (or takes that back). */
  function toggleDone(): void {
    edit('done', (input) => {
      const next = { ...input }
      if (input.done) delete next.done
      else next.done = true
      return next
    })
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

  /** Says what an undo or redo changed: the action, and the statement as it now reads. */
  function tellChange(entry: HistoryEntry, side: 'before' | 'after', verb: 'undone' | 'redone') {
    const { t } = i18n.global
    const action = t(`history.action.${entry.label}`)
    const first = entry.changes[0]
    if (entry.changes.length > 1 || !first)
      return ui.notify(
        t(`history.${verb}Many`, {
          action,
          sentences: t('history.sentences', entry.changes.length),
        }),
      )
    const index = changedStatement(first.before, first.after)
    const now = first[side] ?? emptyInput()
    const statement = now.statements[index] ?? now.statements[0]
    // The keys go on where the change was: that statement is the current one again.
    statementIndex.value = Math.min(index, Math.max(now.statements.length - 1, 0))
    const names = statement
      ? Object.entries(statement.values).flatMap(([d, ids]) => {
          const dimension = dimensionOf(d)
          return ids.map((id) => dimension?.labels.find((l) => l.id === id)?.name ?? id)
        })
      : []
    ui.notify(
      t(`history.${verb}`, {
        action,
        sentence: focusIndex.value + 1,
        statement: statementIndex.value + 1,
        labels: names.length ? names.join(', ') : t('history.noLabels'),
      }),
    )
  }

  async function undo(): Promise<void> {
    const entry = history.past.at(-1)
    await showChange(entry)
    if (await history.undo()) tellChange(entry!, 'before', 'undone')
  }

  async function redo(): Promise<void> {
    const entry = history.future.at(-1)
    await showChange(entry)
    if (await history.redo()) tellChange(entry!, 'after', 'redone')
  }

  return {
    focused,
    focusedInput,
    focusIndex,
    statementIndex,
    mentions,
    openSuggestions,
    toggle,
    toggleByKey,
    acceptSuggestions,
    acceptSuggestion,
    acceptLabels,
    dismissSuggestion,
    toggleDone,
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
