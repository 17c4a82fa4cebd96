/**
 * The rules a codebook must keep, as pure functions over data. The renderer shows the same
 * messages before saving; main enforces them.
 */
import { msg, type Message } from '../contract/messages'
import type { LocalizedText } from '../contract/messages'
import type { Codebook, Dimension, DimensionScale, Label } from '../contract/model'

/**
 * Keys the annotation screen uses for commands; a label may not take them. Digits and letters
 * stay free for labels. Kept here, in core, because the rule and the keyboard map must agree.
 */
// '=' accepts the model's suggestions, '<' and '>' are its queues (renderer/src/components/suggest).
export const RESERVED_KEYS: readonly string[] = ['?', '+', '-', '!', '/', ' ', '#', '=', '<', '>']

export interface CodebookProblem {
  message: Message
  dimensionId?: string
  labelId?: string
}

/** Every rule the codebook breaks, as messages for the analyst; empty when it is sound. */
export function codebookProblems(codebook: Codebook): CodebookProblem[] {
  const problems: CodebookProblem[] = []
  const dimensionIds = new Set<string>()
  const labelIds = new Map<string, string>()
  const hotkeys = new Map<string, { dimension: Dimension; label: Label }>()
  for (const dimension of codebook.dimensions) {
    if (dimensionIds.has(dimension.id))
      problems.push({
        message: msg('codebook.dimensionIdTwice', { id: dimension.id }),
        dimensionId: dimension.id,
      })
    dimensionIds.add(dimension.id)
    problems.push(...scaleProblems(dimension))
    for (const label of dimension.labels) {
      const owner = labelIds.get(label.id)
      if (owner !== undefined)
        problems.push({
          message: msg('codebook.labelIdTwice', {
            id: label.id,
            first: owner,
            second: dimension.name,
          }),
          dimensionId: dimension.id,
          labelId: label.id,
        })
      labelIds.set(label.id, dimension.name)
      const key = normaliseHotkey(label.hotkey)
      if (!key) continue
      if (RESERVED_KEYS.includes(key)) {
        problems.push({
          message: msg('codebook.keyReserved', { key, label: label.name }),
          dimensionId: dimension.id,
          labelId: label.id,
        })
        continue
      }
      const taken = hotkeys.get(key)
      if (taken)
        problems.push({
          message: msg('codebook.keyTaken', {
            key,
            owner: taken.label.name,
            ownerDimension: taken.dimension.name,
            label: label.name,
          }),
          dimensionId: dimension.id,
          labelId: label.id,
        })
      else hotkeys.set(key, { dimension, label })
    }
  }
  return problems
}

/** A scale's name, as the messages put it. */
export const SCALE_NAMES: Record<Exclude<DimensionScale, 'nominal'>, LocalizedText> = {
  ordinal: { en: 'ordinal', de: 'Ordinalskala' },
  interval: { en: 'interval', de: 'Intervallskala' },
  ratio: { en: 'ratio', de: 'Verhältnisskala' },
}

/**
 * A scale other than nominal belongs to a single-choice dimension of two labels or more; on an
 * interval or ratio scale every label carries a number, on a ratio scale none below zero.
 */
function scaleProblems(dimension: Dimension): CodebookProblem[] {
  const scale = dimension.scale ?? 'nominal'
  if (scale === 'nominal') return []
  const names = { dimension: dimension.name, scale: SCALE_NAMES[scale] }
  if (dimension.multi)
    return [{ message: msg('codebook.scaleOnMulti', names), dimensionId: dimension.id }]
  const problems: CodebookProblem[] = []
  if (dimension.labels.length < 2)
    problems.push({
      message: msg('codebook.scaleNeedsTwo', { ...names, count: dimension.labels.length }),
      dimensionId: dimension.id,
    })
  if (scale === 'ordinal') return problems
  for (const label of dimension.labels) {
    const at = { dimensionId: dimension.id, labelId: label.id }
    if (typeof label.value !== 'number' || !Number.isFinite(label.value))
      problems.push({
        message: msg('codebook.scaleNeedsValue', { ...names, label: label.name }),
        ...at,
      })
    else if (scale === 'ratio' && label.value < 0)
      problems.push({
        message: msg('codebook.ratioNegative', { ...names, label: label.name, value: label.value }),
        ...at,
      })
  }
  return problems
}

export function normaliseHotkey(key: string): string {
  return key.length === 1 ? key.toLowerCase() : key
}

/** The label a key stands for, if any. */
export function labelForKey(
  codebook: Codebook,
  key: string,
): { dimension: Dimension; label: Label } | undefined {
  const wanted = normaliseHotkey(key)
  for (const dimension of codebook.dimensions)
    for (const label of dimension.labels)
      if (label.hotkey && normaliseHotkey(label.hotkey) === wanted) return { dimension, label }
  return undefined
}

/** True when two codebooks differ in anything an annotation could depend on. */
export function codebookChanged(a: Codebook, b: Codebook): boolean {
  return JSON.stringify(a.dimensions) !== JSON.stringify(b.dimensions)
}
