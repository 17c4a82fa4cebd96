/**
 * The reliability of a team project for the renderer: every coder's layer in, the report of
 * each dimension, label and the statements out, as plain serialisable data.
 */
import type { NetworkDimensions } from '../../contract/exportOptions'
import type { Codebook } from '../../contract/model'
import type {
  AlphaView,
  EstimateView,
  ReliabilityVariableView,
  ReliabilityView,
} from '../../contract/reliability'
import type { BootstrapOptions } from './bootstrap'
import type { Estimate } from './data'
import { isApplicable, type Applicable } from './kappa'
import { projectReliabilityData, type CoderAnnotations, type SentenceRef } from './projectData'
import { alphaOnly, variableReport, type AlphaReport } from './report'

function estimateView(e: Estimate): EstimateView {
  return e.value === null ? { value: null, reason: e.reason } : { value: e.value }
}

function applicableView(a: Applicable): EstimateView | null {
  return isApplicable(a) ? estimateView(a) : null
}

function alphaView(a: AlphaReport): AlphaView {
  const b = a.bootstrap
  return {
    metric: a.metric,
    alpha: estimateView(a.alpha),
    ...(b
      ? {
          interval: { low: b.low, high: b.high, level: b.level, draws: b.draws },
          pBelow800: b.pBelow800,
          pBelow667: b.pBelow667,
        }
      : {}),
    verdict: a.verdict.level,
    uncertain: a.verdict.uncertain,
  }
}

export function reliabilityView(
  codebook: Codebook,
  sentences: readonly SentenceRef[],
  layers: readonly CoderAnnotations[],
  coders: { id: string; name: string }[],
  network: NetworkDimensions,
  bootstrap: BootstrapOptions | false = {},
): ReliabilityView {
  const labelName = new Map(
    codebook.dimensions.flatMap((d) => d.labels.map((l) => [`${d.id}/${l.id}`, l.name] as const)),
  )
  const variables: ReliabilityVariableView[] = projectReliabilityData(
    codebook,
    sentences,
    layers,
    network,
  ).map((v) => {
    const report = variableReport(v.data, { metric: v.metric, bootstrap })
    const isDimension = v.id !== 'statements'
    return {
      id: v.id,
      name: v.name,
      units: report.counts.units,
      pairableUnits: report.counts.pairableUnits,
      coders: report.counts.coders,
      pairable: report.counts.pairable,
      alpha: alphaView(report.alphas[0]),
      ...(v.scaled
        ? { scaleAlpha: alphaView(alphaOnly(v.scaled.data, v.scaled.metric, bootstrap)) }
        : {}),
      percentAgreement: estimateView(report.percentAgreement),
      cohenKappa: applicableView(report.cohenKappa),
      fleissKappa: applicableView(report.fleissKappa),
      coderMatrix: report.coderMatrix.map((p) => ({
        first: p.first,
        second: p.second,
        units: p.units,
        alpha: estimateView(p.alpha),
        percentAgreement: estimateView(p.percentAgreement),
      })),
      labels: isDimension
        ? (report.labels ?? []).map((l) => ({
            id: l.label,
            name: labelName.get(`${v.id}/${l.label}`) ?? l.label,
            alpha: alphaView(l.alpha),
            percentAgreement: estimateView(l.percentAgreement),
          }))
        : [],
    }
  })
  return {
    codebookVersion: codebook.version,
    coders: coders.map((c) => ({ id: c.id, name: c.name })),
    variables,
  }
}
