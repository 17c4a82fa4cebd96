/**
 * Exports with a choice of layer: the gold layer, one coder's, or all of them. Gold is the
 * default once it exists (else the layer of this machine's coder, as before gold existed).
 *
 * `all` is the long layout (JSONL and the CSVs): the gold rows first, then every coder's, each
 * row led by a `coder` column (`gold` for the gold rows), so that R, SPSS and pandas pivot it
 * back to one column per coder. Its JSONL lines also carry a `provenance` column: per
 * dimension, who had the gold value, how it came to be, by whom and when (null on coder rows).
 * Importing such a file restores every layer and the gold (./layerImport.ts).
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import Papa from 'papaparse'
import type { GoldSentence } from '../../contract/adjudication'
import type { SentenceAnnotation } from '../../contract/model'
import type { ReliabilityView } from '../../contract/reliability'
import type { TeamStatus } from '../../contract/team'
import { UserError } from '../errors'
import { exportProject, type ExportResult, type ExportRun } from '../export/exporter'
import type { ExportOptionsInput } from '../export/options'
import type { ProjectRepository } from '../storage/repository'
import { writeAtomically } from '../storage/durableFile'
import type { Adjudication } from './adjudication'
import { adjudicationCard } from './card'
import { LayerView } from './layerView'

/** The gold layer's name in `--layer`, in the `coder` column and in the QDPX users. */
export const GOLD = 'gold'

export type Layer = { kind: 'gold' } | { kind: 'all' } | { kind: 'coder'; coder: string }

/** `gold`, `all` or `coder:<id>`; anything else is refused with a message. */
export function parseLayer(text: string): Layer {
  if (text === 'gold' || text === 'all') return { kind: text }
  const coder = /^coder:([a-z0-9][a-z0-9-]{2,39})$/.exec(text)?.[1]
  if (coder) return { kind: 'coder', coder }
  throw new UserError('adjudication.layerUnknown', { layer: text })
}

/** What a layered export reads: the open project, the other coders' layers, the gold. */
export interface LayerSources {
  repo: ProjectRepository
  otherLayers: {
    layerOf(coder: string, documentId: string): Record<string, SentenceAnnotation>
  } | null
  /** The coders with labels in the project (this machine's coder included when they have some). */
  coders: string[]
  adjudication: Adjudication
  /** Names for the card. */
  nameOf: (coder: string) => string
  reliability: () => Promise<ReliabilityView>
}

/** The card names coders itself (nameOf); the view needs no team for it. */
const NO_NAMES: TeamStatus = {
  me: { id: '', name: '' },
  coders: [],
  problems: [],
  codebookConflict: null,
  revision: 0,
}

/** The formats the long layout is made for: one table, one row per sentence (or statement). */
const LONG = new Set(['jsonl', 'csv-sentences', 'csv-statements'])

async function layerRepository(src: LayerSources, coder: string): Promise<ProjectRepository> {
  if (coder === GOLD) {
    const adjudication = src.adjudication
    return LayerView.of(src.repo, GOLD, (id) => adjudication.goldAnnotations(id, src.nameOf))
  }
  if (coder === src.repo.coder) return src.repo
  if (!src.coders.includes(coder)) throw new UserError('team.coderUnknown', { coder })
  const others = src.otherLayers
  return LayerView.of(src.repo, coder, async (id) => others?.layerOf(coder, id) ?? {})
}

/**
 * Exports the chosen layer (null: gold once it exists, else this machine's coder). A card
 * written with the gold or all layers reports the adjudication beside the reliability.
 */
export async function exportLayer(
  src: LayerSources,
  layerText: string | null | undefined,
  options: ExportOptionsInput,
  control: ExportRun = {},
): Promise<ExportResult> {
  await src.adjudication.store.load()
  const hasGold = src.adjudication.store.documentIds().length > 0
  const layer: Layer = layerText
    ? parseLayer(layerText)
    : hasGold
      ? { kind: 'gold' }
      : { kind: 'coder', coder: src.repo.coder }
  if (layer.kind === 'gold' && !hasGold) throw new UserError('adjudication.noGold')
  if (layer.kind === 'coder')
    return exportProject(await layerRepository(src, layer.coder), options, control)
  if (layer.kind === 'gold') {
    const result = await exportProject(await layerRepository(src, GOLD), options, control)
    await addToCard(src, result, options)
    return result
  }
  return exportAll(src, options, control)
}

