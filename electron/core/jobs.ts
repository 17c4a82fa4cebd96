import type { ImportProgress, JobKind, JobStatus } from '../contract/model'
import { msg } from '../contract/messages'
import { UserError } from './errors'

export interface JobContext {
  signal: AbortSignal
  progress: (p: ImportProgress) => void
}

/**
 * Long work (imports, exports) runs as a job the renderer polls: it shows progress, can be
 * cancelled, and never blocks other calls. Finished jobs are kept for a while so the renderer
 * can read their outcome.
 */
export class JobRunner {
  private jobs = new Map<string, { status: JobStatus; controller: AbortController }>()
  private counter = 0

  start(kind: JobKind, work: (ctx: JobContext) => Promise<Partial<JobStatus>>): string {
    const id = `job-${++this.counter}-${Date.now().toString(36)}`
    const controller = new AbortController()
    const status: JobStatus = { id, kind, state: 'running', done: 0, total: 0 }
    this.jobs.set(id, { status, controller })
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (p) => Object.assign(status, { done: p.done, total: p.total, current: p.current }),
    }
    void work(ctx).then(
      (outcome) => {
        Object.assign(status, outcome)
        status.state = controller.signal.aborted ? 'cancelled' : (outcome.state ?? 'done')
      },
      (e: unknown) => {
        status.state = controller.signal.aborted ? 'cancelled' : 'failed'
        status.error =
          e instanceof UserError
            ? e.toMessage()
            : msg('job.failed', { detail: (e as Error).message ?? String(e) })
      },
    )
    this.prune()
    return id
  }

  get(id: string): JobStatus | undefined {
    const job = this.jobs.get(id)
    return job ? { ...job.status } : undefined
  }

  cancel(id: string): boolean {
    const job = this.jobs.get(id)
    if (!job) return false
    job.controller.abort()
    return true
  }

  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.status.state === 'running') job.controller.abort()
  }

  /** Resolves when no job is running (used before closing the project). */
  async idle(): Promise<void> {
    while ([...this.jobs.values()].some((j) => j.status.state === 'running'))
      await new Promise((r) => setTimeout(r, 20))
  }

  private prune(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.status.state !== 'running')
    for (const [id] of finished.slice(0, Math.max(0, finished.length - 20))) this.jobs.delete(id)
  }
}
