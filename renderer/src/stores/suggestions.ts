import { ref, shallowRef } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type {
  QueueHit,
  SentenceSuggestions,
  SuggestionOrder,
  SuggestionQuality,
  SuggestionSwitches,
} from '../../../electron/contract/suggest'
import { api } from '../api'
import { useReliabilityStore } from './reliability'

/** The learned model's suggestions for the focused sentence, its queues, quality and switches. */
export const useSuggestionsStore = defineStore('suggestions', () => {
  /** The focused sentence's suggestions, or null while none are known. */
  const current = shallowRef<SentenceSuggestions | null>(null)
  const switches = ref<SuggestionSwitches>({ enabled: true, off: [] })
  const error = ref<string | null>(null)
  // Only the answer for the latest question is shown: focus moves faster than a model answers.
  let ticket = 0

  /** Asks the model about one sentence (after every focus change and label saved). */
  async function load(documentId: string, unitId: string): Promise<void> {
    const mine = ++ticket
    if (current.value && current.value.unitId !== unitId) current.value = null
    try {
      // A sentence this coder codes blind in a reliability sample never shows suggestions.
      if (await useReliabilityStore().isBlindNow(documentId, unitId)) {
        if (mine === ticket) current.value = null
        return
      }
      const answer = await api.getSuggestions(documentId, unitId)
      if (mine === ticket) {
        current.value = answer
        error.value = null
      }
    } catch (e) {
      if (mine === ticket) {
        current.value = null
        error.value = (e as Error).message
      }
    }
  }

  function clear(): void {
    ticket++
    current.value = null
  }

  /** The next sentence of a queue (the model's least or most sure), leaving out `skip`. */
  function next(
    order: SuggestionOrder,
    skip: { documentId: string; unitId: string } | null,
  ): Promise<QueueHit | null> {
    return api.nextSuggested(order, null, skip)
  }

  /** Cross-validated quality of a dimension's model. */
  function quality(dimensionId: string): Promise<SuggestionQuality> {
    return api.getSuggestionQuality(dimensionId)
  }

  async function loadSwitches(): Promise<void> {
    switches.value = await api.getSuggestionSwitches()
  }

  /** Turns suggestions on or off, entirely or for one dimension. */
  async function setSwitches(next: SuggestionSwitches): Promise<void> {
    switches.value = await api.setSuggestionSwitches(next)
  }

  return { current, switches, error, load, clear, next, quality, loadSwitches, setSwitches }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSuggestionsStore, import.meta.hot))
