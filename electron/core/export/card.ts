/**
 * The dataset card (README.md) of an export: what the corpus is, how it was coded, how the
 * labels are distributed and how to load the files. Names, definitions and notes are typed by
 * analysts or imported with articles, so every such text is escaped before it goes into
 * Markdown: a label called `<script>` or `*x*` must show as written, not render.
 */
import type { Codebook } from '../../contract/model'
import { FOLDER_FILES, SPLIT_NAMES, splitFilePath, type ExportOptions } from './options'
import type { DimensionInfo } from './rows'
import type { ExportTally } from './tally'

/** What a card describes: the export's options and dimensions, and what it counted. */
export interface CardData {
  projectName: string
  codebook: Codebook
  dimensions: DimensionInfo[]
  options: ExportOptions
  tally: ExportTally
}

/** Escapes untrusted text for inline Markdown (table cells included) and for HTML. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Brackets escaped, parentheses and ! cannot form a link or an image; # would end a heading.
      .replace(/[\\`*_[\]|~#]/g, '\\$&')
  )
}

const e = escapeMarkdown

/** An id as code; ids are letters, digits, _ . - (validated), anything else is escaped text. */
function code(id: string): string {
  return /^[\p{L}\p{N}_.-]+$/u.test(id) ? `\`${id}\`` : e(id)
}

function table(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`
}

/** The card for an export whose data files are `files` (names inside the export folder). */
export function buildCard(data: CardData, files: string[]): string {
  const t = data.tally
  const out: string[] = []
  out.push(`# ${e(data.projectName || 'Annotated corpus')}`, '')
  out.push(
    'Sentences of news articles coded with stance, actors and arguments, exported from the ' +
      'annotation workbench. Each line of the JSONL file is one unit of a document (a sentence, ' +
      'or a heading, byline, caption or meta line) with its annotation.',
    '',
    '## Corpus',
    '',
    table(
      ['', 'Count'],
      [
        ['Documents', t.documents],
        ['Units exported', t.units],
        ...[...t.kinds].map(([kind, n]): [string, number] => [`– ${kind}`, n]),
        ['Sentences (annotatable units)', t.sentences],
        ['Annotated sentences', t.annotated],
        ['Statements', t.statements],
      ],
    ),
    '',
  )
  out.push(...distribution(data))
  out.push(...definitions(data))
  out.push(...provenanceSection(data))
  out.push(...optionsSection(data))
  out.push(...loadingSection(data, files))
  return `${out.join('\n').trimEnd()}\n`
}

function distribution(data: CardData): string[] {
  const out = ['## Label distribution', '']
  const none = new Map<string, number>()
  for (const dimension of data.dimensions) {
    const counts = data.tally.labels.get(dimension.id)
    const statements = counts?.statements ?? none
    const sentences = counts?.sentences ?? none
    out.push(`### ${e(dimension.name)} (${code(dimension.id)})`, '')
    out.push(
      table(
        ['Label', 'Id', 'Statements', 'Sentences', 'Share of annotated sentences'],
        [...dimension.labels].map(([id, name]) => [
          e(name),
          code(id),
          statements.get(id) ?? 0,
          sentences.get(id) ?? 0,
          percent(sentences.get(id) ?? 0, data.tally.annotated),
        ]),
      ),
      '',
    )
  }
  return out
}

function definitions(data: CardData): string[] {
  const out = ['## Label definitions', '', `Codebook version ${data.codebook.version}.`, '']
  for (const dimension of data.codebook.dimensions) {
    const kind = dimension.multi ? 'several labels per statement' : 'one label per statement'
    out.push(`### ${e(dimension.name)} (${code(dimension.id)}, ${kind})`, '')
    for (const label of dimension.labels) {
      const definition = label.definition.trim() ? `: ${e(label.definition)}` : ''
      out.push(`- **${e(label.name)}** (${code(label.id)})${definition}`)
      for (const example of label.examples) out.push(`  - Example: ${e(example)}`)
    }
    out.push('')
  }
  return out
}

