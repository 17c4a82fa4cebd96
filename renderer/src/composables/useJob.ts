import { computed, getCurrentScope, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import type { JobStatus } from '../../../electron/contract/model'

/** The two calls a job needs; the app passes its api client, a test a fake. */
export interface JobClient {
  getJob(jobId: string): Promise<JobStatus>
  cancelJob(jobId: string): Promise<void>
}

export interface UseJobOptions {
  /** How often a running job is asked for its progress. */
  intervalMs?: number
  /** Called once when the job has ended (done, failed or cancelled). */
  onEnd?: (status: JobStatus) => void | Promise<void>
}

/**
 * Follows the job whose id is in `jobId`: polls it while it runs and stops when it ends, when
 * the id changes, or when the owning component or store goes away.
 */
export function useJob(client: JobClient, jobId: Ref<string | null>, options: UseJobOptions = {}) {
  const intervalMs = options.intervalMs ?? 150
  const status = shallowRef<JobStatus | null>(null)
  /** Why the job could not be followed or cancelled, in words for the analyst. */
  const error = ref<string | null>(null)
  const cancelling = ref(false)
  /** True from the moment there is a job id until the job ends (its first status may be on the way). */
  const running = computed(
    () =>
      jobId.value !== null &&
      !error.value &&
      (status.value === null || status.value.state === 'running'),
  )

  let timer: ReturnType<typeof setTimeout> | undefined
  // Each id gets its own generation, so an answer for a job no longer followed is dropped.
  let generation = 0

  function stop(): void {
    generation++
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }

  async function poll(id: string, mine: number): Promise<void> {
    let next: JobStatus
    try {
      next = await client.getJob(id)
    } catch (e) {
      if (mine === generation) error.value = (e as Error).message
      return
    }
    if (mine !== generation) return
    status.value = next
    if (next.state === 'running') {
      timer = setTimeout(() => void poll(id, mine), intervalMs)
      return
    }
    cancelling.value = false
    await options.onEnd?.(next)
  }

  async function cancel(): Promise<void> {
    const id = jobId.value
    if (!id || !running.value) return
    cancelling.value = true
    try {
      await client.cancelJob(id)
    } catch (e) {
      cancelling.value = false
      error.value = (e as Error).message
    }
  }

  watch(
    jobId,
    (id) => {
      stop()
      status.value = null
      error.value = null
      cancelling.value = false
      if (id) void poll(id, generation)
    },
    { immediate: true },
  )
  if (getCurrentScope()) onScopeDispose(stop)

  return { status, running, error, cancelling, cancel }
}

export type JobHandle = ReturnType<typeof useJob>
