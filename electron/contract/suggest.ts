/**
 * Learned suggestions as the renderer sees them: the model's labels for one sentence, the
 * queues, the quality figures and the switches. Plain serialisable data.
 */

/** One label the model proposes, with its probability. */
export interface SuggestedLabel {
  labelId: string
  /** The model's probability of the label, 0 to 1. */
  confidence: number
}

/**
 * What the model of one dimension says about a sentence. `state` is why there is nothing to
 * show: `off` (switched off), `cold` (too few labels yet: `needed` more, `count` so far),
 * `blind` (the sentence is in a reliability sample this coder codes blind), `ready`.
 */
export interface DimensionSuggestion {
  dimensionId: string
  state: 'off' | 'cold' | 'blind' | 'ready'
  /** The labels the model would choose (the likeliest one, or each above one half). */
  labels: SuggestedLabel[]
  /** Names the model that made them: the labels it was trained on and its updates since. */
  version: string | null
  /** Coded sentences the model learned from (or, cold, counted so far). */
  count: number
  /** Coded sentences still needed before suggestions start (cold only). */
  needed: number
}

export interface SentenceSuggestions {
  documentId: string
  unitId: string
  dimensions: DimensionSuggestion[]
}

/** The order of the suggestion queues. */
export type SuggestionOrder = 'uncertain' | 'confident'

/** A sentence a queue leads to, with the margin between the model's two likeliest labels. */
export interface QueueHit {
  documentId: string
  unitId: string
  dimensionId: string
  margin: number
}

/** How far a dimension's model can be trusted, from the project's coded sentences. */
export interface SuggestionQuality {
  dimensionId: string
  /** Cross-validated, predictions of all folds pooled. */
  macroF1: number
  accuracy: number
  folds: number
  coded: number
  perLabel: Array<{
    labelId: string
    precision: number
    recall: number
    f1: number
    support: number
  }>
  /** Macro-F1 on one held-out fold against the number of coded sentences trained on. */
  learningCurve: Array<{ coded: number; macroF1: number }>
}

/** Suggestions on or off, for all dimensions or some. Kept in the project's machine-local state. */
export interface SuggestionSwitches {
  enabled: boolean
  /** Dimension ids switched off. */
  off: string[]
}
