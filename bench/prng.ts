/**
 * A small deterministic PRNG (mulberry32), so the synthetic corpus is the same on every run and
 * every machine: a benchmark compared across commits must measure the code, not the data.
 */
import { mulberry32 } from '../electron/core/export/split'

export { mulberry32 }
export type Random = () => number

/** An independent stream per item (article n of seed s), so any slice can be generated alone. */
export function streamFor(seed: number, n: number): Random {
  return mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(n + 1, 0xc2b2ae35))
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]
}

export function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}
