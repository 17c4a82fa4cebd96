/**
 * The `export` command's arguments, turned into export options. Kept beside the exporter so
 * that the CLI file stays a thin dispatcher and the flags are tested with the options.
 */
import { parseArgs } from 'node:util'
import type { CardLanguage, CsvDelimiter } from '../../contract/exportOptions'
import { formatMessage } from '../../contract/messages'
import type { ExportResult } from './exporter'
import { EXPORT_FORMATS, type ExportFormat, type ExportOptionsInput } from './options'

export const EXPORT_USAGE = `  export --project DIR --format F --out PATH [options]
                                         export a project; F is jsonl, csv-sentences,
                                         csv-statements, codebook, card, graphml, qdpx (a
                                         REFI-QDA project for MAXQDA, ATLAS.ti, NVivo,
                                         QualCoder), or all (a folder; a split export may also
                                         go into a folder)
      --only-annotated                   only coded sentences (as the codebook counts them)
      --sentences-only                   leave out headings, bylines, captions, meta lines
      --annotator NAME                   only the annotations of this annotator
      --documents ID,ID                  only these documents
      --where FIELD=VALUE                only documents whose metadata FIELD contains VALUE
                                         (with --documents: both must hold)
      --split 0.8,0.1,0.1 [--seed N]     train/dev/test files, grouped by document
      --bom --one-hot                    CSV: byte order mark for Excel; 0/1 column per label
      --delimiter D                      CSV: comma (default), semicolon (for German Excel) or tab
      --actor DIM --argument DIM --stance DIM   the network's dimensions (default: found in the
                                         codebook by name or shape); --stance none for no stance
      --language en|de                   the language of the dataset card (default en)
      --crlf                             qdpx: CRLF line endings in the source texts (some
                                         MAXQDA versions expect them; positions count them)
      --json                             print the result as JSON
`

/** What --delimiter accepts: the character itself, or its name. */
const DELIMITERS: Record<string, CsvDelimiter> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  '\t': '\t',
  tab: '\t',
}

export interface ExportCommand {
  project: string
  options: ExportOptionsInput
  json: boolean
}

/** Parses `export` arguments; throws an Error with a message for the analyst. */
export function parseExportArgs(args: string[]): ExportCommand {
  const { values } = parseArgs({
    args,
    options: {
      project: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      'only-annotated': { type: 'boolean' },
      'sentences-only': { type: 'boolean' },
      annotator: { type: 'string' },
      documents: { type: 'string' },
      where: { type: 'string' },
      split: { type: 'string' },
      seed: { type: 'string' },
      bom: { type: 'boolean' },
      'one-hot': { type: 'boolean' },
      actor: { type: 'string' },
      argument: { type: 'string' },
      stance: { type: 'string' },
      delimiter: { type: 'string' },
      language: { type: 'string' },
      crlf: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  })
  if (!values.project) throw new Error('--project DIR is required')
  if (!values.format) throw new Error(`--format is required (one of ${EXPORT_FORMATS.join(', ')})`)
  if (!values.out) throw new Error('--out PATH is required')
  const options: ExportOptionsInput = {
    format: values.format as ExportFormat,
    out: values.out,
    onlyAnnotated: values['only-annotated'] ?? false,
    includeNonSentences: !values['sentences-only'],
    annotator: values.annotator ?? null,
    bom: values.bom ?? false,
    oneHot: values['one-hot'] ?? false,
    network: {
      actor: values.actor,
      argument: values.argument,
      stance: values.stance === 'none' ? null : values.stance,
    },
  }
  if (values.delimiter !== undefined) {
    const delimiter = DELIMITERS[values.delimiter]
    if (!delimiter) throw new Error('--delimiter takes comma, semicolon or tab (or , ; \\t)')
    options.delimiter = delimiter
  }
  // The schema checks the value; the flag only passes it on.
  if (values.language !== undefined) options.language = values.language as CardLanguage
  if (values.crlf) options.lineEndings = 'crlf'
  options.documents = {}
  if (values.documents)
    options.documents.ids = values.documents
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  if (values.where) {
    const eq = values.where.indexOf('=')
    if (eq <= 0) throw new Error('--where takes FIELD=VALUE, e.g. --where source=Spiegel')
    options.documents.meta = { field: values.where.slice(0, eq), value: values.where.slice(eq + 1) }
  }
  if (values.split) {
    const parts = values.split.split(',').map(Number)
    if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n)))
      throw new Error('--split takes three fractions, e.g. --split 0.8,0.1,0.1')
    const seed = values.seed === undefined ? 1 : Number(values.seed)
    options.split = { train: parts[0], dev: parts[1], test: parts[2], seed }
  } else if (values.seed !== undefined) throw new Error('--seed only goes with --split')
  // Unset network flags must stay unset, so the defaults apply.
  options.network = Object.fromEntries(
    Object.entries(options.network ?? {}).filter(([, v]) => v !== undefined),
  )
  return { project: values.project, options, json: values.json ?? false }
}

/** The result in a few lines: every file with its size and counts, then any warnings. */
export function formatExportResult(result: ExportResult): string {
  const lines = [
    `exported ${result.documents} documents: ${result.units} units (${result.sentences} sentences, ${result.nonSentences} headings, bylines, captions or meta lines; ${result.annotated} annotated, ${result.statements} statements) in ${result.files.length} files to ${result.path}`,
  ]
  for (const f of result.files) {
    const counts = Object.entries(f.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')
    lines.push(`  ${f.path}  ${f.bytes} bytes${counts ? `  (${counts})` : ''}`)
  }
  for (const w of result.warnings) lines.push(`  ~ ${formatMessage(w)}`)
  return `${lines.join('\n')}\n`
}