function provenanceSection(data: CardData): string[] {
  const { annotators, versions } = data.tally
  return [
    '## Annotators',
    '',
    table(
      ['Annotator', 'Annotated sentences'],
      [...annotators].sort((a, b) => b[1] - a[1]).map(([name, n]) => [e(name) || '(unnamed)', n]),
    ),
    '',
    '## Codebook versions used',
    '',
    `The codebook exported with this dataset is version ${data.codebook.version}.`,
    '',
    table(
      ['Version', 'Annotated sentences'],
      [...versions].sort((a, b) => a[0] - b[0]).map(([v, n]) => [v, n]),
    ),
    '',
  ]
}

function optionsSection(data: CardData): string[] {
  const o = data.options
  const chosen = [
    ...(o.documents.ids ? [o.documents.ids.map(code).join(', ')] : []),
    ...(o.documents.meta
      ? [`${e(o.documents.meta.field)} contains "${e(o.documents.meta.value)}"`]
      : []),
  ]
  const docs = chosen.length ? chosen.join('; ') : 'all'
  const split = o.split
    ? `train ${o.split.train} / dev ${o.split.dev} / test ${o.split.test}, seed ${o.split.seed}, by document`
    : 'none'
  return [
    '## Export options',
    '',
    table(
      ['Option', 'Value'],
      [
        ['Documents', docs],
        ['Only annotated sentences', o.onlyAnnotated ? 'yes' : 'no'],
        [
          'Headings, bylines, captions, meta lines',
          o.includeNonSentences ? 'included' : 'left out',
        ],
        ['Annotator', o.annotator ? e(o.annotator) : 'all'],
        ['Split', split],
        [
          'Network dimensions',
          `actor ${code(o.network.actor)}, argument ${code(o.network.argument)}, stance ${code(o.network.stance)}`,
        ],
      ],
    ),
    '',
  ]
}

function loadingSection(data: CardData, files: string[]): string[] {
  const jsonl = files.find((f) => f.endsWith('.jsonl')) ?? FOLDER_FILES.jsonl
  const dims = data.dimensions.map((d) => d.id)
  const example = dims[0] ?? 'stance'
  const out = files.length ? ['## Files', '', ...files.map((f) => `- \`${f}\``), ''] : []
  out.push('## Loading', '', '```python')
  out.push(
    'import pandas as pd',
    `df = pd.read_json("${jsonl}", lines=True)`,
    'sentences = df[df["kind"] == "sentence"]',
    `# the labels of the first statement of each sentence, e.g. "${example}":`,
    `df["${example}"] = df["statements"].map(lambda s: s[0]["label_names"]["${example}"] if s else [])`,
    '',
    'from datasets import load_dataset',
  )
  if (data.options.split) {
    const parts = SPLIT_NAMES.map((s) => `"${s}": "${splitFilePath(jsonl, s)}"`).join(', ')
    out.push(`ds = load_dataset("json", data_files={${parts}})`)
  } else out.push(`ds = load_dataset("json", data_files="${jsonl}")`)
  out.push('```', '', '## Fields of the JSONL file', '')
  out.push(
    '- `document_id`, `document_meta` (title, source, author, date, url, genre, extra as a list of key/value pairs), `document_origin`, `document_imported_at`, `document_units` (the number of units of the document)',
    "- `sentence_id` (stable unit id), `index` (position among the document's units), `kind`, `included` (a non-sentence unit chosen for coding; null when never set)",
    '- `start`, `end`: character offsets (UTF-16 code units, as in JavaScript) into the document text',
    '- `text_before`, `text`, `text_after`: concatenated over a document they give its exact text',
    `- \`annotated\`, \`statements\` (per statement: \`statement_id\`, \`label_ids\`, \`label_names\` and \`provenance\` per dimension: ${dims.map(code).join(', ')})`,
    '- `annotator`, `created_at`, `updated_at`, `codebook_version`, `note`, `uncertain`, `needs_review`: null when the unit has no annotation',
    ...(data.options.split ? ['- `split`: train, dev or test (whole documents)'] : []),
    '',
  )
  return out
}
