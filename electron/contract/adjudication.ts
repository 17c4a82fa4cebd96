/**
 * The gold layer and its adjudication, as core stores it and the renderer sees it.
 *
 * The unit of a decision is a value: the labels one sentence carries in one dimension (across
 * its statements), as the reliability measures compare them. Each value of the gold layer keeps
 * its provenance: which coders had it, whether it was accepted automatically (all coders agreed,
 * or a majority) or decided by an adjudicator, by whom, when, and a note.
 */
import type { Statement } from './model'
import type { TeamProblemView } from './team'

/** How a gold value came to be. */
export type GoldOrigin = 'unanimous' | 'majority' | 'decided'

/** The automatic acceptance an adjudicator chooses: all coders agree, a majority, or nothing. */
export type AcceptRule = 'unanimous' | 'majority'

export interface GoldValue {
  /** Label ids, sorted; empty when the decision is that the sentence has none in this dimension. */
  labels: string[]
  /** The coders whose value this was (sorted ids). */
  coders: string[]
  origin: GoldOrigin
  /** The adjudicator's coder id. */
  by: string
  /** ISO time of the decision. */
  at: string
  note?: string
  /** The automatic acceptance that set this value, so that it can be undone as a whole. */
  run?: string
}

/** The gold of one sentence: a value per decided dimension, and the statements to export. */
export interface GoldSentence {
  values: Record<string, GoldValue>
  /**
   * The gold statements: those of the coder whose values were taken for every dimension, or one
   * statement holding the decided values.
   */
  statements: Statement[]
}

/** One automatic acceptance, as listed for the adjudicator (and undone by its id). */
export interface AcceptRun {
  id: string
  rule: AcceptRule
  by: string
  at: string
  /** How many values it accepted. */
  values: number
}

/** One coder's statements of one sentence, for the side-by-side view. */
export interface CoderStatements {
  coder: string
  statements: Statement[]
}

/** One dimension of one sentence as the coders coded it. */
export interface ValueComparison {
  dimension: string
  /** Per coder id (only coders who coded the sentence), their labels, sorted. */
  byCoder: Record<string, string[]>
  /** True when every coder who coded the sentence has the same labels. */
  agreed: boolean
  /** The labels more than half of the coders have, if any. */
  majority: string[] | null
  gold: GoldValue | null
}

/** A sentence coded by two coders or more, with what each gave it and what gold holds. */
export interface SentenceAdjudication {
  documentId: string
  unitId: string
  text: string
  coders: CoderStatements[]
  values: ValueComparison[]
  /** True when some dimension is not agreed by every coder. */
  disagreement: boolean
  /** True when every dimension any coder used has a gold value. */
  resolved: boolean
}

/** One coder's agreement with the gold layer in one dimension. */
export interface GoldAgreementView {
  coder: string
  dimension: string
  /** Sentences both the coder and gold hold a value for. */
  units: number
  /** The share of those where the coder's value equals gold's. */
  percent: number | null
  /** Cohen's kappa between the coder and gold; null when undefined (no variation). */
  kappa: number | null
}

/** The adjudication of a project, for the view and the CLI's `info`. */
export interface AdjudicationView {
  /** The adjudicator (this machine's coder). */
  me: string
  coders: Array<{ id: string; name: string; initials?: string }>
  /** The name of every coder and adjudicator known to the team, by id (for "decided by"). */
  names: Record<string, string>
  /** Sentences coded by two coders or more, in document and text order. */
  sentences: SentenceAdjudication[]
  progress: {
    /** Sentences with a disagreement, and how many of them gold resolves. */
    disagreements: number
    resolvedDisagreements: number
    /** Gold values per origin, over the project. */
    unanimous: number
    majority: number
    decided: number
  }
  runs: AcceptRun[]
  agreement: GoldAgreementView[]
  /** Gold files from another machine that were not read (damaged, conflict copies), and why. */
  problems: TeamProblemView[]
}

/** What an adjudicator decides for one sentence. */
export type AdjudicationChoice =
  | { kind: 'coder'; coder: string }
  | { kind: 'majority' }
  | { kind: 'edit'; values: Record<string, string[]> }
  | { kind: 'clear' }
