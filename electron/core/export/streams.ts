/**
 * The formats written while the documents stream by (JSONL and the two CSVs): per format the
 * file of every document and, for a split export, one file per split. A document's bytes are
 * made once per format and go to both of its files.
 */
import type { ByteBuilder, DocumentWriter } from './bytes'
import { csvHeader, csvWriter, sentenceTable, statementTable, type Columns } from './csv'
import { jsonlWriter } from './jsonl'
import { SPLIT_NAMES, type ExportFormat, type ExportOptions, type SplitName } from './options'
import type { StagedFile, Staging, WrittenFile } from './output'
import type { ExportDocument } from './rows'

export type StreamedFormat = 'jsonl' | 'csv-sentences' | 'csv-statements'

interface StreamFile {
  file: StagedFile
  rows: number
  documents: number
}

export interface Stream {
  format: StreamedFormat
  write: DocumentWriter
  /** What the files' counts call their rows. */
  unit: 'lines' | 'rows'
  /** The file of every document, then (split exports) train, dev and test. */
  files: StreamFile[]
}

/** Stages the files of every streamed format among `formats` and writes their headers. */
export async function openStreams(
  formats: ReadonlyMap<Exclude<ExportFormat, 'all'>, string[]>,
  columns: Columns,
  options: ExportOptions,
  staging: Staging,
): Promise<Stream[]> {
  const streams: Stream[] = []
  for (const [format, paths] of formats) {
    if (format !== 'jsonl' && format !== 'csv-sentences' && format !== 'csv-statements') continue
    const { write, header } = streamWriter(format, columns, options)
    const files: StreamFile[] = []
    for (const path of paths) {
      const file = await staging.open(path)
      if (header) await file.write([Buffer.from(header, 'utf8')])
      files.push({ file, rows: 0, documents: 0 })
    }
    streams.push({ format, write, unit: format === 'jsonl' ? 'lines' : 'rows', files })
  }
  return streams
}

/**
 * The writer of a streamed format and its file's header. The same for every file of the
 * export, in this thread or a worker (./worker.ts), so both make the same bytes.
 */
export function streamWriter(
  format: StreamedFormat,
  columns: Columns,
  options: ExportOptions,
): { write: DocumentWriter; header: string } {
  if (format === 'jsonl')
    return { write: jsonlWriter(columns.dimensions, options.split !== null), header: '' }
  const table =
    format === 'csv-sentences' ? sentenceTable(columns, options) : statementTable(columns, options)
  return { write: csvWriter(table), header: csvHeader(table, options.bom) }
}

/** Writes a document to the file of all documents and to the file of its split. */
export async function writeDocument(
  stream: Stream,
  doc: ExportDocument,
  out: ByteBuilder,
): Promise<void> {
  const rows = stream.write(doc, out)
  await writeBytes(stream, doc.split, rows, out.take())
}

/** Writes a document's bytes, made here or by a worker, to its files. */
export async function writeBytes(
  stream: Stream,
  splitName: SplitName | null,
  rows: number,
  pieces: Buffer[],
): Promise<void> {
  const all = stream.files[0]
  const split = splitName && stream.files[1 + SPLIT_NAMES.indexOf(splitName)]
  for (const target of split ? [all, split] : [all]) {
    target.rows += rows
    target.documents++
    await target.file.write(pieces)
  }
}

/** A file of a stream that had no rows to write: dropped, and named in a warning. */
export interface EmptyFile {
  path: string
  format: StreamedFormat
  /** Null for the file of every document, else the split it was for. */
  split: SplitName | null
  /** Its position among the stream's files (and the paths they were opened with). */
  index: number
}

/**
 * Finishes the files of a stream (all of them at once: each waits for its own sync). A file
 * without a single row is dropped from the staging rather than left as an empty file.
 */
export async function closeStream(
  stream: Stream,
  staging: Staging,
): Promise<{ written: WrittenFile[]; empty: EmptyFile[] }> {
  const empty: EmptyFile[] = []
  const written = await Promise.all(
    stream.files.map(async ({ file, rows, documents }, i): Promise<WrittenFile | null> => {
      if (rows === 0) {
        empty.push({
          path: file.path,
          format: stream.format,
          split: SPLIT_NAMES[i - 1] ?? null,
          index: i,
        })
        await staging.drop(file)
        return null
      }
      const bytes = await file.close()
      return {
        path: file.path,
        format: stream.format,
        bytes,
        counts: { [stream.unit]: rows, documents },
      }
    }),
  )
  return { written: written.filter((f): f is WrittenFile => f !== null), empty }
}
