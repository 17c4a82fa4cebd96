/**
 * The reliability report of one variable (a codebook dimension, a column of a table): alpha for
 * every metric that fits its values, with bootstrap interval and verdict for the variable's own
 * metric, kappas, percent agreement, the counts, the coder matrix, the coincidences, and for
 * set-valued variables alpha per label as presence or absence.
 */
import { alphaFromCoincidences, type AlphaParts } from './alpha'
import {
  coderMatrix,
  percentAgreement,
  reliabilityCounts,
  type CoderPair,
  type ReliabilityCounts,
} from './agreement'
import { bootstrapAlpha, type AlphaBootstrap, type BootstrapOptions } from './bootstrap'
import { coincidenceMatrix, countCoincidences, type Coincidences } from './coincidences'
import {
  isLabelSet,
  type CodedValue,
  type Estimate,
  type LabelSet,
  type ReliabilityData,
} from './data'
import { cohenKappa, fleissKappa, type Applicable } from './kappa'
import type { MetricName, MetricOptions } from './metrics'
import { countPresence, labelsIn } from './sets'
import { verdict, type Verdict } from './verdict'

export type ValueKind = 'categories' | 'numbers' | 'sets' | 'empty'

export interface AlphaReport {
  metric: MetricName
  alpha: Estimate
  bootstrap?: AlphaBootstrap
  verdict: Verdict
}

export interface LabelReport {
  label: string
  alpha: AlphaReport
  percentAgreement: Estimate
}

export interface VariableReport {
  kind: ValueKind
  counts: ReliabilityCounts
  /** The variable's own metric first, then the others that fit its values. */
  alphas: AlphaReport[]
  percentAgreement: Estimate
  cohenKappa: Applicable
  fleissKappa: Applicable
  coderMatrix: CoderPair[]
  /** The coincidence matrix, for up to MAX_MATRIX_VALUES distinct values. */
  coincidences?: { values: CodedValue[]; matrix: number[][] }
  /** Set-valued variables: each label as presence or absence. */
  labels?: LabelReport[]
}

export interface ReportOptions extends MetricOptions {
  /** The variable's metric; by default nominal for categories, interval for numbers, MASI for sets. */
  metric?: MetricName
  /** Bootstrap the variable's own metric and the labels' alphas; false for none. */
  bootstrap?: BootstrapOptions | false
  /** Bootstrap every metric's alpha, not only the variable's own. */
  bootstrapEvery?: boolean
  /** Leave out the coder-by-coder matrix (it costs one alpha per pair of coders). */
  coderMatrix?: boolean
}

export const MAX_MATRIX_VALUES = 40

export function valueKind(data: ReliabilityData): ValueKind {
  let kind: ValueKind = 'empty'
  for (const u of data.units)
    for (const v of u.values) {
      if (v === undefined) continue
      if (isLabelSet(v)) return 'sets'
      if (typeof v === 'string') kind = 'categories'
      else if (kind === 'empty') kind = 'numbers'
    }
  return kind
}

/** The metrics that fit a kind of values: nominal always; the rest as the values allow. */
export function metricsFor(kind: ValueKind, options: MetricOptions = {}): MetricName[] {
  switch (kind) {
    case 'numbers':
      return ['nominal', 'ordinal', 'interval', 'ratio']
    case 'sets':
      return ['nominal', 'jaccard', 'masi']
    case 'categories':
      return options.order ? ['nominal', 'ordinal'] : ['nominal']
    case 'empty':
      return ['nominal']
  }
}

function defaultMetric(kind: ValueKind): MetricName {
  return kind === 'numbers' ? 'interval' : kind === 'sets' ? 'masi' : 'nominal'
}

function alphaReport(
  c: Coincidences,
  metric: MetricName,
  options: MetricOptions,
  bootstrap: BootstrapOptions | false,
  parts: AlphaParts = alphaFromCoincidences(c, metric, options),
): AlphaReport {
  const boot = bootstrap === false ? undefined : bootstrapAlpha(c, parts, bootstrap)
  return { metric, alpha: parts.alpha, bootstrap: boot, verdict: verdict(parts.alpha, boot) }
}

/** Alpha of one metric alone, with its bootstrap interval and verdict. */
export function alphaOnly(
  data: ReliabilityData,
  metric: MetricName,
  bootstrap: BootstrapOptions | false = {},
  options: MetricOptions = {},
): AlphaReport {
  return alphaReport(countCoincidences(data), metric, options, bootstrap)
}

export function variableReport(data: ReliabilityData, options: ReportOptions = {}): VariableReport {
  const kind = valueKind(data)
  const own = options.metric ?? defaultMetric(kind)
  const bootstrap = options.bootstrap ?? {}
  const c = countCoincidences(data)
  const ownParts = alphaFromCoincidences(c, own, options)
  const metrics = [own, ...metricsFor(kind, options).filter((m) => m !== own)]
  const report: VariableReport = {
    kind,
    counts: reliabilityCounts(data, c),
    alphas: metrics.map((m) =>
      alphaReport(
        c,
        m,
        options,
        m === own || options.bootstrapEvery ? bootstrap : false,
        m === own ? ownParts : undefined,
      ),
    ),
    percentAgreement: percentAgreement(c),
    cohenKappa: cohenKappa(data),
    fleissKappa: fleissKappa(data),
    coderMatrix:
      options.coderMatrix === false
        ? []
        : coderMatrix(data, own, options, { coincidences: c, prepared: ownParts.prepared }),
  }
  if (c.values.length <= MAX_MATRIX_VALUES)
    report.coincidences = { values: c.values, matrix: coincidenceMatrix(c) }
  if (kind === 'sets') {
    const sets = data as ReliabilityData<LabelSet>
    report.labels = labelsIn(data).map((label) => {
      const presence = countPresence(sets, label)
      return {
        label,
        alpha: alphaReport(presence, 'nominal', {}, bootstrap),
        percentAgreement: percentAgreement(presence),
      }
    })
  }
  return report
}
