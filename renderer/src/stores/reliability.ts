import { ref, shallowRef } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { ReliabilityView } from '../../../electron/contract/reliability'
import { api } from '../api'

/** The agreement between the project's coders, computed in the core when the analyst asks. */
export const useReliabilityStore = defineStore('reliability', () => {
  /** The last report, or null before the first. */
  const report = shallowRef<ReliabilityView | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)

  /** Computes the report anew from every coder's labels. */
  async function compute(): Promise<void> {
    loading.value = true
    try {
      report.value = await api.getReliability()
      error.value = null
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      loading.value = false
    }
  }

  return { report, loading, error, compute }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useReliabilityStore, import.meta.hot))
