/**
 * One pass over the chosen documents: each is read (a few ahead, so the disk works while the
 * previous one is written), flattened, handed on, and dropped. Memory stays flat whatever the
 * size of the project.
 */
import { msg, type Message } from '../../contract/messages'
import type { ProjectRepository } from '../storage/repository'
import { checkCancelled } from './errors'
import type { ExportOptions } from './options'
import { countOrphans, flattenDocument, type ExportControl, type ExportDocument } from './rows'

/** How many documents are being read at once. */
const READ_AHEAD = 8

/**
 * Reads the documents `ids` in order and calls `use` with each one that has units to export
 * (its `split` still null). Reports progress per document and stops when the signal aborts.
 * Returns the warnings about what was left out.
 */
export async function eachDocument(
  repo: ProjectRepository,
  ids: readonly string[],
  options: ExportOptions,
  control: ExportControl,
  use: (doc: ExportDocument) => void | Promise<void>,
): Promise<Message[]> {
  const notes = new PassNotes()
  control.onProgress?.({ done: 0, total: ids.length })
  const read = (id: string) => {
    const view = repo.readInBulk(id)
    view.catch(() => undefined) // awaited below; a read left behind by a cancel must not go unhandled
    return view
  }
  const ahead = ids.slice(0, READ_AHEAD).map(read)
  for (let i = 0; i < ids.length; i++) {
    checkCancelled(control.signal)
    const view = await ahead.shift()!
    if (i + READ_AHEAD < ids.length) ahead.push(read(ids[i + READ_AHEAD]))
    const doc = notes.flatten(view, options)
    if (doc.rows.length > 0) await use(doc)
    control.onProgress?.({ done: i + 1, total: ids.length })
  }
  checkCancelled(control.signal)
  return notes.warnings()
}

/** What a pass tells the analyst about what it left out, gathered document by document. */
export class PassNotes {
  private readonly left: Message[] = []
  private orphaned = 0

  /** Notes a document read elsewhere (a worker thread) by its figures. */
  note(id: string, units: number, orphans: number): void {
    this.orphaned += orphans
    if (units === 0) this.left.push(msg('export.warning.noUnits', { id }))
  }

  /** Notes a document read on this thread and flattens it. */
  flatten(
    view: Awaited<ReturnType<ProjectRepository['readInBulk']>>,
    options: ExportOptions,
  ): ExportDocument {
    const { document, annotations } = view
    this.note(document.id, document.units.length, countOrphans(document, annotations))
    return { document, rows: flattenDocument(document, annotations, options), split: null }
  }

  warnings(): Message[] {
    if (this.orphaned === 0) return [...this.left]
    return [...this.left, msg('export.warning.orphans', { count: this.orphaned })]
  }
}
