import { computed, ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import {
  codedRuleKey,
  type Codebook,
  type CodebookImpact,
  type Dimension,
  type Label,
  type SentenceAnnotationInput,
} from '../../../electron/contract/model'
import {
  codebookChanged,
  codebookProblems,
  type CodebookProblem,
} from '../../../electron/common/codebookRules'
import { move, removedIds, uniqueId, withLabelLast } from '../../../electron/common/codebookDraft'
import { api } from '../api'
import { useDocumentStore } from './document'
import { useHistoryStore } from './history'
import { useProjectStore } from './project'

/** Colours offered to a new label, in order; the first one its dimension does not use wins. */
const PALETTE = [
  '#1565c0',
  '#c62828',
  '#2e7d32',
  '#f9a825',
  '#6a1b9a',
  '#00897b',
  '#d84315',
  '#5d4037',
  '#ad1457',
  '#455a64',
]

export type LabelPatch = Partial<
  Pick<Label, 'name' | 'color' | 'hotkey' | 'definition' | 'examples' | 'aliases' | 'value'>
>
export type DimensionPatch = Partial<Pick<Dimension, 'name' | 'multi' | 'required' | 'scale'>>

/** What the save button led to: stored, waiting for the analyst to confirm a deletion, or nothing. */
export type SaveOutcome = 'saved' | 'confirm' | 'unchanged' | 'failed'

/** A dimension or label whose name is empty; the core refuses to store it. */
export interface MissingName {
  dimensionId: string
  labelId?: string
}

function clone(codebook: Codebook): Codebook {
  return JSON.parse(JSON.stringify(codebook)) as Codebook
}

/** True when an annotation names a removed label or carries values in a removed dimension. */
function mentions(
  input: SentenceAnnotationInput | null,
  removed: ReturnType<typeof removedIds>,
): boolean {
  return !!input?.statements.some((s) =>
    Object.entries(s.values).some(
      ([d, ids]) => removed.dimensions.has(d) || ids.some((id) => removed.labels.has(id)),
    ),
  )
}

/** True when saving would take labels or dimensions away from at least one annotation. */
export function impactTouchesAnnotations(impact: CodebookImpact): boolean {
  return (
    impact.removedLabels.some((l) => l.statements > 0) ||
    impact.removedDimensions.some((d) => d.statements > 0)
  )
}

/**
 * The codebook editor's draft: a copy of the project's codebook that the analyst edits freely
 * and that reaches the project only on Save. Label and dimension ids are made once, from the
 * first name, and never change, so annotations survive every rename.
 */
export const useCodebookStore = defineStore('codebook', () => {
  const project = useProjectStore()
  const draft = ref<Codebook>(clone(project.codebook))
  /** The label whose hotkey or name changed last; collisions are reported on it. */
  const lastEdited = ref<string | null>(null)
  const busy = ref(false)
  /** The last API error, in words for the analyst. */
  const error = ref<string | null>(null)
  /** Set while the analyst is asked to confirm that used labels disappear from annotations. */
  const pendingImpact = ref<CodebookImpact | null>(null)
  /** Where the last export was written. */
  const exportedTo = ref<string | null>(null)
  /** True after an import, until the draft is saved or reset. */
  const imported = ref(false)
  /** The version the last save produced, for the confirmation message. */
  const savedVersion = ref<number | null>(null)

  const saved = computed(() => project.codebook)
  /** True when the draft differs from the project's codebook. */
  const dirty = computed(() => codebookChanged(saved.value, draft.value))
  /** The rules the draft breaks (hotkey collisions, reserved keys, duplicate ids). */
  const problems = computed<CodebookProblem[]>(() =>
    codebookProblems(withLabelLast(draft.value, lastEdited.value)),
  )
  const missingNames = computed<MissingName[]>(() =>
    draft.value.dimensions.flatMap((d) => [
      ...(d.name.trim() ? [] : [{ dimensionId: d.id }]),
      ...d.labels.filter((l) => !l.name.trim()).map((l) => ({ dimensionId: d.id, labelId: l.id })),
    ]),
  )
  const canSave = computed(
    () =>
      dirty.value && !busy.value && problems.value.length === 0 && missingNames.value.length === 0,
  )

  /** Ids in the draft and in the saved codebook: a new label never takes the id of a deleted one. */
  function takenIds(of: 'labels' | 'dimensions'): Set<string> {
    const books = [draft.value, saved.value]
    if (of === 'dimensions') return new Set(books.flatMap((b) => b.dimensions.map((d) => d.id)))
    return new Set(books.flatMap((b) => b.dimensions.flatMap((d) => d.labels.map((l) => l.id))))
  }

  function dimension(id: string): Dimension | undefined {
    return draft.value.dimensions.find((d) => d.id === id)
  }

  function label(dimensionId: string, labelId: string): Label | undefined {
    return dimension(dimensionId)?.labels.find((l) => l.id === labelId)
  }

  /** Starts editing from the project's codebook, dropping any earlier draft. */
  function reset(): void {
    draft.value = clone(saved.value)
    lastEdited.value = null
    error.value = null
    pendingImpact.value = null
    exportedTo.value = null
    imported.value = false
    savedVersion.value = null
  }

  function addDimension(name: string): string {
    const id = uniqueId(name, 'dimension', takenIds('dimensions'))
    draft.value.dimensions.push({ id, name: name.trim(), multi: false, labels: [] })
    return id
  }

  function updateDimension(id: string, patch: DimensionPatch): void {
    const d = dimension(id)
    if (d) Object.assign(d, patch)
  }

  function moveDimension(id: string, delta: number): void {
    move(draft.value.dimensions, id, delta)
  }

  function removeDimension(id: string): void {
    draft.value.dimensions = draft.value.dimensions.filter((d) => d.id !== id)
  }

  function addLabel(dimensionId: string, name: string): string | undefined {
    const d = dimension(dimensionId)
    if (!d) return undefined
    const id = uniqueId(name, 'label', takenIds('labels'))
    const used = new Set(d.labels.map((l) => l.color))
    const color = PALETTE.find((c) => !used.has(c)) ?? PALETTE[d.labels.length % PALETTE.length]
    d.labels.push({ id, name: name.trim(), color, hotkey: '', definition: '', examples: [] })
    return id
  }

  function updateLabel(dimensionId: string, labelId: string, patch: LabelPatch): void {
    const l = label(dimensionId, labelId)
    if (!l) return
    const { aliases, ...rest } = patch
    Object.assign(l, rest)
    // A label that never had aliases keeps none when the field stays empty, so it is not "changed".
    if (aliases && (aliases.length > 0 || l.aliases !== undefined)) l.aliases = aliases
    if ('hotkey' in patch || 'name' in patch) lastEdited.value = labelId
  }

  function moveLabel(dimensionId: string, labelId: string, delta: number): void {
    const d = dimension(dimensionId)
    if (d) move(d.labels, labelId, delta)
  }

  function removeLabel(dimensionId: string, labelId: string): void {
    const d = dimension(dimensionId)
    if (d) d.labels = d.labels.filter((l) => l.id !== labelId)
  }

  async function call<T>(work: () => Promise<T>): Promise<T | undefined> {
    busy.value = true
    error.value = null
    try {
      return await work()
    } catch (e) {
      error.value = (e as Error).message
      return undefined
    } finally {
      busy.value = false
    }
  }

  /**
   * Saves the draft. When that would take used labels or dimensions away from annotations,
   * nothing is stored yet: `pendingImpact` says what would happen, and `confirmSave` goes on.
   */
  async function save(): Promise<SaveOutcome> {
    if (!dirty.value) return 'unchanged'
    if (!canSave.value) return 'failed'
    const impact = await call(() => api.codebookImpact(draft.value))
    if (!impact) return 'failed'
    if (impactTouchesAnnotations(impact)) {
      pendingImpact.value = impact
      return 'confirm'
    }
    return commit(false)
  }

  /** Saves after the analyst agreed to what the deletion does to annotations. */
  function confirmSave(): Promise<SaveOutcome> {
    pendingImpact.value = null
    return commit(true)
  }

  function cancelSave(): void {
    pendingImpact.value = null
  }

  async function commit(stripsAnnotations: boolean): Promise<SaveOutcome> {
    const removed = removedIds(saved.value, draft.value)
    const recount = codedRuleKey(saved.value) !== codedRuleKey(draft.value)
    const next = await call(() => api.saveCodebook(draft.value))
    if (!next) return 'failed'
    if (removed.labels.size || removed.dimensions.size) {
      // Replaying an edit that names a deleted label would be refused: such steps leave the history.
      const history = useHistoryStore()
      const keep = (e: (typeof history.past)[number]) =>
        !e.changes.some((c) => mentions(c.before, removed) || mentions(c.after, removed))
      history.$patch({ past: history.past.filter(keep), future: history.future.filter(keep) })
    }
    if (stripsAnnotations) {
      // Labels left annotations on disk: counts and the open document must show that at once.
      await project.load()
      const doc = useDocumentStore()
      if (doc.documentId) await doc.open(doc.documentId)
    } else if (project.info) {
      project.info = { ...project.info, codebook: next }
      // Another set of required dimensions changes what counts as coded: core recounted.
      if (recount) await project.refreshDocuments()
    }
    draft.value = clone(next)
    lastEdited.value = null
    imported.value = false
    savedVersion.value = next.version
    return 'saved'
  }

  /** Reads a codebook file into the draft; it reaches the project only when the analyst saves. */
  async function importFile(): Promise<boolean> {
    const read = await call(() => api.readCodebookFile())
    if (!read) return false
    draft.value = { ...clone(read), version: saved.value.version }
    lastEdited.value = null
    imported.value = true
    savedVersion.value = null
    return true
  }

  /** Writes the saved codebook (not the draft) to a file the analyst chooses. */
  async function exportFile(): Promise<string | null> {
    const path = await call(() => api.exportCodebookFile())
    if (path) exportedTo.value = path
    return path ?? null
  }

  return {
    draft,
    busy,
    error,
    pendingImpact,
    exportedTo,
    imported,
    savedVersion,
    dirty,
    problems,
    missingNames,
    canSave,
    reset,
    addDimension,
    updateDimension,
    moveDimension,
    removeDimension,
    addLabel,
    updateLabel,
    moveLabel,
    removeLabel,
    save,
    confirmSave,
    cancelSave,
    importFile,
    exportFile,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCodebookStore, import.meta.hot))
