/**
 * The team side of a project, as the renderer sees it: who codes, how far each coder is, what
 * the shared folder holds that was not read, and competing codebook versions.
 */
import type { Message } from './messages'
import type { SentenceAnnotation } from './model'

export interface CoderView {
  id: string
  /** The name the coder chose (looked up from their profile); the id when none is known. */
  name: string
  initials?: string
  /** True for the coder using this machine: the only layer this app writes. */
  me: boolean
  /** Per document id, how many of its sentences this coder has coded. */
  annotated: Record<string, number>
  /** Sentences coded over the whole corpus. */
  annotatedCount: number
}

/** A file of the shared folder the app did not read, with the reason; path relative to the project. */
export interface TeamProblemView {
  path: string
  kind: 'refused' | 'conflict-copy'
  message: Message
}

export interface CodebookCandidate {
  /** What a coder chooses by. */
  id: string
  version: number
  coder: string
  coderName: string
  savedAt: string
  /** What this version changed against the version both started from. */
  changes: Message[]
}

export interface CodebookConflictView {
  baseVersion: number | null
  candidates: CodebookCandidate[]
  /** The candidate in use until a coder chooses. */
  inUse: string
}

export interface TeamStatus {
  me: { id: string; name: string; initials?: string }
  coders: CoderView[]
  problems: TeamProblemView[]
  codebookConflict: CodebookConflictView | null
  /**
   * Rises whenever files from another machine changed what the project shows (a layer, a
   * document, a codebook version): a view that saw an older revision reloads.
   */
  revision: number
}

/** Another coder's labels of one document, read-only. */
export interface CoderLayer {
  coder: string
  name: string
  annotations: Record<string, SentenceAnnotation>
}
