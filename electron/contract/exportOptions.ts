/**
 * The options of an export, declared once: the export dialog checks them with this schema, main
 * validates the renderer's call with it, the CLI's flags are turned into the same shape, and the
 * writers get what it outputs, with every default filled in here and nowhere else (the network's
 * dimensions, which depend on the codebook, are filled from it by `networkDimensions`).
 * Pure zod and plain functions: the renderer compiles this file too.
 */
import { z } from 'zod'
import { EXPORT_FORMATS, type Codebook, type Dimension, type ExportFormat } from './model'

export const SPLIT_NAMES = ['train', 'dev', 'test'] as const
export type SplitName = (typeof SPLIT_NAMES)[number]

/** Cell separators of the CSV files: `;` is what Excel expects on German systems. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number]

/** The languages a dataset card is written in. */
export const CARD_LANGUAGES = ['en', 'de'] as const
export type CardLanguage = (typeof CARD_LANGUAGES)[number]

/** The roles of the network's dimensions: who speaks, about what, and in which direction. */
export const NETWORK_ROLES = ['actor', 'argument', 'stance'] as const
export type NetworkRole = (typeof NETWORK_ROLES)[number]

type SingleFormat = Exclude<ExportFormat, 'all'>

/**
 * The one table of file names: what a format's file is called in an `all` folder and what the
 * save dialog suggests, with the extensions its filter shows.
 */
export const EXPORT_FILES = {
  jsonl: { name: 'sentences.jsonl', extensions: ['jsonl'] },
  'csv-sentences': { name: 'sentences.csv', extensions: ['csv'] },
  'csv-statements': { name: 'statements.csv', extensions: ['csv'] },
  codebook: { name: 'codebook.json', extensions: ['json'] },
  card: { name: 'README.md', extensions: ['md'] },
  graphml: { name: 'network.graphml', extensions: ['graphml'] },
  /** A REFI-QDA project for MAXQDA, ATLAS.ti, NVivo, QualCoder (../core/exchange/). */
  qdpx: { name: 'project.qdpx', extensions: ['qdpx'] },
} as const satisfies Record<SingleFormat, { name: string; extensions: string[] }>

const MAX_ID = 200
const idText = z
  .string()
  .min(1, 'an id must not be empty')
  .max(MAX_ID, `an id must be at most ${MAX_ID} characters`)
  .regex(/^[\p{L}\p{N}_.-]+$/u, 'an id may hold only letters, digits and _ . -')

const fraction = z
  .number()
  .min(0, 'a split fraction is at least 0')
  .max(1, 'a split fraction is at most 1')

export const exportOptionsSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { message: `the format is one of ${EXPORT_FORMATS.join(', ')}` }),
  /**
   * Which documents: all (nothing given), a list of ids, and/or those whose metadata field
   * (title, source, …, a free key, or `id`) contains a value; case is ignored.
   */
  documents: z
    .object({
      ids: z.array(idText).min(1, 'the list of documents is empty').max(1_000_000).optional(),
      meta: z
        .object({
          field: z.string().trim().min(1, 'the metadata field is missing').max(200),
          value: z.string().trim().min(1, 'the metadata value is missing').max(2_000),
        })
        .optional(),
    })
    .default({}),
  /** Only units with at least one label. */
  onlyAnnotated: z.boolean().default(false),
  /** Headings, bylines, captions and meta lines too (needed to rebuild the documents). */
  includeNonSentences: z.boolean().default(true),
  /** Only the annotations of this annotator; the others count as unannotated. Empty: everyone. */
  annotator: z
    .string()
    .trim()
    .max(200, 'an annotator name is at most 200 characters')
    .nullish()
    .transform((a) => (a ? a : null)),
  /** Train, dev and test files, whole documents in each, reproducible from the seed. */
  split: z
    .object({
      train: fraction,
      dev: fraction,
      test: fraction,
      seed: z
        .number()
        .int('the seed is a whole number')
        .min(0, 'the seed is at least 0')
        .max(0xffffffff, 'the seed is at most 4294967295'),
    })
    .refine(
      (s) => Math.abs(s.train + s.dev + s.test - 1) < 1e-6,
      'the split fractions must add up to 1',
    )
    .nullish()
    .transform((s) => s ?? null),
  /** CSV: a byte order mark at the start, so Excel reads UTF-8. */
  bom: z.boolean().default(false),
  /** CSV: one 0/1 column per label (`<dimension>:<label id>`) in the sentence CSV. */
  oneHot: z.boolean().default(false),
  /** CSV: the cell separator. */
  delimiter: z
    .enum(CSV_DELIMITERS, { message: 'the delimiter is a comma, a semicolon or a tab' })
    .default(','),
  /**
   * The dimensions (by id) that hold the network's actors, arguments (concepts) and stance.
   * One left out is found in the codebook by its role (see `networkDimensions`); null is none:
   * a network without a stance, or (actors, arguments) no network at all.
   */
  network: z
    .object({
      actor: idText.nullable().optional(),
      argument: idText.nullable().optional(),
      stance: idText.nullable().optional(),
    })
    .default({}),
  /**
   * Whose labels: `gold`, one coder's (`coder:<id>`), or `all` of them in the long layout (one
   * row per sentence and layer). Absent: the gold layer once there is one, else this machine's
   * coder (../core/adjudication/layerExport.ts).
   */
  layer: z
    .string()
    .regex(/^(gold|all|coder:[a-z0-9][a-z0-9-]{2,39})$/, 'the layer is gold, all or coder:<id>')
    .nullish()
    .transform((l) => l ?? null),
  /** The language of the dataset card. */
  language: z.enum(CARD_LANGUAGES).default('en'),
  /** REFI-QDA: the line endings of the source texts; CRLF for MAXQDA versions that expect it. */
  lineEndings: z.enum(['lf', 'crlf'], { message: 'the line endings are lf or crlf' }).default('lf'),
})

