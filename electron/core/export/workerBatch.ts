/**
 * What an export's worker thread (./worker.ts) does with a batch of documents: reads them with
 * the bulk read's quick checks, flattens them and makes the bytes of every streamed format, as
 * the main thread would (./exporter.ts streamDocuments). A document the quick check refuses
 * is left to the main thread (`fallback`), whose read recovers it or names the damaged file.
 */
import { readViewSync } from '../storage/bulkRead'
import { ByteBuilder, byteLength } from './bytes'
import type { Columns } from './csv'
import { hasNewMetaKey } from './layout'
import type { ExportOptions, SplitName } from './options'
import { countOrphans, DimensionCatalog, flattenDocument } from './rows'
import { streamWriter, type StreamedFormat } from './streams'
import { ExportTally, type TallyCounts } from './tally'

/** What every worker of one export is started with. */
export interface WorkerSetup {
  /** The project folder. */
  dir: string
  /** Whose layer is exported (the coder id). */
  coder: string
  columns: Columns
  options: ExportOptions
  /** The streamed formats, in the order of the export's streams. */
  formats: StreamedFormat[]
  /** A label the codebook lacks changes the files (one-hot columns). */
  labelsMatter: boolean
  /** A free metadata key the layout lacks changes the files (CSV columns). */
  metaMatters: boolean
}

export interface BatchRequest {
  batch: number
  ids: string[]
  /** The split of each document (split exports), else null. */
  splits: Array<SplitName | null>
}

export type BatchDocument =
  | { fallback: true }
  | {
      fallback: false
      units: number
      orphans: number
      rows: number
      /** Bytes per format, in order, within the batch's buffer of that format. */
      lengths: number[]
      /** Why the export has to start again, should this document not fit its layout. */
      layoutChanged: string | null
      /** The figures of the document's rows, as the export's tally counts them. */
      counts: TallyCounts | null
    }

export interface BatchResult {
  batch: number
  documents: BatchDocument[]
  /** Per format, the bytes of the batch's documents one after the other. */
  bytes: ArrayBuffer[]
}

/** The function a worker applies to each batch. */
export function batchSerialiser(setup: WorkerSetup): (request: BatchRequest) => BatchResult {
  const writers = setup.formats.map((f) => streamWriter(f, setup.columns, setup.options).write)
  const builders = writers.map(() => new ByteBuilder())
  const catalog = new DimensionCatalog(setup.columns.dimensions)
  const metaKeys = new Set(setup.columns.metaKeys)
  return ({ batch, ids, splits }) => {
    const pieces: Buffer[][] = writers.map(() => [])
    const documents = ids.map((id, i): BatchDocument => {
      const view = readViewSync(setup.dir, id, setup.coder)
      if (!view) return { fallback: true }
      const { document, annotations } = view
      const rows = flattenDocument(document, annotations, setup.options)
      const units = document.units.length
      const orphans = countOrphans(document, annotations)
      const result = { fallback: false as const, units, orphans, rows: rows.length }
      if (rows.length === 0) return { ...result, lengths: [], layoutChanged: null, counts: null }
      catalog.note(rows)
      const layoutChanged =
        catalog.addedDimensions > 0
          ? 'the annotations use a dimension the codebook lacks'
          : setup.labelsMatter && catalog.addedLabels > 0
            ? 'the annotations use a label the codebook lacks'
            : setup.metaMatters && hasNewMetaKey(metaKeys, document.meta)
              ? 'a document has a metadata field the index missed'
              : null
      if (layoutChanged) return { ...result, lengths: [], layoutChanged, counts: null }
      const tally = new ExportTally(false)
      tally.add(rows)
      const { documents: d, units: u, sentences, nonSentences, annotated, statements } = tally
      const counts = { documents: d, units: u, sentences, nonSentences, annotated, statements }
      const doc = { document, rows, split: splits[i] }
      const lengths = writers.map((write, f) => {
        write(doc, builders[f])
        const made = builders[f].take()
        pieces[f].push(...made)
        return byteLength(made)
      })
      return { ...result, lengths, layoutChanged: null, counts }
    })
    return { batch, documents, bytes: pieces.map(joinBytes) }
  }
}

/** One buffer of its own (so it can be transferred, not copied) holding all the pieces. */
function joinBytes(pieces: readonly Uint8Array[]): ArrayBuffer {
  const buffer = new ArrayBuffer(byteLength(pieces))
  const view = new Uint8Array(buffer)
  let at = 0
  for (const p of pieces) {
    view.set(p, at)
    at += p.length
  }
  return buffer
}
