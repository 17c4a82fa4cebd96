/**
 * What an export counts while it streams: the figures of its result and of the dataset card
 * (units per kind, the label distribution, annotators, codebook versions). Small aggregates,
 * gathered document by document, so nothing of the corpus has to stay in memory.
 */
import { isAnnotatable, type Statement } from '../../contract/model'
import { hasLabels, type ExportRow } from './rows'

/** How often one dimension's labels occur: in statements, and in sentences (once per sentence). */
export interface LabelCounts {
  statements: Map<string, number>
  sentences: Map<string, number>
}

/** The figures of an export's result. */
export type TallyCounts = Pick<
  ExportTally,
  'documents' | 'units' | 'sentences' | 'nonSentences' | 'annotated' | 'statements'
>

export class ExportTally {
  /** Documents with at least one exported unit. */
  documents = 0
  units = 0
  /** Annotatable units (sentences and included units) among them. */
  sentences = 0
  /** The other units: headings, bylines, captions and meta lines not included in coding. */
  nonSentences = 0
  annotated = 0
  /** Statements with at least one label. */
  statements = 0
  /** Units per kind, in the order the kinds first occur. */
  readonly kinds = new Map<string, number>()
  /** Per dimension id (in the order met), per label id. Only for a card. */
  readonly labels = new Map<string, LabelCounts>()
  /** Annotated sentences per annotator and per codebook version. Only for a card. */
  readonly annotators = new Map<string, number>()
  readonly versions = new Map<number, number>()
  /** Labels given, and of them those accepted from the learned model's suggestions. Only for a card. */
  labelsGiven = 0
  modelAccepted = 0

  /** `forCard`: also gather what only the dataset card shows. */
  constructor(private readonly forCard: boolean) {}

  /** Counts the exported rows of one document. */
  add(rows: readonly ExportRow[]): void {
    this.documents++
    this.units += rows.length
    for (const { unit, annotation: a, coded } of rows) {
      this.kinds.set(unit.kind, (this.kinds.get(unit.kind) ?? 0) + 1)
      if (isAnnotatable(unit)) this.sentences++
      else this.nonSentences++
      if (!a) continue
      if (coded) this.annotated++
      for (const s of a.statements) if (hasLabels(s)) this.statements++
      if (!this.forCard) continue
      if (coded) {
        this.annotators.set(a.annotator, (this.annotators.get(a.annotator) ?? 0) + 1)
        this.versions.set(a.codebookVersion, (this.versions.get(a.codebookVersion) ?? 0) + 1)
      }
      this.countLabels(a.statements)
      for (const s of a.statements)
        for (const ids of Object.values(s.values))
          for (const id of ids) {
            this.labelsGiven++
            const p = s.provenance?.[id]
            if (typeof p === 'object' && p.source === 'suggested-model') this.modelAccepted++
          }
    }
  }

  /**
   * Adds the figures of documents counted elsewhere (a worker thread's). Only for a tally that
   * gathers nothing for a card: the card's maps keep the order things were met in.
   */
  addCounts(counts: TallyCounts): void {
    if (this.forCard) throw new Error('A tally for a card counts rows, not figures.')
    this.documents += counts.documents
    this.units += counts.units
    this.sentences += counts.sentences
    this.nonSentences += counts.nonSentences
    this.annotated += counts.annotated
    this.statements += counts.statements
  }

  /** Per dimension: every label in every statement, and each label once for the sentence. */
  private countLabels(statements: readonly Statement[]): void {
    const seen = new Map<LabelCounts, Set<string>>()
    for (const s of statements)
      for (const dimensionId in s.values) {
        if (!Object.hasOwn(s.values, dimensionId)) continue
        let counts = this.labels.get(dimensionId)
        if (!counts) {
          counts = { statements: new Map(), sentences: new Map() }
          this.labels.set(dimensionId, counts)
        }
        let ids = seen.get(counts)
        if (!ids) seen.set(counts, (ids = new Set()))
        for (const id of s.values[dimensionId]) {
          counts.statements.set(id, (counts.statements.get(id) ?? 0) + 1)
          ids.add(id)
        }
      }
    for (const [counts, ids] of seen)
      for (const id of ids) counts.sentences.set(id, (counts.sentences.get(id) ?? 0) + 1)
  }
}
