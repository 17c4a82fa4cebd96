/**
 * Pure helpers for editing a codebook: stable ids for new labels and dimensions, reordering, and
 * what a new version removes. Shared by the renderer's editor and core's impact check.
 */
import type { Codebook, Label } from '../contract/model'

/** Lower-case ASCII words joined by dashes: `Kim Jong Un` → `kim-jong-un`, `Außenpolitik` → `aussenpolitik`. */
export function slugOf(name: string, fallback: string): string {
  const slug = name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return slug || fallback
}

/** The slug, with -2, -3 … appended until no id in `taken` has it. */
export function uniqueId(name: string, fallback: string, taken: ReadonlySet<string>): string {
  const base = slugOf(name, fallback)
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}

/** Moves the item with this id one place up (-1) or down (+1); nothing at either end. */
export function move<T extends { id: string }>(list: T[], id: string, delta: number): void {
  const index = list.findIndex((item) => item.id === id)
  const target = index + delta
  if (index < 0 || target < 0 || target >= list.length) return
  const [item] = list.splice(index, 1)
  list.splice(target, 0, item)
}

/**
 * Puts one label last, so that `codebookProblems`, which blames a collision on the later of two
 * labels, blames the label the analyst has just changed rather than the one that had the key first.
 */
export function withLabelLast(codebook: Codebook, labelId: string | null): Codebook {
  const owner = codebook.dimensions.find((d) => d.labels.some((l) => l.id === labelId))
  if (!owner) return codebook
  const label = owner.labels.find((l) => l.id === labelId) as Label
  const moved = { ...owner, labels: [...owner.labels.filter((l) => l !== label), label] }
  return { ...codebook, dimensions: [...codebook.dimensions.filter((d) => d !== owner), moved] }
}

/** Label and dimension ids that `next` no longer has. */
export function removedIds(
  current: Codebook,
  next: Codebook,
): { labels: Set<string>; dimensions: Set<string> } {
  const kept = (b: Codebook) => new Set(b.dimensions.flatMap((d) => d.labels.map((l) => l.id)))
  const nextLabels = kept(next)
  const nextDimensions = new Set(next.dimensions.map((d) => d.id))
  return {
    labels: new Set([...kept(current)].filter((id) => !nextLabels.has(id))),
    dimensions: new Set(
      current.dimensions.map((d) => d.id).filter((id) => !nextDimensions.has(id)),
    ),
  }
}
