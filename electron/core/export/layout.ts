/**
 * What the files of a streamed export must know before their first line: the dimensions (every
 * statement lists them all, the CSV header names them), the free metadata keys (a CSV column
 * each) and which split each document is in.
 * Both depend on the whole corpus, so they are first taken from the codebook and the index, and
 * the export checks them against every document it writes. Should the annotations hold a
 * dimension the codebook lacks, or the index be out of date, the export starts again from a
 * layout measured by a pass over the documents (./exporter.ts); the files come out exactly as
 * if everything had been known from the start.
 */
import type { Codebook, DocumentSummary } from '../../contract/model'
import type { ProjectRepository } from '../storage/repository'
import type { ExportOptions, SplitName } from './options'
import { eachDocument } from './pass'
import {
  DimensionCatalog,
  type DimensionInfo,
  type ExportControl,
  type ExportDocument,
} from './rows'
import { assignSplits } from './split'

export interface Layout {
  dimensions: DimensionInfo[]
  /** The free metadata keys of the exported documents, sorted: one CSV column each. */
  metaKeys: string[]
  /** For a split export, the split of every document that has units to export. */
  splits: Map<string, SplitName> | null
}

/** Thrown while writing when a document does not fit the layout the files were started with. */
export class LayoutChanged extends Error {
  constructor(reason: string) {
    super(`The export has to start again: ${reason}`)
    this.name = 'LayoutChanged'
  }
}

/**
 * The layout the codebook and the index foretell: the codebook's dimensions, and the split of
 * the documents whose summary says they have units to export.
 */
export function foretellLayout(
  codebook: Codebook,
  documents: readonly DocumentSummary[],
  options: ExportOptions,
): Layout {
  const withRows = documents
    .filter((d) => (options.onlyAnnotated ? d.annotatedCount : d.sentenceCount) > 0)
    .map((d) => d.id)
  return {
    dimensions: new DimensionCatalog(codebook).dimensions,
    metaKeys: metaKeysOf(documents),
    splits: options.split ? assignSplits(withRows, options.split) : null,
  }
}

/** The layout measured by reading every chosen document once (nothing is kept but the result). */
export async function measureLayout(
  repo: ProjectRepository,
  ids: readonly string[],
  options: ExportOptions,
  control: ExportControl,
): Promise<Layout> {
  const catalog = new DimensionCatalog(repo.getCodebook())
  const withRows: string[] = []
  const metas: Array<{ meta: ExportDocument['document']['meta'] }> = []
  await eachDocument(repo, ids, options, control, (doc) => {
    withRows.push(doc.document.id)
    metas.push({ meta: doc.document.meta })
    catalog.note(doc.rows)
  })
  return {
    dimensions: catalog.dimensions,
    metaKeys: metaKeysOf(metas),
    splits: options.split ? assignSplits(withRows, options.split) : null,
  }
}

/** The free metadata keys of some documents, each once, sorted (code-unit order, as ids are). */
export function metaKeysOf(documents: ReadonlyArray<{ meta: { extra?: Record<string, string> } }>) {
  const keys = new Set<string>()
  for (const d of documents) for (const key of Object.keys(d.meta.extra ?? {})) keys.add(key)
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** True when a document has a free metadata key the layout has no column for. */
export function hasNewMetaKey(
  known: ReadonlySet<string>,
  meta: { extra?: Record<string, string> },
) {
  for (const key of Object.keys(meta.extra ?? {})) if (!known.has(key)) return true
  return false
}
