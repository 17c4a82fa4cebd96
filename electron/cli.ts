/**
 * The command-line tool over core: `npm run -s cli -- <command> [options]`.
 * It runs without Electron and works on a project folder directly.
 */
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import type { ImportReport } from './contract/model'
import { importPaths } from './core/corpus/importer'
import { decodeSource, segmentSource } from './core/corpus/sourceText'
import { loadDefaultCodebook } from './core/workbench'
import { openLowdbRepository } from './core/storage/lowdbRepository'
import { fileURLToPath } from 'node:url'
import { EXPORT_USAGE, formatExportResult, parseExportArgs } from './core/export/cliArgs'
import { exportProject } from './core/export/exporter'
import { teamInfo } from './core/team/cliCommand'
import {
  adjudicationInfo,
  exportCommandLayer,
  LAYER_USAGE,
  layerOfCoderFlag,
} from './core/adjudication/cliCommand'
import { hasGold } from './core/adjudication/goldStore'
import { importLayeredExport, isLayeredExportFile } from './core/adjudication/layerImport'
import {
  AGREEMENT_USAGE,
  AgreementUsageError,
  agreementCommand,
} from './core/reliability/cliCommand'
import { MODEL_USAGE, ModelUsageError, modelCommand } from './core/suggest/cliCommand'
import {
  companionCodebook,
  importAnnotatedExport,
  isAnnotatedExportFile,
  mergeReports,
} from './core/export/roundTrip'
import { formatMessage } from './contract/messages'
import { isQdpxFile } from './core/exchange/qdpxImport'

/** How the CLI names itself in a project's lock, for the message another program shows. */
const CLI_LOCK = 'the command-line tool'

const USAGE = `usage: npm run -s cli -- <command>

commands:
  segment [FILE|-]                       print the units of a text as JSON lines {"text","start","end","kind"}
  import --project DIR [--json] PATH...  import files and folders into a project (created if absent)
                                         (an annotated JSONL export is restored as exported;
                                         a REFI-QDA project .qdpx brings its codes and coders)
  info --project DIR                     print the project's documents, the coders' progress
                                         and the adjudication's
${EXPORT_USAGE}${LAYER_USAGE}
${AGREEMENT_USAGE}
${MODEL_USAGE}`

class CliError extends Error {}

