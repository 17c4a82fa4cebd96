/**
 * The CLI's `agreement` command: reliability of a reliability-data table (`--data FILE.csv`).
 * The report of a team project (`--project DIR`) needs the coders' layers of team projects.
 */
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { UserError } from '../errors'
import { parseReliabilityTable } from './table'
import { agreementJson, formatTableReport, tableReport } from './tableReport'

export const AGREEMENT_USAGE = `  agreement --data FILE.csv [--json]     agreement between coders in a reliability-data table:
                                         header unit,<coder>,…; one row per unit; an empty cell
                                         = not coded; a|b a set of labels; {} the empty set
                                         (--seed N, --draws N for the bootstrap; default 1, 1000)`

export class AgreementUsageError extends Error {}

function wholeNumber(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 0)
    throw new AgreementUsageError(`${option} takes a whole number (got "${value}")`)
  return n
}

/** Runs the command; returns what goes to standard output. */
export async function agreementCommand(args: string[]): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      project: { type: 'string' },
      json: { type: 'boolean' },
      seed: { type: 'string' },
      draws: { type: 'string' },
    },
  })
  const seed = wholeNumber('--seed', values.seed, 1)
  const draws = wholeNumber('--draws', values.draws, 1000)
  if (values.project !== undefined && values.data === undefined)
    throw new AgreementUsageError(
      'agreement --project needs team projects with one layer per coder; use --data FILE.csv',
    )
  if (values.data === undefined) throw new AgreementUsageError('agreement needs --data FILE.csv')
  const file = values.data
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (e) {
    throw new UserError('reliability.table.unreadable', { file, detail: (e as Error).message })
  }
  const report = tableReport(parseReliabilityTable(text, file), draws > 0 ? { seed, draws } : false)
  if (values.json) return `${JSON.stringify(agreementJson(report))}\n`
  return formatTableReport(file, report)
}
