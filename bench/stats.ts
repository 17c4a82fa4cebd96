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
  return m
}

export function mb(bytes: number): number {
  return bytes / (1024 * 1024)
}

/** Human progress goes to stderr; stdout carries only the metric lines. */
export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}
