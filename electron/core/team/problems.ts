import type { Message } from '../../contract/messages'

/**
 * A file of the shared folder the app did not read: refused by validation (damaged, truncated,
 * hostile, or from a newer app), or a copy a sync engine left after two machines wrote one file.
 * `path` is relative to the project folder.
 */
export interface TeamProblem {
  path: string
  kind: 'refused' | 'conflict-copy'
  message: Message
}
