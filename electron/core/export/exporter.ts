/**
 * The export of a project: chooses the documents, plans the files of the chosen format and
 * writes them all-or-nothing. Used by the CLI (`export`) and by the app's export job.
 *
 * The documents are read once, one at a time, and every file is written as they stream by (the
 * full file and its splits, or every format of an `all` export, at once); what needs the whole
 * corpus (the dataset card, the network) is drawn from small tallies kept on the way and written
 * last. Memory stays flat however big the project is.
 */
import { basename, resolve, sep } from 'node:path'
import { msg, type Message } from '../../contract/messages'
import { serializeCodebook } from '../codebook/codebookFile'
import { UserError } from '../errors'
import type { ProjectRepository } from '../storage/repository'
import { ByteBuilder } from './bytes'
import type { CardReliability } from '../reliability/card'
import { buildCard } from './card'
import { ExportError } from './errors'
import { buildNetwork, networkProblem, NetworkTally } from './graphml'
import { buildQdpx } from '../exchange/qdpxExport'
import { foretellLayout, hasNewMetaKey, LayoutChanged, measureLayout, type Layout } from './layout'
import {
  resolveExportOptions,
  type ExportFormat,
  type ExportOptions,
  type ExportOptionsInput,
} from './options'
import { stageFiles, stageFolder, type Staging, type WrittenFile } from './output'
import { eachDocument } from './pass'
import { DimensionCatalog, selectDocuments, type ExportControl, type ExportDocument } from './rows'
import { closeStream, openStreams, writeBytes, writeDocument, type Stream } from './streams'
import { ExportTally } from './tally'
import { chooseTarget, type SingleFormat, type Target } from './target'
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
  /** The other units: headings, bylines, captions and meta lines not included in coding. */
  nonSentences: number
  annotated: number
  statements: number
  /** What was left out or not written, and why; a file with nothing in it is not written. */
  warnings: Message[]
}

/** How often an export starts again when its documents keep changing under it. */
const ATTEMPTS = 3

/** How an export is run: cancel and progress, and its worker threads (./workerPool.ts). */
export type ExportRun = ExportControl &
  ExportThreads & {
    /** The intercoder reliability the card reports, when the project has a team. */
    cardReliability?: () => Promise<CardReliability | null>
  }

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
  const codebook = repo.getCodebook()
  const options = resolveExportOptions({ ...input, out: out && resolve(out) }, codebook)
  const project = resolve(repo.path)
  if (options.out === project || options.out.startsWith(project + sep))
    throw new ExportError(options.out, msg('export.reason.insideProject'))
  // The target is checked first: a typo in the path should not cost the time of reading the corpus.
  const target = await chooseTarget(options)
  const chosen = selectDocuments(repo.listDocuments(), options.documents)
  const ids = chosen.map((d) => d.id)
  let layout = foretellLayout(codebook, chosen, options)
  // A network alone that cannot be drawn is refused before the corpus is read.
  const problem = options.format === 'graphml' && networkProblem(layout.dimensions, options.network)
  if (problem) throw UserError.of(problem)
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeExport({ repo, options, target, ids, layout, control })
    } catch (e) {
      if (!(e instanceof LayoutChanged)) throw e
      if (attempt === ATTEMPTS) throw new UserError('export.projectChanged')
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
  const streams = await openStreams(target.files, job.layout, options, staging)
  const { dimensions, tally, network, warnings } = await streamDocuments(job, streams)
  let nothing = false
  const emptySplits = new Map<string, string[]>()
  // What the data files leave out comes first, before what the other files say.
  const dataWarningsAt = warnings.length
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
      const { written: files, empty } = await closeStream(stream, staging)
      written.push(...files)
      planned.push(...paths.filter((_, i) => !empty.some((e) => e.index === i)))
      for (const e of empty) {
        const file = basename(e.path)
        if (e.split) {
          if (!empty.some((f) => f.split === null))
            emptySplits.set(e.split, [...(emptySplits.get(e.split) ?? []), file])
        } else if (tally.units === 0) nothing = true
        else
          warnings.push(
            msg('export.warning.emptyFile', { file, what: msg('export.what.statements') }),
          )
      }
    } else if (format === 'codebook') {
      const c = repo.getCodebook()
      const labels = c.dimensions.reduce((n, d) => n + d.labels.length, 0)
      const counts = { dimensions: c.dimensions.length, labels }
      await whole(paths[0], format, serializeCodebook(c), counts)
    } else if (format === 'graphml' && network) {
      const problem = networkProblem(dimensions, options.network)
      if (problem) {
        if (options.format !== 'all') throw UserError.of(problem)
        warnings.push(
          problem.code === 'export.networkNoDimension'
            ? msg('export.warning.noNetwork', problem.params)
            : problem,
        )
        continue
      }
      const net = buildNetwork(network, dimensions, options.network)
      if (net.nodes === 0) {
        warnings.push(msg('export.warning.emptyNetwork'))
        continue
      }
      await whole(paths[0], format, net.xml, { nodes: net.nodes, edges: net.edges })
    } else if (format === 'qdpx') {
      const qdpx = await buildQdpx(repo, {
        ids: job.ids,
        annotator: options.annotator,
        lineEndings: options.lineEndings,
        onlyAnnotated: options.onlyAnnotated,
        signal: job.control.signal,
      })
      planned.push(paths[0])
      const file = await staging.open(paths[0])
      await file.write([Buffer.from(qdpx.bytes)])
      written.push({ path: file.path, format, bytes: await file.close(), counts: qdpx.counts })
      warnings.push(...qdpx.warnings)
    }
  }
  warnings.splice(
    dataWarningsAt,
    0,
    ...[...emptySplits].map(([split, files]) =>
      msg('export.warning.emptySplit', { split, count: tally.documents, files: files.join(', ') }),
    ),
  )
  if (nothing) warnings.unshift(msg('export.warning.nothingExported'))
  const card = target.files.get('card')
  if (card) {
    // Last, because the card of an `all` export lists the other files, relative to its folder.
    const names = options.format === 'all' ? [...planned, ...card] : []
    const files = names.map((n) => n.slice(target.base.length))
    const codebook = repo.getCodebook()
    const reliability = (await job.control.cardReliability?.()) ?? null
    const data = { projectName: repo.name, codebook, dimensions, options, tally, reliability }
    await whole(card[0], 'card', buildCard(data, files), {})
  }
  const { documents, units, sentences, nonSentences, annotated, statements } = tally
  const counts = { documents, units, sentences, nonSentences, annotated, statements }
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
  // A free metadata key is a CSV column; the JSONL lists the keys per line.
  const metaMatters = streams.some((s) => s.format !== 'jsonl')
  const metaKeys = new Set(layout.metaKeys)
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
    if (metaMatters && hasNewMetaKey(metaKeys, doc.document.meta))
      throw new LayoutChanged('a document has a metadata field the index missed')
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
    columns: { dimensions: layout.dimensions, metaKeys: layout.metaKeys },
    options,
    labelsMatter,
    metaMatters,
  }
  const formats = streams.map((s) => s.format)
  const workers =
    threads > 0 && streams.length > 0
      ? await startWorkers(threads, { ...setup, formats }, job.control.workerScript)
      : null
  let warnings: Message[]
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
