/**
 * The export of a project: chooses the documents, plans the files of the chosen format and
 * writes them all-or-nothing. Used by the CLI (`export`) and by the app's export job.
 *
 * The documents are read once, one at a time, and every file is written as they stream by (the
 * full file and its splits, or every format of an `all` export, at once); what needs the whole
 * corpus (the dataset card, the network) is drawn from small tallies kept on the way and written
 * last. Memory stays flat however big the project is.
 */
import { join, resolve, sep } from 'node:path'
import { serializeCodebook } from '../codebook/codebookFile'
import type { ProjectRepository } from '../storage/repository'
import { ByteBuilder } from './bytes'
import { buildCard } from './card'
import { ExportError } from './errors'
import { buildNetwork, hasNetworkDimensions, NetworkTally } from './graphml'
import { foretellLayout, LayoutChanged, measureLayout, type Layout } from './layout'
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
  stageFiles,
  stageFolder,
  type Staging,
  type WrittenFile,
} from './output'
import { eachDocument } from './pass'
import { DimensionCatalog, selectDocuments, type ExportControl, type ExportDocument } from './rows'
import { closeStream, openStreams, writeBytes, writeDocument, type Stream } from './streams'
import { ExportTally } from './tally'
import {
  eachDocumentInWorkers,
  startWorkers,
  stopWorkers,
  workerCount,
  type ExportThreads,
} from './workerPool'

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

/** How often an export starts again when its documents keep changing under it. */
const ATTEMPTS = 3

/** How an export is run: cancel and progress, and its worker threads (./workerPool.ts). */
export type ExportRun = ExportControl & ExportThreads

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
  outOrControl?: string | ExportRun,
  maybeControl?: ExportRun,
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
  const chosen = selectDocuments(repo.listDocuments(), options.documents)
  const ids = chosen.map((d) => d.id)
  let layout = foretellLayout(repo.getCodebook(), chosen, options)
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeExport({ repo, options, target, ids, layout, control })
    } catch (e) {
      if (!(e instanceof LayoutChanged)) throw e
      if (attempt === ATTEMPTS)
        throw new Error('The project changed while it was being exported; export it again.', {
          cause: e,
        })
      layout = await measureLayout(repo, ids, options, control)
    }
  }
}

interface Job {
  repo: ProjectRepository
  options: ExportOptions
  target: Target
  ids: string[]
  layout: Layout
  control: ExportRun
}

/** One attempt: stages every file, streams the documents into them, and commits. */
async function writeExport(job: Job): Promise<ExportResult> {
  const { options, target, control } = job
  const staging =
    target.kind === 'folder'
      ? await stageFolder(options.out, control.signal)
      : stageFiles(control.signal)
  try {
    const result = await writeStaged(job, staging)
    await staging.commit()
    return result
  } catch (e) {
    await staging.discard()
    throw e
  }
}

async function writeStaged(job: Job, staging: Staging): Promise<ExportResult> {
  const { repo, options, target } = job
  const streams = await openStreams(target.files, job.layout.dimensions, options, staging)
  const { dimensions, tally, network, warnings } = await streamDocuments(job, streams)
  const written: WrittenFile[] = []
  const planned: string[] = []
  const whole = async (path: string, format: SingleFormat, text: string, counts: Counts) => {
    planned.push(path)
    const file = await staging.open(path)
    await file.write([Buffer.from(text, 'utf8')])
    written.push({ path: file.path, format, bytes: await file.close(), counts })
  }
  for (const [format, paths] of target.files) {
    const stream = streams.find((s) => s.format === format)
    if (stream) {
      planned.push(...paths)
      written.push(...(await closeStream(stream)))
    } else if (format === 'codebook') {
      const c = repo.getCodebook()
      const labels = c.dimensions.reduce((n, d) => n + d.labels.length, 0)
      const counts = { dimensions: c.dimensions.length, labels }
      await whole(paths[0], format, serializeCodebook(c), counts)
    } else if (format === 'graphml' && network) {
      if (options.format === 'all' && !hasNetworkDimensions(dimensions, options.network)) {
        warnings.push('No network was written: the codebook has no actor or no argument dimension.')
        continue
      }
      const net = buildNetwork(network, dimensions, options.network)
      await whole(paths[0], format, net.xml, { nodes: net.nodes, edges: net.edges })
    }
  }
  const card = target.files.get('card')
  if (card) {
    // Last, because the card of an `all` export lists the other files, relative to its folder.
    const names = options.format === 'all' ? [...planned, ...card] : []
    const files = names.map((n) => n.slice(target.base.length))
    const codebook = repo.getCodebook()
    const data = { projectName: repo.name, codebook, dimensions, options, tally }
    await whole(card[0], 'card', buildCard(data, files), {})
  }
  const { documents, units, sentences, annotated, statements } = tally
  const counts = { documents, units, sentences, annotated, statements }
  return { format: options.format, path: options.out, files: written, ...counts, warnings }
}

