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
  /**
   * A single-choice dimension declared ordinal, interval or ratio in the codebook: alpha with
   * that metric (ranks by the labels' order, or the labels' values), besides the nominal one.
   */
  scaleAlpha?: AlphaView
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

/** What a reliability sample holds: whole documents, or single sentences. */
export type SampleUnit = 'documents' | 'sentences'

/** A request to draw a sample, from the dialog or the CLI. */
export interface DrawSampleRequest {
  /** Shown in the lists; "Round n" when empty. */
  name: string
  unit: SampleUnit
  size: number
  seed: number
  /** A metadata field (outlet, date) to stratify by, or null. */
  stratifyBy: string | null
  /** The coders who code the sample (ids); blind to each other until each marks it done. */
  coders: string[]
}

/**
 * A sample as stored in `reliability/<coder>.json` of the coder who drew it, and as listed: its
 * sentences, whose coders are blind to each other's labels on them, round by round.
 */
export interface SampleView {
  id: string
  name: string
  /** 1 for the first sample drawn in the project, and so on (by the time of drawing). */
  round: number
  drawnBy: string
  drawnAt: string
  unit: SampleUnit
  seed: number
  stratifyBy: string | null
  coders: string[]
  codebookVersion: number
  /** Per document, its sentences in the sample (all its sentences for a document sample). */
  items: { documentId: string; unitIds: string[] }[]
  sentenceCount: number
  /** The coders who have marked the sample done. */
  done: string[]
  /** Who lifted the blinding for everyone, if anyone did. */
  liftedBy: string | null
  /** This machine's coder codes the sample and may not see the others' labels on it yet. */
  blindForMe: boolean
}

export interface SamplesView {
  samples: SampleView[]
  /** Document metadata fields a sample can be stratified by. */
  fields: string[]
  /** The coders of the project (ids and names), to choose from. */
  coders: { id: string; name: string }[]
  /** Reliability files from other machines that were refused (damaged, not the app's). */
  problems: Message[]
}

/** Krippendorff's sample-size helper (Bloch and Kraemer): the inputs. */
export interface SampleSizeRequest {
  minimumAlpha: number
  significance: number
  smallestShare: number
}

/** One point of the history: the alpha of every dimension over one sample's sentences. */
export interface HistoryPoint {
  sampleId: string
  name: string
  round: number
  codebookVersion: number
  variables: { id: string; name: string; alpha: number | null }[]
}

/** One coder's values of a sentence to discuss, per dimension id. */
export interface DisagreementCoder {
  coder: string
  name: string
  labels: Record<string, string[]>
}

/** A sentence where coders differ, in the article's context, with the team's note on it. */
export interface DisagreementView {
  documentId: string
  documentTitle: string
  unitId: string
  text: string
  before: string
  after: string
  coders: DisagreementCoder[]
  /** The dimensions on which the coders differ. */
  dimensions: string[]
  /** This machine's coder's note and mark (each coder keeps their own). */
  note: string
  codebookProblem: boolean
  /** Every coder's notes on this sentence, this machine's first. */
  notes: { coder: string; name: string; note: string; codebookProblem: boolean }[]
}

/** A sentence some coder marked as a problem of the codebook, for its next version. */
export interface CodebookProblemView {
  documentId: string
  documentTitle: string
  unitId: string
  text: string
  coder: string
  name: string
  note: string
  at: string
}

export interface DisagreementsView {
  /** The sample the list is drawn from, or null for every sentence coded twice. */
  sampleId: string | null
  items: DisagreementView[]
  /** Sentences of a sample this coder codes blind: left out until the sample is done. */
  hiddenBlind: number
  problems: CodebookProblemView[]
}
