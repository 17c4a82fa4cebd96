/**
 * The reliability report as the renderer receives it: agreement between the coders of a team
 * project, per dimension, per label and for the statements (see core/reliability).
 */
import type { Message } from './messages'

/** A coefficient, or why it has none ("undefined", never 1, 0 or NaN). */
export interface EstimateView {
  value: number | null
  reason?: Message
}

export type VerdictLevel = 'reliable' | 'tentative' | 'unreliable' | 'undefined'

export interface AlphaView {
  metric: 'nominal' | 'ordinal' | 'interval' | 'ratio' | 'jaccard' | 'masi'
  alpha: EstimateView
  /** The bootstrap's central 95 % interval and the shares of resamples below the thresholds. */
  interval?: { low: number; high: number; level: number; draws: number }
  pBelow800?: number
  pBelow667?: number
  verdict: VerdictLevel
  /** The bootstrap leaves more than 5 % doubt about the verdict: code more units. */
  uncertain: boolean
}

export interface CoderPairView {
  first: string
  second: string
  units: number
  alpha: EstimateView
  percentAgreement: EstimateView
}

export interface ReliabilityVariableView {
  /** A dimension id, or "statements" for the (actor, concept, stance) triples. */
  id: string
  name: string
  /** Sentences coded by anyone, by two coders or more, the coders, the pairable values. */
  units: number
  pairableUnits: number
  coders: number
  pairable: number
  alpha: AlphaView
  percentAgreement: EstimateView
  cohenKappa: EstimateView | null
  fleissKappa: EstimateView | null
  coderMatrix: CoderPairView[]
  /** Multiple-choice dimensions: each label as presence or absence. */
  labels: { id: string; name: string; alpha: AlphaView; percentAgreement: EstimateView }[]
}

export interface ReliabilityView {
  codebookVersion: number
  coders: { id: string; name: string }[]
  variables: ReliabilityVariableView[]
}
