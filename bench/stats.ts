/** Percentiles and the one-line-per-metric output of the benchmark. */

export interface Metric {
  metric: string
  value: number | null
  unit: string
  /** "<= 10", ">= 200000", or null for a diagnostic without a target. */
  target: string | null
  pass?: boolean
  /** Why a value is missing or what it means, when that is not obvious. */
  note?: string
  /**
   * What the figure should be compared with on this machine, measured in the same run and in
   * the same unit (the serialiser's own speed for an export, the wait for a frame for a key).
   */
  floor?: number
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

/** A metric with its pass/fail worked out from the target. */
export function metric(
  name: string,
  value: number | null,
  unit: string,
  target: string | null,
  note?: string,
  floor?: number,
): Metric {
  const m: Metric = {
    metric: name,
    value: value === null || !Number.isFinite(value) ? null : round(value),
    unit,
    target,
  }
  if (target) {
    const [, op, bound] = /^(<=|>=)\s*(\S+)$/.exec(target) ?? []
    if (m.value === null) m.pass = false
    else if (op === '<=') m.pass = m.value <= Number(bound)
    else if (op === '>=') m.pass = m.value >= Number(bound)
  }
  if (note) m.note = note
  if (floor !== undefined && Number.isFinite(floor)) m.floor = round(floor)
  return m
}

const cell = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : v.toLocaleString('en-US', { maximumFractionDigits: 2 })

/**
 * The run's figures as a markdown table the README can take as is: every metric with a target
 * or a floor, the floor beside the figure with the ratio (measured / floor), the load it ran at.
 */
export function markdownTable(metrics: readonly Metric[]): string {
  const rows = metrics.filter(
    (m) => m.target !== null || m.floor !== undefined || m.metric.startsWith('machine_load'),
  )
  const lines = [
    '| metric | measured | floor (ratio) | target | pass |',
    '| --- | ---: | ---: | :---: | :---: |',
  ]
  for (const m of rows) {
    const floor =
      m.floor === undefined
        ? ''
        : `${cell(m.floor)} (${m.value === null || m.floor === 0 ? '–' : cell(m.value / m.floor)}×)`
    const pass = m.pass === undefined ? '' : m.pass ? 'pass' : '**FAIL**'
    lines.push(
      `| ${m.metric.replaceAll('|', '\\|')} | ${cell(m.value)} ${m.unit} | ${floor} | ${m.target ?? ''} | ${pass} |`,
    )
  }
  return lines.join('\n')
}

export function mb(bytes: number): number {
  return bytes / (1024 * 1024)
}

/** Human progress goes to stderr; stdout carries only the metric lines. */
export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}
