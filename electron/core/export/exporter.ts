/**
 * The export of a project: chooses and reads the documents, plans the files of the chosen
 * format and writes them all-or-nothing. Used by the CLI (`export`) and by the app's export job.
 */
import { join, resolve, sep } from 'node:path'
import { isAnnotatable, isAnnotated } from '../../contract/model'
import { serializeCodebook } from '../codebook/codebookFile'
import type { ProjectRepository } from '../storage/repository'
import { buildCard } from './card'
import { countStatements, csvChunks, sentenceTable, statementTable } from './csv'
import { ExportError } from './errors'
import { buildNetwork } from './graphml'
import { jsonlSerializer } from './jsonl'
import {
  FOLDER_FILES,
  folderFileNames,
  resolveExportOptions,
  SPLIT_NAMES,
  SPLITTABLE,
  splitFilePath,
  type ExportFormat,
  type ExportOptions,
  type ExportOptionsInput,
} from './options'
import {
  checkFileTarget,
  folderTarget,
  isFolder,
  writeFiles,
  writeFolder,
  type PlannedFile,
  type WrittenFile,
} from './output'
import { loadExportData, type ExportControl, type ExportData, type ExportDocument } from './rows'

export interface ExportResult {
  format: ExportFormat
  /** The file, or the folder the files went into, as an absolute path. */
  path: string
  files: WrittenFile[]
  documents: number
  /** Units written (sentences plus, unless left out, headings and the like). */
  units: number
  /** Annotatable units among them. */
  sentences: number
  annotated: number
  statements: number
  warnings: string[]
}

type SingleFormat = Exclude<ExportFormat, 'all'>

/**
 * Exports a project. The target is `options.out`, or the third argument (as the app's export
 * job passes it). `all` writes a folder; so does a split export whose target is a folder.
 * Reports progress per document read, stops when `signal` aborts (rejecting with an
 * `AbortError` and leaving no file behind) and rejects with an error naming the path when the
 * target cannot be written, again leaving nothing partial.
 */
export async function exportProject(
  repo: ProjectRepository,
  input: ExportOptionsInput,
  outOrControl?: string | ExportControl,
  maybeControl?: ExportControl,
): Promise<ExportResult> {
  const control = (typeof outOrControl === 'object' ? outOrControl : maybeControl) ?? {}
  const out = typeof outOrControl === 'string' ? outOrControl : input.out
  if (!out) throw new Error('Invalid export options: out: the output path is missing')
  const options = resolveExportOptions({ ...input, out: resolve(out) })
  const project = resolve(repo.path)
  if (options.out === project || options.out.startsWith(project + sep))
    throw new ExportError(
      options.out,
      'it is inside the project folder, where it could overwrite the project; choose a place outside it',
    )
  // The target is checked first: a typo in the path should not cost the time of reading the corpus.
  const target = await chooseTarget(options)
  const data = await loadExportData(repo, options, control)
  const warnings = [...data.warnings]
  const planned: PlannedFile[] = []
  for (const [format, paths] of target.files) {
    if (format === 'graphml' && options.format === 'all' && !hasNetworkDimensions(data)) {
      warnings.push('No network was written: the codebook has no actor or no argument dimension.')
      continue
    }
    if (format !== 'card') planned.push(...plan(data, format, paths))
  }
  const card = target.files.get('card')
  if (card) {
    // Last, because the card of an `all` export lists the other files, relative to its folder.
    const names = options.format === 'all' ? [...planned.map((p) => p.path), ...card] : []
    planned.push(
      ...plan(
        data,
        'card',
        card,
        names.map((n) => n.slice(target.base.length)),
      ),
    )
  }
  const files =
    target.kind === 'folder'
      ? await writeFolder(options.out, planned, control.signal)
      : await writeFiles(planned, control.signal)
  return { format: options.format, path: options.out, files, ...counts(data), warnings }
}

function counts(data: ExportData) {
  let units = 0
  let sentences = 0
  let annotated = 0
  for (const d of data.documents)
    for (const r of d.rows) {
      units++
      if (isAnnotatable(r.unit)) sentences++
      if (r.annotation && isAnnotated(r.annotation)) annotated++
    }
  const statements = countStatements(data.documents)
  return { documents: data.documents.length, units, sentences, annotated, statements }
}

