import { ref, shallowRef, watch } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type {
  DisagreementsView,
  DrawSampleRequest,
  HistoryPoint,
  ReliabilityView,
  SampleSizeRequest,
  SamplesView,
} from '../../../electron/contract/reliability'
import { api } from '../api'
import { useDocumentStore } from './document'
import { useTeamStore } from './team'

/**
 * The reliability work of the team: samples and blind coding, the agreement between the
 * project's coders (computed in the core when the analyst asks), its history over the rounds,
 * and the disagreements to discuss.
 */
export const useReliabilityStore = defineStore('reliability', () => {
  /** The last report, or null before the first. */
  const report = shallowRef<ReliabilityView | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  /** The sample the report and the disagreements are about; null for every sentence. */
  const sampleId = ref<string | null>(null)
  const samples = shallowRef<SamplesView | null>(null)
  const history = shallowRef<HistoryPoint[]>([])
  const disagreements = shallowRef<DisagreementsView | null>(null)
  /** The sentences of the open document this coder codes blind. */
  const blind = shallowRef<{ documentId: string | null; units: Set<string> }>({
    documentId: null,
    units: new Set(),
  })

  async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      const value = await work()
      error.value = null
      return value
    } catch (e) {
      error.value = (e as Error).message
      return undefined
    }
  }

  /** Computes the report anew from every coder's labels (of the chosen sample). */
  async function compute(): Promise<void> {
    loading.value = true
    try {
      const next = await attempt(() => api.getReliability(sampleId.value))
      if (next) report.value = next
    } finally {
      loading.value = false
    }
  }

  async function loadSamples(): Promise<void> {
    const next = await attempt(() => api.getSamples())
    if (next) samples.value = next
  }

  async function loadHistory(): Promise<void> {
    const next = await attempt(() => api.getReliabilityHistory())
    if (next) history.value = next
  }

  async function loadDisagreements(): Promise<void> {
    const next = await attempt(() => api.getDisagreements(sampleId.value))
    if (next) disagreements.value = next
  }

  /** Everything the reliability view shows, for the chosen sample. */
  async function loadAll(): Promise<void> {
    await loadSamples()
    await Promise.all([compute(), loadHistory(), loadDisagreements()])
  }

  async function choose(id: string | null): Promise<void> {
    sampleId.value = id
    await Promise.all([compute(), loadDisagreements()])
  }

  /** The blind sentences of a document, asked anew (after a draw, a done mark, from sync). */
  async function loadBlind(documentId: string | null): Promise<void> {
    const units = documentId ? await api.getBlindUnits(documentId).catch(() => []) : []
    blind.value = { documentId, units: new Set(units) }
  }

  /**
   * Whether a sentence is coded blind by this coder: no other coder's labels and no model
   * suggestion may show on it.
   */
  function isBlind(documentId: string, unitId: string): boolean {
    return blind.value.documentId === documentId && blind.value.units.has(unitId)
  }

  /** A sample drawn, done or lifted changes what is blind: the other coders' labels follow. */
  /** isBlind, asking the core first when the blind set of that document is not loaded yet. */
  async function isBlindNow(documentId: string, unitId: string): Promise<boolean> {
    if (blind.value.documentId !== documentId) await loadBlind(documentId)
    return isBlind(documentId, unitId)
  }

  async function afterSampleChange(): Promise<void> {
    await loadSamples()
    const documentId = useDocumentStore().documentId
    await Promise.all([loadBlind(documentId), useTeamStore().loadLayers(documentId)])
    await Promise.all([loadHistory(), loadDisagreements()])
  }

  /** Draws a sample; throws the core's message for the dialog to show. */
  async function draw(request: DrawSampleRequest): Promise<void> {
    const drawn = await api.drawSample(request)
    sampleId.value = drawn.id
    await afterSampleChange()
  }

  async function markDone(id: string): Promise<void> {
    await api.markSampleDone(id)
    await afterSampleChange()
  }

  async function liftBlinding(id: string): Promise<void> {
    await api.liftBlinding(id)
    await afterSampleChange()
  }

  /** How many sentences a sample needs, or null for parameters outside the helper's range. */
  async function sampleSize(request: SampleSizeRequest): Promise<number | null> {
    return api.sampleSize(request).catch(() => null)
  }

  async function saveNote(
    documentId: string,
    unitId: string,
    note: string,
    codebookProblem: boolean,
  ): Promise<void> {
    await api.setDisagreementNote(documentId, unitId, note, codebookProblem)
    await loadDisagreements()
  }

  /** The blind set follows the open document. */
  function start(): void {
    const doc = useDocumentStore()
    watch(
      () => doc.documentId,
      (id) => void loadBlind(id),
      { immediate: true },
    )
  }

  return {
    report,
    loading,
    error,
    sampleId,
    samples,
    history,
    disagreements,
    blind,
    compute,
    loadSamples,
    loadHistory,
    loadDisagreements,
    loadAll,
    choose,
    loadBlind,
    isBlind,
    isBlindNow,
    draw,
    markDone,
    liftBlinding,
    sampleSize,
    saveNote,
    start,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useReliabilityStore, import.meta.hot))
