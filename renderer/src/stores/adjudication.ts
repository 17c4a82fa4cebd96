import { computed, ref, shallowRef } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type {
  AcceptRule,
  AdjudicationChoice,
  AdjudicationView,
  SentenceAdjudication,
} from '../../../electron/contract/adjudication'
import { api } from '../api'

/** What the adjudicator narrows the disagreements to; null is any. */
export interface AdjudicationFilter {
  dimension: string | null
  label: string | null
  coder: string | null
}

/** The sentence in its article: the text around it, and the article's title. */
export interface SentenceContext {
  title: string
  before: string
  after: string
}

/** How much of the article is shown on each side of the sentence. */
const CONTEXT_CHARS = 320

function matches(s: SentenceAdjudication, f: AdjudicationFilter): boolean {
  const values = f.dimension ? s.values.filter((v) => v.dimension === f.dimension) : s.values
  if (f.dimension && !values.some((v) => !v.agreed)) return false
  if (f.coder && !s.coders.some((c) => c.coder === f.coder)) return false
  if (f.label) {
    const label = f.label
    const used = values.some((v) => Object.values(v.byCoder).some((ids) => ids.includes(label)))
    if (!used) return false
  }
  return true
}

/**
 * The adjudication: the sentences the coders disagree on, one at a time, with each coder's
 * values, the majority and the gold; the adjudicator's decisions, automatic acceptance and its
 * undoing. Every change answers with the whole view anew from the core.
 */
export const useAdjudicationStore = defineStore('adjudication', () => {
  const view = shallowRef<AdjudicationView | null>(null)
  const filter = ref<AdjudicationFilter>({ dimension: null, label: null, coder: null })
  /** The position of the current sentence among the shown ones. */
  const index = ref(0)
  const context = shallowRef<SentenceContext | null>(null)
  const error = ref<string | null>(null)
  const busy = ref(false)

  /** The sentences with a disagreement that the filter lets through, in article order. */
  const shown = computed(() =>
    (view.value?.sentences ?? []).filter((s) => s.disagreement && matches(s, filter.value)),
  )
  const current = computed<SentenceAdjudication | null>(
    () => shown.value[Math.min(index.value, shown.value.length - 1)] ?? null,
  )
  /** Each coder of the view with the letter the keys use (A is key 1). */
  const coders = computed(() =>
    (view.value?.coders ?? []).map((c, i) => ({ ...c, letter: String.fromCharCode(65 + i) })),
  )

  async function loadContext(): Promise<void> {
    const s = current.value
    if (!s) {
      context.value = null
      return
    }
    const { document } = await api.getDocument(s.documentId)
    const unit = document.units.find((u) => u.id === s.unitId)
    if (!unit) return
    const before = document.text.slice(Math.max(0, unit.start - CONTEXT_CHARS), unit.start)
    const after = document.text.slice(unit.end, unit.end + CONTEXT_CHARS)
    context.value = {
      title: document.meta.title ?? document.id,
      before: before.replace(/^\S*\s/, '… '),
      after: after.replace(/\s\S*$/, ' …'),
    }
  }

  async function run(work: () => Promise<AdjudicationView>): Promise<void> {
    busy.value = true
    try {
      view.value = await work()
      error.value = null
    } catch (e) {
      error.value = (e as Error).message
      throw e
    } finally {
      busy.value = false
    }
  }

  /** Loads the adjudication from the core (on opening the view). */
  async function load(): Promise<void> {
    await run(() => api.getAdjudication())
    index.value = Math.max(
      0,
      shown.value.findIndex((s) => !s.resolved),
    )
    await loadContext()
  }

  /** Moves to the next (+1) or previous (−1) shown disagreement. */
  async function step(delta: 1 | -1): Promise<void> {
    const n = shown.value.length
    if (n === 0) return
    index.value = Math.min(n - 1, Math.max(0, index.value + delta))
    await loadContext()
  }

  /**
   * Decides the current sentence and moves on to the next disagreement not yet resolved after
   * it (or stays, when there is none).
   */
  async function decide(choice: AdjudicationChoice, note = ''): Promise<void> {
    const s = current.value
    if (!s) return
    const at = index.value
    await run(() => api.adjudicate(s.documentId, s.unitId, choice, note))
    const next = shown.value.findIndex((x, i) => i > at && !x.resolved)
    index.value = next >= 0 ? next : Math.min(at, Math.max(0, shown.value.length - 1))
    await loadContext()
  }

  async function acceptAutomatically(rule: AcceptRule): Promise<void> {
    await run(() => api.acceptAutomatically(rule))
    await loadContext()
  }

  async function undoAcceptance(runId: string): Promise<void> {
    await run(() => api.undoAcceptance(runId))
    await loadContext()
  }

  async function setFilter(next: Partial<AdjudicationFilter>): Promise<void> {
    filter.value = { ...filter.value, ...next }
    index.value = 0
    await loadContext()
  }

  return {
    view,
    filter,
    index,
    shown,
    current,
    coders,
    context,
    error,
    busy,
    load,
    step,
    decide,
    acceptAutomatically,
    undoAcceptance,
    setFilter,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAdjudicationStore, import.meta.hot))
