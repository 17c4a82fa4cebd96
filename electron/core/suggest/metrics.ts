/**
 * Quality measures of a classifier, as scikit-learn computes them: per-label precision, recall
 * and F1 (0 where undefined), macro-F1 over the labels present in the truth or the predictions,
 * and accuracy (exact match of the label sets, for multi-label data as for single-label data).
 */

export interface LabelQuality {
  precision: number
  recall: number
  f1: number
  support: number
}

export interface Quality {
  macro_f1: number
  accuracy: number
  per_label: Record<string, LabelQuality>
}

export function quality(truth: string[][], predicted: string[][]): Quality {
  if (truth.length !== predicted.length)
    throw new RangeError('truth and predictions differ in length')
  const tp = new Map<string, number>()
  const fp = new Map<string, number>()
  const fn = new Map<string, number>()
  const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1)
  let exact = 0
  for (let i = 0; i < truth.length; i++) {
    const t = new Set(truth[i])
    const p = new Set(predicted[i])
    for (const l of p) bump(t.has(l) ? tp : fp, l)
    for (const l of t) if (!p.has(l)) bump(fn, l)
    if (t.size === p.size && [...t].every((l) => p.has(l))) exact++
  }
  const labels = [...new Set([...tp.keys(), ...fp.keys(), ...fn.keys()])].sort()
  const per_label: Record<string, LabelQuality> = {}
  let sum = 0
  for (const l of labels) {
    const a = tp.get(l) ?? 0
    const b = fp.get(l) ?? 0
    const c = fn.get(l) ?? 0
    const precision = a + b > 0 ? a / (a + b) : 0
    const recall = a + c > 0 ? a / (a + c) : 0
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
    per_label[l] = { precision, recall, f1, support: a + c }
    sum += f1
  }
  return {
    macro_f1: labels.length ? sum / labels.length : 0,
    accuracy: truth.length ? exact / truth.length : 0,
    per_label,
  }
}
