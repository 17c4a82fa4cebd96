/**
 * The sentences to discuss: every unit where coders who coded it gave different values, their
 * values side by side, optionally only where they differ on one label.
 */
import { isLabelSet, valueKey, type CodedValue, type ReliabilityData } from './data'

export interface Disagreement<V extends CodedValue = CodedValue> {
  unit: string
  /** What each coder who coded the unit gave it, in the order of the data's coders. */
  values: { coder: string; value: V }[]
}

/**
 * Units coded by two coders or more who do not all agree, in the order of the data. With
 * `label`, only those where the coders differ on that label: some gave it (as the value, or in
 * the set), some did not.
 */
export function disagreements<V extends CodedValue>(
  data: ReliabilityData<V>,
  options: { label?: string } = {},
): Disagreement<V>[] {
  const { label } = options
  const has = (v: V): boolean =>
    isLabelSet(v) ? v.includes(label as string) : v === label || String(v) === label
  const out: Disagreement<V>[] = []
  for (const unit of data.units) {
    const values: { coder: string; value: V }[] = []
    unit.values.forEach((value, i) => {
      if (value !== undefined) values.push({ coder: data.coders[i], value })
    })
    if (values.length < 2) continue
    const differ =
      label === undefined
        ? new Set(values.map((v) => valueKey(v.value))).size > 1
        : new Set(values.map((v) => has(v.value))).size > 1
    if (differ) out.push({ unit: unit.id, values })
  }
  return out
}
