/** A probability as a whole percentage, as the coding panel shows confidence: "87 %". */
export function percent(x: number): string {
  return `${Math.round(100 * x)} %`
}

/** A figure between 0 and 1 with three decimals in the analyst's locale (0,812 in German). */
export function figure(x: number, locale: string): string {
  return x.toLocaleString(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 })
}

/** The points of a learning curve in an SVG box of `width` × `height`, F1 from 0 to 1 upwards. */
export function curvePoints(
  curve: ReadonlyArray<{ coded: number; macroF1: number }>,
  width: number,
  height: number,
): Array<{ x: number; y: number; coded: number; macroF1: number }> {
  const max = Math.max(1, ...curve.map((p) => p.coded))
  return curve.map((p) => ({
    x: (p.coded / max) * width,
    y: height - p.macroF1 * height,
    coded: p.coded,
    macroF1: p.macroF1,
  }))
}
