/**
 * `agreement --data FILE.csv`: the measures of a reliability-data table, as one JSON object of
 * plain numbers (for scripts and the reference tests) or as a report to read.
 */
import { formatMessage, type Message } from '../../contract/messages'
import type { CodedValue, Estimate, ReliabilityData } from './data'
import { isApplicable, type Applicable } from './kappa'
import { METRICS, type MetricName } from './metrics'
import { variableReport, type VariableReport } from './report'
import type { BootstrapOptions } from './bootstrap'

/** The JSON keys: a measure that does not apply is absent, an undefined one is null. */
export type AgreementJson = Partial<Record<`alpha_${MetricName}`, number | null>> & {
  cohen_kappa?: number | null
  fleiss_kappa?: number | null
  percent_agreement: number | null
  units: number
  coders: number
  pairable: number
}

export function tableReport(
  data: ReliabilityData,
  bootstrap: BootstrapOptions | false = {},
): VariableReport {
  return variableReport(data, { bootstrap, bootstrapEvery: true })
}

export function agreementJson(report: VariableReport): AgreementJson {
  const json: Record<string, number | null> = {}
  for (const metric of METRICS) {
    const a = report.alphas.find((r) => r.metric === metric)
    if (a) json[`alpha_${metric}`] = a.alpha.value
  }
  if (isApplicable(report.cohenKappa)) json.cohen_kappa = report.cohenKappa.value
  if (isApplicable(report.fleissKappa)) json.fleiss_kappa = report.fleissKappa.value
  json.percent_agreement = report.percentAgreement.value
  json.units = report.counts.units
  json.coders = report.counts.coders
  json.pairable = report.counts.pairable
  return json as AgreementJson
}

const fixed = (x: number, digits = 6): string => (Object.is(x, -0) ? 0 : x).toFixed(digits)

function estimateText(e: Estimate): string {
  return e.value === null ? formatMessage(e.reason) : fixed(e.value)
}

function applicableText(a: Applicable): string {
  return isApplicable(a) ? estimateText(a) : `does not apply: ${formatMessage(a.notApplicable)}`
}

function valueText(v: CodedValue): string {
  if (typeof v === 'number') return String(v)
  if (typeof v === 'string') return v
  return v.length === 0 ? '{}' : v.join('|')
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  return rows.map((r) => `  ${r.map((cell, i) => cell.padEnd(widths[i])).join('  ')}`.trimEnd())
}

const message = (m: Message): string => formatMessage(m)

/** The report in words, for a terminal. */
export function formatTableReport(file: string, report: VariableReport): string {
  const { counts } = report
  const lines = [
    `Reliability of ${file}`,
    `  ${counts.units} units (${counts.pairableUnits} coded by two coders or more), ${counts.coders} coders, ` +
      `${counts.pairable} pairable values, ${counts.missing} empty ${counts.missing === 1 ? 'cell' : 'cells'}; values are ${report.kind}`,
    '',
    "Krippendorff's alpha",
  ]
  const rows = [['metric', 'alpha', '95% interval', 'P(α<.800)', 'P(α<.667)', 'verdict']]
  for (const a of report.alphas) {
    const b = a.bootstrap
    rows.push([
      a.metric,
      estimateText(a.alpha),
      b ? `[${fixed(b.low, 3)}, ${fixed(b.high, 3)}]` : '',
      b ? fixed(b.pBelow800, 3) : '',
      b ? fixed(b.pBelow667, 3) : '',
      a.alpha.value === null
        ? ''
        : message(a.verdict.message) +
          (a.verdict.uncertain ? ' (uncertain: sample too small)' : ''),
    ])
  }
  lines.push(...table(rows))
  const boot = report.alphas.find((a) => a.bootstrap)?.bootstrap
  if (boot) lines.push(`  (bootstrap: ${boot.draws} resamples, seed ${boot.seed})`)
  lines.push(
    '',
    `Cohen's kappa       ${applicableText(report.cohenKappa)}`,
    `Fleiss' kappa       ${applicableText(report.fleissKappa)}`,
    `percent agreement   ${estimateText(report.percentAgreement)} (share of agreeing pairs of values within units)`,
  )
  if (report.coderMatrix.length > 0) {
    lines.push('', `Coder by coder (alpha ${report.alphas[0].metric})`)
    lines.push(
      ...table([
        ['coders', 'units', 'agreement', 'alpha'],
        ...report.coderMatrix.map((p) => [
          `${p.first} – ${p.second}`,
          String(p.units),
          estimateText(p.percentAgreement),
          estimateText(p.alpha),
        ]),
      ]),
    )
  }
  if (report.coincidences && report.coincidences.values.length > 0) {
    const { values, matrix } = report.coincidences
    lines.push('', 'Coincidences (pairs of values within units)')
    lines.push(
      ...table([
        ['', ...values.map(valueText)],
        ...matrix.map((row, i) => [valueText(values[i]), ...row.map((x) => fixed(x, 2))]),
      ]),
    )
  }
  if (report.labels && report.labels.length > 0) {
    lines.push('', 'Per label (present or absent, nominal alpha)')
    lines.push(
      ...table([
        ['label', 'alpha', '95% interval', 'agreement', 'verdict'],
        ...report.labels.map((l) => [
          l.label,
          estimateText(l.alpha.alpha),
          l.alpha.bootstrap
            ? `[${fixed(l.alpha.bootstrap.low, 3)}, ${fixed(l.alpha.bootstrap.high, 3)}]`
            : '',
          estimateText(l.percentAgreement),
          l.alpha.alpha.value === null ? '' : message(l.alpha.verdict.message),
        ]),
      ]),
    )
  }
  return `${lines.join('\n')}\n`
}