async function addToCard(src: LayerSources, result: ExportResult, options: ExportOptionsInput) {
  const card = result.files.find((f) => f.format === 'card')
  if (!card) return
  const text = await readFile(card.path, 'utf8')
  const extra = adjudicationCard(
    await src.adjudication.view(NO_NAMES),
    src.adjudication.store,
    await src.reliability(),
    src.nameOf,
    options.language ?? 'en',
  )
  const content = `${text.replace(/\n*$/, '\n')}\n${extra}`
  await writeAtomically(card.path, content)
  card.bytes = Buffer.byteLength(content)
}

async function exportAll(
  src: LayerSources,
  options: ExportOptionsInput,
  control: ExportRun,
): Promise<ExportResult> {
  if (!LONG.has(options.format) || options.split)
    throw new UserError('team.longLayoutOnly', { format: options.format })
  const out = options.out as string
  // Gold first (when there is one), then the coders in the team's order.
  const hasGold = src.adjudication.store.documentIds().length > 0
  const layers = [...(hasGold ? [GOLD] : []), ...src.coders]
  const parts: string[] = []
  let total: ExportResult | null = null
  try {
    for (const id of layers) {
      const part = `${out}.${id}.part`
      parts.push(part)
      const result = await exportProject(
        await layerRepository(src, id),
        { ...options, out: part },
        control,
      )
      total = total ? add(total, result) : result
    }
    const gold = new Map<string, GoldSentence>()
    for (const documentId of src.adjudication.store.documentIds())
      for (const [unitId, g] of src.adjudication.store.sentences(documentId))
        gold.set(`${documentId}\u0000${unitId}`, g)
    await writeFile(`${out}.tmp`, await longLayout(options, layers, parts, gold))
    await rename(`${out}.tmp`, out)
  } finally {
    for (const part of parts) await rm(part, { force: true })
    await rm(`${out}.tmp`, { force: true })
  }
  const result = total as ExportResult
  return { ...result, path: out, files: result.files.slice(0, 1).map((f) => ({ ...f, path: out })) }
}

function add(a: ExportResult, b: ExportResult): ExportResult {
  return {
    ...a,
    units: a.units + b.units,
    sentences: a.sentences + b.sentences,
    nonSentences: a.nonSentences + b.nonSentences,
    annotated: a.annotated + b.annotated,
    statements: a.statements + b.statements,
    warnings: [...a.warnings, ...b.warnings],
  }
}

/** The provenance column of a gold line: per dimension id, the gold value (null elsewhere). */
function provenanceOf(line: string, gold: ReadonlyMap<string, GoldSentence>): string {
  const { document_id, sentence_id } = JSON.parse(line) as {
    document_id: string
    sentence_id: string
  }
  const g = gold.get(`${document_id}\u0000${sentence_id}`)
  if (!g) return 'null'
  // Keys in codebook order are what the file says; sorted here so equal gold gives equal bytes.
  const values = Object.fromEntries(Object.entries(g.values).sort(([a], [b]) => (a < b ? -1 : 1)))
  return JSON.stringify(values)
}

/** Joins the layers' files into one table, each row led by its layer. */
async function longLayout(
  options: ExportOptionsInput,
  layers: string[],
  parts: string[],
  gold: ReadonlyMap<string, GoldSentence>,
): Promise<string> {
  const texts = await Promise.all(parts.map((p) => readFile(p, 'utf8').catch(() => '')))
  if (options.format === 'jsonl')
    return texts
      .flatMap((text, i) =>
        text
          .split('\n')
          .filter(Boolean)
          .map((line) => {
            const provenance = layers[i] === GOLD ? provenanceOf(line, gold) : 'null'
            return `{"coder":${JSON.stringify(layers[i])},"provenance":${provenance},${line.slice(1)}\n`
          }),
      )
      .join('')
  // CSV cells may hold line breaks: rows are found by a CSV parser, not by lines.
  const delimiter = options.delimiter ?? ','
  const bom = texts.some((t) => t.startsWith('\ufeff'))
  let header: string[] | null = null
  const rows: string[][] = []
  texts.forEach((text, i) => {
    const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), {
      delimiter,
      skipEmptyLines: true,
    })
    const [head, ...body] = parsed.data
    if (!head) return
    header ??= ['coder', ...head]
    for (const row of body) rows.push([layers[i], ...row])
  })
  if (!header) return ''
  // The cells were neutralised by the export already; they are written back as they are.
  return `${bom ? '\ufeff' : ''}${Papa.unparse([header, ...rows], { delimiter, newline: '\r\n' })}\r\n`
}
