import { computed, ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { ExportOptions, ImportSource, JobStatus } from '../../../electron/contract/model'
import { api } from '../api'
import { useCoding } from '../composables/useCoding'
import { useJob } from '../composables/useJob'
import { useDocumentStore } from './document'
import { useProjectStore } from './project'
import { useUiStore } from './ui'

/** A file that never reached main (too large, unreadable in the page), shown with the report. */
export interface LocalFailure {
  origin: string
  reason: string
}

/**
 * The import and the export the analyst started. They live here rather than in their dialogs so
 * that a job keeps being followed, and the document list refreshed, when its dialog is closed.
 */
export const useJobsStore = defineStore('jobs', () => {
  const importJobId = ref<string | null>(null)
  const importError = ref<string | null>(null)
  /** Dropped files the page could not hand over; listed with the import's failures. */
  const localFailures = ref<LocalFailure[]>([])
  const importJob = useJob(api, importJobId, { onEnd: afterImport })

  const exportJobId = ref<string | null>(null)
  const exportError = ref<string | null>(null)
  const exportJob = useJob(api, exportJobId)

  /**
   * Starts an import and opens the import dialog on it. Resolves with false when the analyst
   * cancelled the file dialog or the import could not start.
   */
  async function startImport(
    source: ImportSource,
    failures: LocalFailure[] = [],
  ): Promise<boolean> {
    useUiStore().importOpen = true
    if (importJob.running.value) return false
    importError.value = null
    try {
      const id = await api.startImport(source)
      if (!id) return false
      localFailures.value = failures
      importJobId.value = id
      return true
    } catch (e) {
      importError.value = (e as Error).message
      return false
    }
  }

  /** Shows the files that never reached main as the outcome when none of them could be sent. */
  function reportLocalFailures(failures: LocalFailure[]): void {
    useUiStore().importOpen = true
    if (importJob.running.value) return
    importJobId.value = null
    importError.value = null
    localFailures.value = failures
  }

  /** Forgets the last import's outcome, back to choosing files. */
  function resetImport(): void {
    if (importJob.running.value) return
    importJobId.value = null
    importError.value = null
    localFailures.value = []
  }

  /** The new documents join the list; with none open yet, the first of them opens. */
  async function afterImport(status: JobStatus): Promise<void> {
    await useProjectStore().load()
    const first = status.report?.imported[0]
    if (first && !useDocumentStore().documentId) await useCoding().goTo(first.id)
  }

  /** Asks main for the target and starts the export; false when the analyst cancelled. */
  async function startExport(options: ExportOptions): Promise<boolean> {
    if (exportJob.running.value) return false
    exportError.value = null
    try {
      const id = await api.startExport(options)
      if (!id) return false
      exportJobId.value = id
      return true
    } catch (e) {
      exportError.value = (e as Error).message
      return false
    }
  }

  function resetExport(): void {
    if (exportJob.running.value) return
    exportJobId.value = null
    exportError.value = null
  }

  return {
    /** The import's progress and, once it ended, its report. */
    importStatus: importJob.status,
    importRunning: importJob.running,
    importCancelling: importJob.cancelling,
    /** Why the import could not start or be followed. */
    importError: computed(() => importError.value ?? importJob.error.value),
    localFailures,
    startImport,
    cancelImport: importJob.cancel,
    reportLocalFailures,
    resetImport,
    /** The export's progress and, once it ended, what it wrote. */
    exportStatus: exportJob.status,
    exportRunning: exportJob.running,
    exportCancelling: exportJob.cancelling,
    exportError: computed(() => exportError.value ?? exportJob.error.value),
    startExport,
    cancelExport: exportJob.cancel,
    resetExport,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useJobsStore, import.meta.hot))
