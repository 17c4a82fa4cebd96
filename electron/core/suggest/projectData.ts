/**
 * What the suggestion model of one dimension learns from in a project, and what it predicts:
 * the coded sentences (the analyst's own layer) with their labels in the dimension, and the
 * sentences without one. Each sentence comes with its position in its article and the actors
 * the codebook's alias rules find in it, as the model's features expect.
 */
import { compileSuggester } from '../../common/suggestions'
import { isAnnotatable, isAnnotated, type Codebook, type Dimension } from '../../contract/model'
import { UserError } from '../errors'
import type { ProjectRepository } from '../storage/repository'
import type { SentenceInput } from './features'
import type { LabeledSentence } from './model'

export interface ProjectSentence {
  documentId: string
  unitId: string
  input: SentenceInput
}

export interface DimensionData {
  dimension: Dimension
  /** Coded sentences, labelled with label ids. */
  coded: Array<LabeledSentence & ProjectSentence>
  /** Sentences without a label in the dimension (and, for a multi-choice one, not coded). */
  uncoded: ProjectSentence[]
}

/** Nothing is suggested before a dimension has this many coded sentences in two labels. */
export const MIN_CODED = 20

export function findDimension(codebook: Codebook, id: string): Dimension {
  const d = codebook.dimensions.find((x) => x.id === id || x.name === id)
  if (!d)
    throw new UserError('suggest.noDimension', {
      dimension: id,
      known: codebook.dimensions.map((x) => x.id).join(', '),
    })
  return d
}

export async function dimensionData(
  repo: ProjectRepository,
  dimensionId: string,
): Promise<DimensionData> {
  const codebook = repo.getCodebook()
  const dimension = findDimension(codebook, dimensionId)
  const known = new Set(dimension.labels.map((l) => l.id))
  const suggest = compileSuggester(codebook)
  const data: DimensionData = { dimension, coded: [], uncoded: [] }
  for (const summary of repo.listDocuments()) {
    const { document, annotations } = await repo.readInBulk(summary.id)
    const units = document.units.filter(isAnnotatable)
    units.forEach((unit, index) => {
      const text = document.text.slice(unit.start, unit.end)
      const actors = [...new Set(suggest(text).map((m) => m.labelId))]
      const sentence = {
        documentId: document.id,
        unitId: unit.id,
        input: { text, index, count: units.length, actors },
      }
      const a = annotations[unit.id]
      const labels = new Set<string>()
      for (const s of a?.statements ?? [])
        for (const id of s.values[dimension.id] ?? []) if (known.has(id)) labels.add(id)
      if (!dimension.multi && labels.size > 0)
        // One label per sentence: the first statement's, where statements disagree.
        data.coded.push({ ...sentence, labels: [[...labels][0]] })
      else if (dimension.multi && (labels.size > 0 || isAnnotated(a, codebook)))
        data.coded.push({ ...sentence, labels: [...labels] })
      else data.uncoded.push(sentence)
    })
  }
  return data
}

/**
 * Why a model cannot be trained yet, as a message, or null when it can: at least MIN_CODED
 * coded sentences, and two labels among them (for a multi-choice dimension, one label present
 * and one absent somewhere).
 */
export function coldStart(data: DimensionData): UserError | null {
  const n = data.coded.length
  const seen = new Set(data.coded.flatMap((s) => s.labels))
  const varied = data.dimension.multi
    ? seen.size > 0 && data.coded.some((s) => s.labels.length < seen.size)
    : seen.size >= 2
  if (n >= MIN_CODED && varied) return null
  return new UserError('suggest.tooFewLabels', {
    dimension: data.dimension.name,
    count: n,
    needed: Math.max(0, MIN_CODED - n),
    min: MIN_CODED,
  })
}
