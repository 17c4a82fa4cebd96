import { computed, ref, shallowRef, watch } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { CoderLayer, TeamStatus } from '../../../electron/contract/team'
import { api } from '../api'
import { useDocumentStore } from './document'
import { useProjectStore } from './project'
import { useReliabilityStore } from './reliability'

/** How often the renderer asks whether files from another machine changed the project. */
const POLL_MS = 2_000

/**
 * The team of the project: coders and their progress, the other coders' labels of the open
 * document (read-only), files of the shared folder that were not read, and competing codebook
 * versions. Polls the core; when the team's revision rises, what the views show is reloaded.
 * The analyst's own layer is never replaced by this: only the list, the codebook and the other
 * coders' labels are.
 */
export const useTeamStore = defineStore('team', () => {
  const status = shallowRef<TeamStatus | null>(null)
  /** The other coders' labels of the open document. */
  const layers = shallowRef<CoderLayer[]>([])
  const error = ref<string | null>(null)
  let timer: ReturnType<typeof setInterval> | null = null

  const others = computed(() => status.value?.coders.filter((c) => !c.me) ?? [])
  /** True once a second coder has labels in the project: the team views appear. */
  const isTeam = computed(() => others.value.some((c) => c.annotatedCount > 0))
  const problems = computed(() => status.value?.problems ?? [])
  const conflict = computed(() => status.value?.codebookConflict ?? null)

  async function loadLayers(documentId: string | null): Promise<void> {
    layers.value = documentId ? await api.getCoderLayers(documentId).catch(() => []) : []
  }

  /** Asks the core for the team; reloads the views when something arrived from another machine. */
  async function refresh(): Promise<void> {
    try {
      const next = await api.getTeam()
      const before = status.value?.revision
      status.value = next
      error.value = null
      if (before !== undefined && before !== next.revision) {
        const project = useProjectStore()
        await project.reloadShared()
        await loadLayers(useDocumentStore().documentId)
        await useReliabilityStore().loadBlind(useDocumentStore().documentId)
      }
    } catch (e) {
      error.value = (e as Error).message
    }
  }

  /** The cheap question asked every few seconds: the whole team only when its revision rose. */
  async function poll(): Promise<void> {
    const revision = await api.getTeamRevision().catch(() => null)
    if (revision !== null && revision !== status.value?.revision) await refresh()
  }

  /** Starts polling (once); the open document's other layers follow the document. */
  function start(): void {
    if (timer) return
    void refresh()
    timer = setInterval(() => void poll(), POLL_MS)
    const doc = useDocumentStore()
    watch(
      () => doc.documentId,
      (id) => void loadLayers(id),
      { immediate: true },
    )
    // Which sentences this coder codes blind follows the document too.
    useReliabilityStore().start()
  }

  function stop(): void {
    if (timer) clearInterval(timer)
    timer = null
  }

  /** Chooses which of competing codebook versions stands. */
  async function chooseCodebook(versionId: string): Promise<void> {
    await api.chooseCodebookVersion(versionId)
    await useProjectStore().reloadShared()
    await refresh()
  }

  /** Sets the analyst's initials, shown to the other coders. */
  async function setInitials(initials: string): Promise<void> {
    await api.setInitials(initials)
    await refresh()
  }

  /**
   * Per other coder, how many sentences of a document they coded (the analyst's own progress is
   * the document's, kept current by every save).
   */
  function progressOf(documentId: string) {
    return others.value.map((c) => ({
      id: c.id,
      name: c.name,
      short: c.initials || c.name.slice(0, 2),
      me: c.me,
      done: c.annotated[documentId] ?? 0,
    }))
  }

  return {
    status,
    layers,
    error,
    others,
    isTeam,
    problems,
    conflict,
    refresh,
    loadLayers,
    start,
    stop,
    chooseCodebook,
    setInitials,
    progressOf,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useTeamStore, import.meta.hot))