async function readInput(file: string | undefined): Promise<Uint8Array> {
  if (!file || file === '-') {
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks)
  }
  try {
    return await readFile(file)
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as Error).message}`)
  }
}

async function segment(args: string[]): Promise<void> {
  if (args.length > 1) throw new CliError('segment takes one file (or - for standard input)')
  // Offsets index the input as given (decoded, without its byte-order mark), whatever its line
  // endings and normal form: input.slice(start, end) is the unit.
  const decoded = decodeSource(await readInput(args[0]))
  if (!decoded.ok)
    throw new CliError(`cannot segment ${args[0] ?? 'standard input'}: ${decoded.reason}`)
  // "not UTF-8, read as Windows-1252": the offsets index that reading of the bytes.
  for (const w of decoded.warnings) process.stderr.write(`warning: ${w}\n`)
  const lines = segmentSource(decoded.text).map((s) =>
    JSON.stringify({ text: s.text, start: s.start, end: s.end, kind: s.kind }),
  )
  process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '')
}

function requireProject(values: { project?: string }): string {
  if (!values.project) throw new CliError('--project DIR is required')
  return values.project
}

async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { project: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
  })
  const dir = requireProject(values)
  if (positionals.length === 0) throw new CliError('import needs at least one file or folder')
  const sample = fileURLToPath(new URL('../corpus', import.meta.url))
  // Annotated exports are restored, not imported as articles; a new project takes their codebook.
  const exports: string[] = []
  for (const p of positionals) if (await isAnnotatedExportFile(p)) exports.push(p)
  const others = positionals.filter((p) => !exports.includes(p))
  // A new project made from REFI-QDA projects alone takes their code system, not ours.
  const onlyQdpx = others.length > 0 && exports.length === 0 && others.every(isQdpxFile)
  const codebook =
    (await companionCodebook(exports)) ??
    (onlyQdpx ? { version: 0, dimensions: [] } : await loadDefaultCodebook(sample))
  const repo = await openLowdbRepository(dir, {
    create: { name: 'Imported corpus', codebook },
    lock: CLI_LOCK,
  })
  try {
    const report = await importPaths(repo, others, {
      onProgress: (p) => {
        if (!values.json && process.stderr.isTTY)
          process.stderr.write(`\r${p.done}/${p.total} files`)
      },
    })
    if (process.stderr.isTTY && !values.json) process.stderr.write('\n')
    for (const file of exports)
      mergeReports(
        report,
        (await isLayeredExportFile(file))
          ? await importLayeredExport(repo, file)
          : await importAnnotatedExport(repo, file),
      )
    process.stdout.write(
      values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report),
    )
    if (report.failed.length > 0) process.exitCode = 1
  } finally {
    await repo.close()
  }
}

export function formatReport(report: ImportReport): string {
  const lines = [
    `imported: ${report.imported.length}   skipped: ${report.skipped.length}   failed: ${report.failed.length}`,
  ]
  for (const d of report.imported) lines.push(`  + ${d.id}  (${d.sentences} sentences)  ${d.title}`)
  for (const s of report.skipped) lines.push(`  = ${s.origin}: ${formatMessage(s.reason)}`)
  for (const f of report.failed) lines.push(`  ! ${f.origin}: ${formatMessage(f.reason)}`)
  for (const w of report.warnings) lines.push(`  ~ ${w.origin}: ${formatMessage(w.message)}`)
  if (report.cancelled) lines.push('cancelled before the end')
  return `${lines.join('\n')}\n`
}

async function info(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { project: { type: 'string' } } })
  // The documents (with this machine's coder's progress), then every coder's progress.
  const team = await teamInfo(requireProject(values), CLI_LOCK)
  // The adjudication's progress goes between the documents and the coders' list, which ends it.
  const adjudication = await adjudicationInfo(requireProject(values), CLI_LOCK)
  const at = team.indexOf('coders:\n')
  process.stdout.write(
    at < 0 ? team + adjudication : team.slice(0, at) + adjudication + team.slice(at),
  )
}

/** Takes `--NAME VALUE` out of the arguments: the value, or undefined when the flag is absent. */
function takeFlag(args: string[], name: string): string | undefined {
  const at = args.indexOf(name)
  if (at < 0) return undefined
  const value = args[at + 1]
  if (!value || value.startsWith('--')) throw new CliError(`${name} takes a value`)
  args.splice(at, 2)
  return value
}

async function exportCommand(input: string[]): Promise<void> {
  let command
  // Whose labels is the adjudication's flag (core/adjudication/cliCommand.ts; --coder is its
  // older spelling); the rest are the export's.
  const args = [...input]
  const coder = takeFlag(args, '--coder')
  const layerFlag = takeFlag(args, '--layer')
  if (coder && layerFlag) throw new CliError('--coder and --layer say the same: give one')
  const layer = layerFlag ?? (coder ? layerOfCoderFlag(coder) : null)
  try {
    command = parseExportArgs(args)
  } catch (e) {
    throw new CliError((e as Error).message)
  }
  if (layer || (await hasGold(command.project))) {
    const result = await exportCommandLayer(command.project, CLI_LOCK, layer, command.options)
    process.stdout.write(
      command.json ? `${JSON.stringify(result, null, 2)}\n` : formatExportResult(result),
    )
    if (result.files.length === 0) process.exitCode = 1
    return
  }
  const repo = await openLowdbRepository(command.project, { lock: CLI_LOCK })
  try {
    const result = await exportProject(repo, command.options, {
      onProgress: (p) => {
        if (!command.json && process.stderr.isTTY)
          process.stderr.write(`\r${p.done}/${p.total} documents`)
      },
    })
    if (process.stderr.isTTY && !command.json) process.stderr.write('\n')
    process.stdout.write(
      command.json ? `${JSON.stringify(result, null, 2)}\n` : formatExportResult(result),
    )
    // Nothing written is not a success a script should carry on from.
    if (result.files.length === 0) process.exitCode = 1
  } finally {
    await repo.close()
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  segment,
  import: importCommand,
  info,
  export: exportCommand,
  model: async (args) => {
    process.stdout.write(await modelCommand(args, CLI_LOCK))
  },
  agreement: async (args) => {
    process.stdout.write(await agreementCommand(args))
  },
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  if (!command || command === '--help' || command === 'help') {
    process.stdout.write(USAGE)
    return
  }
  const run = COMMANDS[command]
  if (!run) throw new CliError(`unknown command "${command}"\n\n${USAGE}`)
  await run(rest)
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const known =
    e instanceof CliError ||
    e instanceof AgreementUsageError ||
    e instanceof ModelUsageError ||
    (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  process.stderr.write(`error: ${(e as Error).message}\n`)
  if (!known && process.env['DEBUG']) process.stderr.write(`${(e as Error).stack}\n`)
  process.exitCode = 2
})