/** Export options as a caller gives them: the format, and whatever differs from the defaults. */
export type ExportOptions = z.input<typeof exportOptionsSchema>

/** Export options with every default filled in (the network still as given). */
export type ResolvedExportOptions = z.infer<typeof exportOptionsSchema>

/** The network's dimension per role; null where the codebook has none for it. */
export type NetworkDimensions = Record<NetworkRole, string | null>

/**
 * Words that name a role in a dimension's id or name, in English and German. Matched against
 * the start of the word, so "Akteure", "Actors", "Argumente" and "Haltungen" count too.
 */
const ROLE_WORDS: Record<NetworkRole, string[]> = {
  actor: ['actor', 'akteur', 'speaker', 'sprecher', 'person', 'organi', 'source'],
  argument: ['argument', 'concept', 'konzept', 'frame', 'topic', 'thema', 'themen', 'issue'],
  stance: ['stance', 'haltung', 'position', 'tendenz', 'bewertung', 'agreement', 'polarit'],
}

function named(d: Dimension, role: NetworkRole): boolean {
  const words = `${d.id} ${d.name}`.toLowerCase().split(/[^\p{L}]+/u)
  return words.some((w) => ROLE_WORDS[role].some((r) => w.startsWith(r)))
}

/**
 * Which dimensions form the network: those given, and for each role left out the codebook's
 * dimension for it, found by name (English or German) and, failing that, by shape: the stance
 * is a single-choice dimension, the actors a multiple-choice one whose labels carry aliases
 * (names to find in the text), the arguments another multiple-choice one. A role the codebook
 * has no dimension for stays null.
 */
export function networkDimensions(
  codebook: Pick<Codebook, 'dimensions'>,
  given: Partial<Record<NetworkRole, string | null>> = {},
): NetworkDimensions {
  const chosen: NetworkDimensions = { actor: null, argument: null, stance: null }
  const taken = new Set<string>()
  const take = (role: NetworkRole, d: Dimension | undefined) => {
    if (!d) return
    chosen[role] = d.id
    taken.add(d.id)
  }
  for (const role of NETWORK_ROLES) {
    const id = given[role]
    if (id !== undefined && id !== null) {
      chosen[role] = id
      taken.add(id)
    }
  }
  const free = (role: NetworkRole) =>
    given[role] === undefined && chosen[role] === null
      ? codebook.dimensions.filter((d) => !taken.has(d.id))
      : []
  for (const role of NETWORK_ROLES)
    take(
      role,
      free(role).find((d) => named(d, role)),
    )
  const aliased = (d: Dimension) => d.labels.some((l) => (l.aliases?.length ?? 0) > 0)
  take(
    'stance',
    free('stance').find((d) => !d.multi),
  )
  take(
    'actor',
    free('actor').find((d) => d.multi && aliased(d)),
  )
  take(
    'argument',
    free('argument').find((d) => d.multi && !aliased(d)),
  )
  take(
    'actor',
    free('actor').find((d) => d.multi),
  )
  take(
    'argument',
    free('argument').find((d) => d.multi),
  )
  return chosen
}
