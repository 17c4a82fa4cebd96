/**
 * Each coder's agreement with the gold layer, per dimension: feedback for the coders after an
 * adjudication. The measures are the reliability room's (percent agreement and Cohen's kappa
 * over the sentences both the coder and gold hold a value for), with gold as the second coder.
 */
import type { GoldAgreementView, GoldSentence } from '../../contract/adjudication'
import type { Statement } from '../../contract/model'
import { cohenKappa, isApplicable } from '../reliability/kappa'
import type { ReliabilityData } from '../reliability/data'
import { labelsIn } from './rules'

/** A coder's statements per sentence key (`document/unit`), only the sentences they coded. */
export type CoderSentences = ReadonlyMap<string, readonly Statement[]>

const NONE = '(none)'

function asCategory(labels: readonly string[]): string {
  return labels.length ? labels.join('+') : NONE
}

export function goldAgreement(
  gold: ReadonlyMap<string, GoldSentence>,
  coders: ReadonlyMap<string, CoderSentences>,
  dimensions: readonly string[],
): GoldAgreementView[] {
  const out: GoldAgreementView[] = []
  for (const [coder, sentences] of coders)
    for (const dimension of dimensions) {
      const units: ReliabilityData<string>['units'][number][] = []
      for (const [ref, statements] of sentences) {
        const value = gold.get(ref)?.values[dimension]
        if (!value) continue
        units.push({
          id: ref,
          values: [asCategory(labelsIn(statements, dimension)), asCategory(value.labels)],
        })
      }
      if (units.length === 0) continue
      const agreeing = units.filter((u) => u.values[0] === u.values[1]).length
      const kappa = cohenKappa({ coders: [coder, 'gold'], units })
      out.push({
        coder,
        dimension,
        units: units.length,
        percent: agreeing / units.length,
        kappa: isApplicable(kappa) ? kappa.value : null,
      })
    }
  return out
}
