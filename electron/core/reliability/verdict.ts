/**
 * Krippendorff's standard for a variable: rely on it from α ≥ .800, draw tentative conclusions
 * only from .667 on, discard it below (Krippendorff 2004, Content Analysis, ch. 11.4.4).
 */
import { msg, type Message } from '../../contract/messages'
import type { AlphaBootstrap } from './bootstrap'
import type { Estimate } from './data'

export type VerdictLevel = 'reliable' | 'tentative' | 'unreliable' | 'undefined'

export interface Verdict {
  level: VerdictLevel
  message: Message
  /**
   * True when the bootstrap puts more than 5 % of its alphas below the threshold the point
   * estimate passed: the sample is too small to be sure of the verdict.
   */
  uncertain: boolean
}

export const RELIABLE = 0.8
export const TENTATIVE = 0.667

export function verdict(alpha: Estimate, bootstrap?: AlphaBootstrap): Verdict {
  if (alpha.value === null)
    return { level: 'undefined', message: msg('reliability.verdict.undefined'), uncertain: false }
  const level: VerdictLevel =
    alpha.value >= RELIABLE ? 'reliable' : alpha.value >= TENTATIVE ? 'tentative' : 'unreliable'
  const risk =
    level === 'reliable'
      ? bootstrap?.pBelow800
      : level === 'tentative'
        ? bootstrap?.pBelow667
        : undefined
  return {
    level,
    message: msg(`reliability.verdict.${level}`),
    uncertain: risk !== undefined && risk > 0.05,
  }
}