interface Target {
  /** `folder`: written into a new folder renamed into place; `files`: each file staged alone. */
  kind: 'folder' | 'files'
  /** Per format, the paths it writes; relative to the folder for `folder`. */
  files: Map<SingleFormat, string[]>
  /** The prefix of the paths that makes them relative to the export (for the card). */
  base: string
}

async function chooseTarget(options: ExportOptions): Promise<Target> {
  const { out, format } = options
  const split = options.split !== null
  const inFolder = (folder: string, formats: SingleFormat[]) =>
    new Map(formats.map((f) => [f, filePaths(f, join(folder, FOLDER_FILES[f]), split)]))
  if (format === 'all') {
    const formats = Object.keys(FOLDER_FILES) as SingleFormat[]
    const state = await folderTarget(out, folderFileNames())
    // A folder of the analyst's own is never replaced: the files go in beside theirs.
    if (state === 'shared')
      return { kind: 'files', files: inFolder(out, formats), base: join(out, '/') }
    return { kind: 'folder', files: inFolder('', formats), base: '' }
  }
  if (await isFolder(out)) {
    if (!split) throw new ExportError(out, 'it is a folder; give the name of a file')
    return { kind: 'files', files: inFolder(out, [format]), base: join(out, '/') }
  }
  const paths = filePaths(format, out, split)
  for (const path of paths) await checkFileTarget(path)
  return { kind: 'files', files: new Map([[format, paths]]), base: '' }
}

/** The paths a format writes: the file, and with a split one file per split beside it. */
function filePaths(format: SingleFormat, out: string, split: boolean): string[] {
  if (!split || !SPLITTABLE.has(format)) return [out]
  return [out, ...SPLIT_NAMES.map((s) => splitFilePath(out, s))]
}

function hasNetworkDimensions(data: ExportData): boolean {
  const ids = new Set(data.dimensions.map((d) => d.id))
  return ids.has(data.options.network.actor) && ids.has(data.options.network.argument)
}

/** The files of one format; the first path gets every document, the others one split each. */
function plan(
  data: ExportData,
  format: SingleFormat,
  paths: string[],
  cardFiles: string[] = [],
): PlannedFile[] {
  const parts: Array<ExportDocument[]> = [
    data.documents,
    ...SPLIT_NAMES.map((s) => data.documents.filter((d) => d.split === s)),
  ]
  const withSplit = data.options.split !== null
  return paths.map((path, i): PlannedFile => {
    const documents = parts[i]
    const rows = documents.reduce((n, d) => n + d.rows.length, 0)
    switch (format) {
      case 'jsonl':
        return {
          path,
          format,
          counts: { lines: rows, documents: documents.length },
          // Lazy, one document at a time: the writer flushes every megabyte, so memory stays flat.
          chunks: function* () {
            const serialize = jsonlSerializer(data.dimensions, withSplit)
            for (const d of documents) yield serialize(d)
          },
        }
      case 'csv-sentences':
        return {
          path,
          format,
          counts: { rows, documents: documents.length },
          chunks: () => csvChunks(sentenceTable(data), documents, data.options.bom),
        }
      case 'csv-statements':
        return {
          path,
          format,
          counts: { rows: countStatements(documents), documents: documents.length },
          chunks: () => csvChunks(statementTable(data), documents, data.options.bom),
        }
      case 'codebook': {
        const c = data.codebook
        const labels = c.dimensions.reduce((n, d) => n + d.labels.length, 0)
        return {
          path,
          format,
          counts: { dimensions: c.dimensions.length, labels },
          chunks: () => [serializeCodebook(c)],
        }
      }
      case 'card': {
        const text = buildCard(data, cardFiles)
        return { path, format, counts: {}, chunks: () => [text] }
      }
      case 'graphml': {
        // Built now, before any file is opened, so a missing dimension fails without a trace.
        const network = buildNetwork(data)
        return {
          path,
          format,
          counts: { nodes: network.nodes, edges: network.edges },
          chunks: () => [network.xml],
        }
      }
    }
  })
}
