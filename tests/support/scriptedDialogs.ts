import type { Dialogs } from '../../electron/core/dialogs'

type DialogName = keyof Dialogs
type Answer<K extends DialogName> = Awaited<ReturnType<Dialogs[K]>>

/** What each dialog returns when the analyst cancels it. */
const CANCELLED: { [K in DialogName]: Answer<K> } = {
  chooseImportFiles: [],
  chooseImportFolder: null,
  chooseCodebookFile: null,
  chooseSaveFile: null,
  chooseExportFolder: null,
  confirmOverwrite: false,
}

/**
 * File dialogs for the UI tests: a test queues the answers the analyst would give, and each
 * dialog returns the next one, or the cancel value when none is queued. What was asked is kept,
 * so a test can check the suggested file name.
 */
export class ScriptedDialogs implements Dialogs {
  private readonly queued: { [K in DialogName]?: Array<Answer<K>> } = {}
  readonly asked: Array<{ dialog: DialogName; args: unknown[] }> = []

  /** Queues the answer the next call of `dialog` gives. */
  answer<K extends DialogName>(dialog: K, value: Answer<K>): void {
    const queue = (this.queued[dialog] ?? []) as Array<Answer<K>>
    queue.push(value)
    this.queued[dialog] = queue as (typeof this.queued)[K]
  }

  private next<K extends DialogName>(dialog: K, args: unknown[]): Promise<Answer<K>> {
    this.asked.push({ dialog, args })
    const queue = this.queued[dialog] as Array<Answer<K>> | undefined
    return Promise.resolve(queue?.length ? (queue.shift() as Answer<K>) : CANCELLED[dialog])
  }

  chooseImportFiles(): Promise<string[]> {
    return this.next('chooseImportFiles', [])
  }

  chooseImportFolder(): Promise<string | null> {
    return this.next('chooseImportFolder', [])
  }

  chooseCodebookFile(): Promise<string | null> {
    return this.next('chooseCodebookFile', [])
  }

  chooseSaveFile(
    suggested: string,
    filterName: string,
    extensions: string[],
  ): Promise<string | null> {
    return this.next('chooseSaveFile', [suggested, filterName, extensions])
  }

  chooseExportFolder(): Promise<string | null> {
    return this.next('chooseExportFolder', [])
  }

  confirmOverwrite(folder: string, names: string[]): Promise<boolean> {
    return this.next('confirmOverwrite', [folder, names])
  }
}
