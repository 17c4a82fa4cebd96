/**
 * Export options as the writers use them: the contract's options (../../contract/exportOptions.ts,
 * the one schema from dialog to writer) with their defaults filled in, the target path, and the
 * network's dimensions chosen from the codebook. The defaults make a plain export a complete one:
 * every document, every unit (headings too), every annotator, so that the JSONL can rebuild the
 * project (see ./roundTrip.ts).
 */
import { basename, dirname, extname, join } from 'node:path'
import {
  EXPORT_FILES,
  exportOptionsSchema,
  networkDimensions,
  SPLIT_NAMES,
  type ExportOptions as ContractOptions,
  type NetworkDimensions,
  type ResolvedExportOptions,
  type SplitName,
} from '../../contract/exportOptions'
import { EXPORT_FORMATS, type Codebook, type ExportFormat } from '../../contract/model'
import { UserError } from '../errors'

export { EXPORT_FILES, EXPORT_FORMATS, SPLIT_NAMES, type ExportFormat, type SplitName }

export type DocumentSelection = ResolvedExportOptions['documents']
export type SplitOptions = NonNullable<ResolvedExportOptions['split']>
export type NetworkOptions = NetworkDimensions

export type ExportOptions = Omit<ResolvedExportOptions, 'network'> & {
  /** A file, or for `all` (and a split into a folder) a folder. */
  out: string
  /** The network's dimensions, each given or found in the codebook; null where there is none. */
  network: NetworkDimensions
  /**
   * The dimensions a sentence needs a label of to count as coded (the codebook's required ones;
   * none: any label counts), so "only coded sentences" means what the app's progress means.
   */
  required: string[]
}

/** What a caller gives: the contract's options, and the target unless it is passed beside them. */
export type ExportOptionsInput = ContractOptions & { out?: string }

/**
 * Checks export options (from the CLI or the renderer) against the contract's schema and fills
 * in the defaults, the network's from the codebook. Bad options are a UserError naming the
 * option and what is wrong with it.
 */
export function resolveExportOptions(
  input: ExportOptionsInput,
  codebook: Pick<Codebook, 'dimensions'>,
): ExportOptions {
  const { out, ...rest } = input
  if (!out?.trim())
    throw new UserError('export.invalidOption', {
      option: 'out',
      detail: 'the output path is missing',
    })
  const parsed = exportOptionsSchema.safeParse(rest)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const option = issue.path.length ? issue.path.join('.') : 'options'
    throw new UserError('export.invalidOption', { option, detail: issue.message })
  }
  return {
    ...parsed.data,
    out,
    network: networkDimensions(codebook, parsed.data.network),
    required: codebook.dimensions.filter((d) => d.required).map((d) => d.id),
  }
}

/** The file names inside an `all` folder. */
export const FOLDER_FILES = Object.fromEntries(
  Object.entries(EXPORT_FILES).map(([format, file]) => [format, file.name]),
) as { [F in keyof typeof EXPORT_FILES]: (typeof EXPORT_FILES)[F]['name'] }

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