type Counts = Record<string, number>

/**
 * The one pass over the documents: writes each to the streamed files and counts what the card
 * and the network need. Throws LayoutChanged when a document does not fit the files' layout.
 */
async function streamDocuments(job: Job, streams: Stream[]) {
  const { options, layout, target } = job
  const catalog = new DimensionCatalog(layout.dimensions)
  const card = target.files.has('card')
  const tally = new ExportTally(card)
  const network = target.files.has('graphml') ? new NetworkTally(options.network) : null
  // A label the codebook lacks changes only the one-hot columns; a dimension changes every file.
  const labelsMatter = options.oneHot && streams.some((s) => s.format === 'csv-sentences')
  const splitOf = (id: string) => {
    const split = layout.splits?.get(id) ?? null
    if (layout.splits && !split) throw new LayoutChanged(`"${id}" has units the index missed`)
    return split
  }
  const out = new ByteBuilder()
  const write = async (doc: ExportDocument) => {
    doc.split = splitOf(doc.document.id)
    catalog.note(doc.rows)
    if (streams.length > 0 && catalog.addedDimensions > 0)
      throw new LayoutChanged('the annotations use a dimension the codebook lacks')
    if (labelsMatter && catalog.addedLabels > 0)
      throw new LayoutChanged('the annotations use a label the codebook lacks')
    tally.add(doc.rows)
    network?.add(doc.rows)
    for (const stream of streams) await writeDocument(stream, doc, out)
  }
  // Workers make the bytes of the streamed files; what the card and the network tally needs
  // the rows in order, so such exports stay on this thread.
  const threads =
    card || network || !job.repo.heldInMemory ? 0 : workerCount(job.control, job.ids.length)
  const setup = {
    dir: job.repo.path,
    coder: job.repo.coder,
    dimensions: layout.dimensions,
    options,
    labelsMatter,
  }
  const formats = streams.map((s) => s.format)
  const workers =
    threads > 0 && streams.length > 0
      ? await startWorkers(threads, { ...setup, formats }, job.control.workerScript)
      : null
  let warnings: string[]
  if (!workers) warnings = await eachDocument(job.repo, job.ids, options, job.control, write)
  else
    try {
      // A document off the index's split list is still reported when it is reached, in order.
      const split = (id: string) => layout.splits?.get(id) ?? null
      warnings = await eachDocumentInWorkers(
        workers,
        job.repo,
        job.ids,
        split,
        options,
        job.control,
        {
          document: write,
          async bytes(id, rows, pieces, counts, layoutChanged) {
            if (layoutChanged) throw new LayoutChanged(layoutChanged)
            const split = splitOf(id)
            if (counts) tally.addCounts(counts)
            for (const [i, stream] of streams.entries())
              await writeBytes(stream, split, rows, [pieces[i]])
          },
        },
      )
    } finally {
      await stopWorkers(workers)
    }
  if (layout.splits && tally.documents !== layout.splits.size)
    throw new LayoutChanged('a document the index counted has no units to export')
  return { dimensions: catalog.dimensions, tally, network, warnings }
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
