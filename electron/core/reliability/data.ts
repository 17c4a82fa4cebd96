/**
 * Reliability data in Krippendorff's canonical form: units (sentences) by coders, one value or
 * none per cell. A value is a category (a label id, a text), a number (a scale point) or a set
 * of labels (a multiple-choice dimension, or a sentence's statements as triples).
 */
import type { Message } from '../../contract/messages'

/** A set of labels, kept sorted and without repeats so that equal sets look equal. */
export type LabelSet = readonly string[]

export type CodedValue = string | number | LabelSet

/** One unit: `values[i]` is what `coders[i]` gave it, `undefined` where they did not code it. */
export interface ReliabilityUnit<V extends CodedValue = CodedValue> {
  id: string
  values: readonly (V | undefined)[]
}

export interface ReliabilityData<V extends CodedValue = CodedValue> {
  coders: readonly string[]
  units: readonly ReliabilityUnit<V>[]
}

/**
 * A coefficient, or the reason it has no value. Undefined cases (nothing pairable, no
 * variation) are said as such, never disguised as 1, 0 or NaN.
 */
export type Estimate = { value: number } | { value: null; reason: Message }

export function estimate(value: number): Estimate {
  return { value }
}

export function undefinedEstimate(reason: Message): Estimate {
  return { value: null, reason }
}

/** A set as the canonical sorted, de-duplicated array. */
export function labelSet(labels: Iterable<string>): LabelSet {
  return [...new Set(labels)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** A key that is equal for equal values and different otherwise (sets by their members). */
export function valueKey(value: CodedValue): string {
  if (typeof value === 'number') return `n:${value}`
  if (typeof value === 'string') return `s:${value}`
  // The unit separator cannot occur in a label id typed by an analyst.
  return `l:${value.join('\u001f')}`
}

export function isLabelSet(value: CodedValue): value is LabelSet {
  return Array.isArray(value)
}

/** The same data for a subset of coders (for the coder-by-coder matrix). */
export function selectCoders<V extends CodedValue>(
  data: ReliabilityData<V>,
  coderIndexes: readonly number[],
): ReliabilityData<V> {
  return {
    coders: coderIndexes.map((i) => data.coders[i]),
    units: data.units.map((u) => ({ id: u.id, values: coderIndexes.map((i) => u.values[i]) })),
  }
}
