/**
 * The dataset card (README.md) of an export: what the corpus is, how it was coded, how the
 * labels are distributed and how to load the files. Names, definitions and notes are typed by
 * analysts or imported with articles, so every such text is escaped before it goes into
 * Markdown: a label called `<script>` or `*x*` must show as written, not render. Written in the
 * language the export asks for (./cardText.ts).
 */
import type { Codebook } from '../../contract/model'
import { reliabilitySection, type CardReliability } from '../reliability/card'
import { CARD_TEXT, type CardText } from './cardText'
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
  /** Alpha per dimension with interval, its sample and codebook version (team projects). */
  reliability?: CardReliability | null
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

function percent(part: number, whole: number, w: CardText): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1).replace('.', w.decimal)} %`
}

/** The card for an export whose data files are `files` (names inside the export folder). */
export function buildCard(data: CardData, files: string[]): string {
  const w = CARD_TEXT[data.options.language]
  const t = data.tally
  const out: string[] = []
  out.push(`# ${e(data.projectName || w.defaultTitle)}`, '')
  out.push(
    w.intro,
    '',
    `## ${w.corpus}`,
    '',
    table(
      ['', w.count],
      [
        [w.documents, t.documents],
        [w.unitsExported, t.units],
        ...[...t.kinds].map(([kind, n]): [string, number] => [`– ${w.kinds[kind] ?? kind}`, n]),
        [w.sentences, t.sentences],
        [w.annotatedSentences, t.annotated],
        [w.statements, t.statements],
      ],
    ),
    '',
  )
  out.push(...distribution(data, w))
  out.push(...definitions(data, w))
  out.push(...provenanceSection(data, w))
  out.push(...reliabilitySection(data.reliability, data.options.language, e))
  out.push(...optionsSection(data, w))
  out.push(...loadingSection(data, files, w))
  return `${out.join('\n').trimEnd()}\n`
}

function distribution(data: CardData, w: CardText): string[] {
  const out = [`## ${w.distribution}`, '']
  const none = new Map<string, number>()
  for (const dimension of data.dimensions) {
    const counts = data.tally.labels.get(dimension.id)
    const statements = counts?.statements ?? none
    const sentences = counts?.sentences ?? none
    out.push(`### ${e(dimension.name)} (${code(dimension.id)})`, '')
    out.push(
      table(
        [w.label, w.id, w.statementsColumn, w.sentencesColumn, w.share],
        [...dimension.labels].map(([id, name]) => [
          e(name),
          code(id),
          statements.get(id) ?? 0,
          sentences.get(id) ?? 0,
          percent(sentences.get(id) ?? 0, data.tally.annotated, w),
        ]),
      ),
      '',
    )
  }
  return out
}

function definitions(data: CardData, w: CardText): string[] {
  const out = [`## ${w.definitions}`, '', w.codebookVersion(data.codebook.version), '']
  for (const dimension of data.codebook.dimensions) {
    const kind = dimension.multi ? w.multi : w.single
    out.push(`### ${e(dimension.name)} (${code(dimension.id)}, ${kind})`, '')
    for (const label of dimension.labels) {
      const definition = label.definition.trim() ? `: ${e(label.definition)}` : ''
      out.push(`- **${e(label.name)}** (${code(label.id)})${definition}`)
      for (const example of label.examples) out.push(`  - ${w.example}: ${e(example)}`)
    }
    out.push('')
  }
  return out
}

function provenanceSection(data: CardData, w: CardText): string[] {
  const { annotators, versions } = data.tally
  return [
    `## ${w.annotators}`,
    '',
    table(
      [w.annotator, w.annotatedSentences],
      [...annotators].sort((a, b) => b[1] - a[1]).map(([name, n]) => [e(name) || w.unnamed, n]),
    ),
    '',
    w.modelAccepted(data.tally.modelAccepted, data.tally.labelsGiven),
    '',
    `## ${w.versionsUsed}`,
    '',
    w.versionExported(data.codebook.version),
    '',
    table(
      [w.version, w.annotatedSentences],
      [...versions].sort((a, b) => a[0] - b[0]).map(([v, n]) => [v, n]),
    ),
    '',
  ]
}

function optionsSection(data: CardData, w: CardText): string[] {
  const o = data.options
  const chosen = [
    ...(o.documents.ids ? [o.documents.ids.map(code).join(', ')] : []),
    ...(o.documents.meta ? [w.contains(e(o.documents.meta.field), e(o.documents.meta.value))] : []),
  ]
  const docs = chosen.length ? chosen.join('; ') : w.all
  const split = o.split
    ? w.splitValue(o.split.train, o.split.dev, o.split.test, o.split.seed)
    : w.none
  const dim = (id: string | null) => (id === null ? '–' : code(id))
  const { actor, argument, stance } = o.network
  return [
    `## ${w.options}`,
    '',
    table(
      [w.option, w.value],
      [
        [w.documents, docs],
        [w.onlyAnnotated, o.onlyAnnotated ? w.yes : w.no],
        [w.nonSentences, o.includeNonSentences ? w.included : w.leftOut],
        [w.annotator, o.annotator ? e(o.annotator) : w.everyone],
        [w.split, split],
        [w.delimiter, w.delimiters[o.delimiter] ?? o.delimiter],
        [w.network, w.networkValue(dim(actor), dim(argument), dim(stance))],
      ],
    ),
    '',
  ]
}

function loadingSection(data: CardData, files: string[], w: CardText): string[] {
  const jsonl = files.find((f) => f.endsWith('.jsonl')) ?? FOLDER_FILES.jsonl
  const dims = data.dimensions.map((d) => d.id)
  const example = dims[0] ?? 'stance'
  const out = files.length ? [`## ${w.files}`, '', ...files.map((f) => `- \`${f}\``), ''] : []
  out.push(`## ${w.loading}`, '', '```python')
  out.push(
    'import pandas as pd',
    `df = pd.read_json("${jsonl}", lines=True)`,
    'sentences = df[df["kind"] == "sentence"]',
    w.firstStatement(example),
    `df["${example}"] = df["statements"].map(lambda s: s[0]["label_names"]["${example}"] if s else [])`,
    '',
    'from datasets import load_dataset',
  )
  if (data.options.split) {
    // Only the parts that were written: an empty one has no file to load.
    const written = SPLIT_NAMES.filter(
      (s) => !files.length || files.includes(splitFilePath(jsonl, s)),
    )
    const parts = written.map((s) => `"${s}": "${splitFilePath(jsonl, s)}"`).join(', ')
    out.push(`ds = load_dataset("json", data_files={${parts}})`)
  } else out.push(`ds = load_dataset("json", data_files="${jsonl}")`)
  out.push('```', '', `## ${w.fields}`, '')
  out.push(
    ...w.fieldLines(dims.map(code).join(', ')),
    ...(data.options.split ? [w.splitField] : []),
    '',
  )
  return out
}
