/**
 * What an export writes and which part of the project it takes, with the defaults that make a
 * plain export a complete one: every document, every unit (headings too), every annotator, so
 * that the JSONL can rebuild the project (see ./roundTrip.ts).
 */
import { basename, dirname, extname, join } from 'node:path'
import { z } from 'zod'
import { EXPORT_FORMATS, type ExportFormat } from '../../contract/model'

export { EXPORT_FORMATS, type ExportFormat }

export const SPLIT_NAMES = ['train', 'dev', 'test'] as const
export type SplitName = (typeof SPLIT_NAMES)[number]

/**
 * Which documents: all (nothing given), a list of ids, and/or those whose metadata field
 * (title, source, …, an extra key, or `id`) contains a value; case is ignored.
 */
export interface DocumentSelection {
  ids?: string[]
  meta?: { field: string; value: string }
}

export interface SplitOptions {
  train: number
  dev: number
  test: number
  seed: number
}

/** Which dimensions hold the actors, the arguments and the stance of the network. */
export interface NetworkOptions {
  actor: string
  argument: string
  stance: string
}

export interface ExportOptions {
  format: ExportFormat
  /** A file, or for `all` a folder. */
  out: string
  documents: DocumentSelection
  /** Only units with at least one label. */
  onlyAnnotated: boolean
  /** Headings, bylines, captions and meta lines too (needed to rebuild the documents). */
  includeNonSentences: boolean
  /** Only the annotations of this annotator; the others count as unannotated. */
  annotator: string | null
  split: SplitOptions | null
  /** A byte order mark at the start of CSV files, for Excel. */
  bom: boolean
  /** One 0/1 column per label (`<dimension>:<label id>`) in the sentence CSV. */
  oneHot: boolean
  network: NetworkOptions
}

/**
 * What a caller must give; everything else has a default. The app's ExportOptions (contract)
 * fit as they are, with the path passed beside them.
 */
export type ExportOptionsInput = { format: ExportFormat; out?: string } & {
  [K in Exclude<keyof ExportOptions, 'format' | 'out' | 'network'>]?: ExportOptions[K] | undefined
} & { network?: Partial<NetworkOptions> }

const fraction = z
  .number()
  .min(0, 'a split fraction is at least 0')
  .max(1, 'a split fraction is at most 1')

const optionsSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { message: `the format is one of ${EXPORT_FORMATS.join(', ')}` }),
  out: z.string().trim().min(1, 'the output path is missing'),
  documents: z
    .object({
      ids: z.array(z.string().min(1)).min(1, 'the list of documents is empty').optional(),
      meta: z
        .object({
          field: z.string().trim().min(1, 'the metadata field is missing'),
          value: z.string(),
        })
        .optional(),
    })
    .default({}),
  onlyAnnotated: z.boolean().default(false),
  includeNonSentences: z.boolean().default(true),
  annotator: z
    .string()
    .trim()
    .min(1)
    .nullish()
    .transform((a) => a ?? null),
  split: z
    .object({
      train: fraction,
      dev: fraction,
      test: fraction,
      seed: z.number().int('the seed is a whole number').min(0).max(0xffffffff),
    })
    .refine(
      (s) => Math.abs(s.train + s.dev + s.test - 1) < 1e-6,
      'the split fractions must add up to 1',
    )
    .nullish()
    .transform((s) => s ?? null),
  bom: z.boolean().default(false),
  oneHot: z.boolean().default(false),
  network: z
    .object({
      actor: z.string().min(1).default('actor'),
      argument: z.string().min(1).default('argument'),
      stance: z.string().min(1).default('stance'),
    })
    .default({ actor: 'actor', argument: 'argument', stance: 'stance' }),
})

/** Checks export options (they may come from the CLI or the renderer) and fills in defaults. */
export function resolveExportOptions(input: ExportOptionsInput): ExportOptions {
  const parsed = optionsSchema.safeParse({ ...input, out: input.out ?? '' })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue.path.length ? `${issue.path.join('.')}: ` : ''
    throw new Error(`Invalid export options: ${where}${issue.message}`)
  }
  return parsed.data as ExportOptions
}

/** The file names inside an `all` folder. */
export const FOLDER_FILES = {
  jsonl: 'sentences.jsonl',
  'csv-sentences': 'sentences.csv',
  'csv-statements': 'statements.csv',
  codebook: 'codebook.json',
  card: 'README.md',
  graphml: 'network.graphml',
} as const satisfies Record<Exclude<ExportFormat, 'all'>, string>

/** Formats that are written once per split as well (`data.train.jsonl` beside `data.jsonl`). */
export const SPLITTABLE: ReadonlySet<ExportFormat> = new Set([
  'jsonl',
  'csv-sentences',
  'csv-statements',
])

/** `data.jsonl` → `data.train.jsonl`; the split goes before the extension so tools still see it. */
export function splitFilePath(path: string, split: SplitName): string {
  const ext = extname(path)
  const stem = basename(path, ext)
  return join(dirname(path), `${stem}.${split}${ext}`)
}

/** Every name an `all` folder can hold: an existing folder is replaced only if it holds no others. */
export function folderFileNames(): Set<string> {
  const names = new Set<string>()
  for (const [format, name] of Object.entries(FOLDER_FILES)) {
    names.add(name)
    if (SPLITTABLE.has(format as ExportFormat))
      for (const s of SPLIT_NAMES) names.add(splitFilePath(name, s))
  }
  return names
}
