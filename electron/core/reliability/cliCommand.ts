/**
 * The CLI's `agreement` command: the reliability of a team project's coders, per dimension and
 * for the statements (`--project DIR`), or of a reliability-data table from anywhere
 * (`--data FILE.csv`).
 */
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { networkDimensions } from '../../contract/exportOptions'
import { isAnnotatable, type SentenceAnnotation } from '../../contract/model'
import { decodeSource } from '../corpus/sourceText'
import { UserError } from '../errors'
import type { SettingsStore } from '../settings'
import { openLowdbRepository } from '../storage/lowdbRepository'
import { machineCoder } from '../team/machine'
import { Team } from '../team/team'
import type { BootstrapOptions } from './bootstrap'
import { projectReliabilityData, type CoderAnnotations, type SentenceRef } from './projectData'
import { variableReport } from './report'
import { SampleStore, type SampleState } from './sampleStore'
import { parseReliabilityTable } from './table'
import { agreementJson, formatTableReport, tableReport } from './tableReport'

export const AGREEMENT_USAGE = `  agreement --project DIR [--sample NAME] [--json]
                                         agreement between the coders of a team project, per
                                         dimension and for the statements (of one sample,
                                         by its name or id, as drawn in the app)
  agreement --data FILE.csv [--json]     agreement between coders in a reliability-data table:
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
      sample: { type: 'string' },
      json: { type: 'boolean' },
      seed: { type: 'string' },
      draws: { type: 'string' },
    },
  })
  const seed = wholeNumber('--seed', values.seed, 1)
  const draws = wholeNumber('--draws', values.draws, 1000)
  const bootstrap: BootstrapOptions | false = draws > 0 ? { seed, draws } : false
  if (values.project !== undefined && values.data !== undefined)
    throw new AgreementUsageError('agreement takes --project DIR or --data FILE.csv, not both')
  if (values.project !== undefined)
    return projectAgreement(values.project, bootstrap, !!values.json, values.sample)
  if (values.data === undefined)
    throw new AgreementUsageError('agreement needs --project DIR or --data FILE.csv')
  const file = values.data
  let bytes: Uint8Array
  try {
    bytes = await readFile(file)
  } catch (e) {
    throw new UserError('reliability.table.unreadable', { file, detail: (e as Error).message })
  }
  // A spreadsheet's CSV comes in UTF-8, UTF-16 or a Windows code page (Excel): decoded as the
  // import decodes files, and composed (NFC), so that "München" is one label however typed.
  const decoded = decodeSource(bytes)
  if (!decoded.ok)
    throw new UserError('reliability.table.unreadable', { file, detail: decoded.reason })
  const text = decoded.text.normalize('NFC')
  const report = tableReport(parseReliabilityTable(text, file), bootstrap)
  if (values.json) return `${JSON.stringify(agreementJson(report))}\n`
  return formatTableReport(file, report)
}

const CLI_LOCK = 'the command-line tool'

/** The CLI has no user settings: it reads as the coder who uses this machine's copy. */
const readOnlySettings = (coderId: string, annotator: string): SettingsStore => ({
  get: () => ({ annotator, coderId }),
  update: async () => {
    throw new Error('the command-line tool does not change user settings')
  },
})

/** Every coder's annotations, read through the storage, one coder's layer at a time. */
async function readProject(dir: string, sampleName?: string) {
  const repo = await openLowdbRepository(dir, { lock: CLI_LOCK })
  let sample: SampleState | null = null
  let coders: { id: string; name: string }[]
  const sentences: SentenceRef[] = []
  const codebook = repo.getCodebook()
  const documents = repo.listDocuments().map((d) => d.id)
  try {
    const here = await machineCoder(dir)
    const team = new Team(
      repo,
      readOnlySettings(repo.coder, here?.coder === repo.coder ? here.name : ''),
    )
    await team.scan()
    if (sampleName !== undefined) {
      const store = new SampleStore(dir, repo.coder)
      await store.load()
      const all = store.samples()
      sample =
        all.find((s) => s.id === sampleName) ?? all.find((s) => s.name === sampleName) ?? null
      if (!sample) throw new UserError('reliability.sample.unknown', { sample: sampleName })
    }
    const inSample = sample
      ? new Set(sample.items.flatMap((i) => i.unitIds.map((u) => `${i.documentId}\n${u}`)))
      : null
    coders = team
      .status()
      .coders.filter((c) => c.annotatedCount > 0)
      .map((c) => ({ id: c.id, name: c.name }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    for (const id of documents)
      for (const unit of (await repo.getDocument(id)).units)
        if (isAnnotatable(unit) && (!inSample || inSample.has(`${id}\n${unit.id}`)))
          sentences.push({ documentId: id, unitId: unit.id })
  } finally {
    await repo.close()
  }
  const layers: CoderAnnotations[] = []
  for (const coder of coders) {
    const layer = await openLowdbRepository(dir, {
      lock: CLI_LOCK,
      coder: coder.id,
      rememberCoder: false,
    })
    try {
      const annotations = new Map<string, Record<string, SentenceAnnotation>>()
      for (const id of documents) annotations.set(id, await layer.getAnnotations(id))
      layers.push({ coder: coder.id, annotations })
    } finally {
      await layer.close()
    }
  }
  return { codebook, sentences, layers, coders, sample }
}

async function projectAgreement(
  dir: string,
  bootstrap: BootstrapOptions | false,
  json: boolean,
  sampleName?: string,
): Promise<string> {
  const { codebook, sentences, layers, coders, sample } = await readProject(dir, sampleName)
  const variables = projectReliabilityData(codebook, sentences, layers, networkDimensions(codebook))
  const reports = variables.map((v) => ({
    variable: v,
    report: variableReport(v.data, { metric: v.metric, bootstrap }),
  }))
  if (json)
    return `${JSON.stringify({
      codebook_version: codebook.version,
      ...(sample
        ? {
            sample: {
              id: sample.id,
              name: sample.name,
              round: sample.round,
              codebook_version: sample.codebookVersion,
              sentences: sentences.length,
            },
          }
        : {}),
      coders: coders.map((c) => c.id),
      variables: Object.fromEntries(
        reports.map(({ variable, report }) => [
          variable.id,
          {
            ...agreementJson(report),
            ...(report.alphas[0].bootstrap
              ? {
                  alpha_low: report.alphas[0].bootstrap.low,
                  alpha_high: report.alphas[0].bootstrap.high,
                  p_below_800: report.alphas[0].bootstrap.pBelow800,
                  p_below_667: report.alphas[0].bootstrap.pBelow667,
                }
              : {}),
            verdict: report.alphas[0].verdict.level,
          },
        ]),
      ),
    })}\n`
  const head = [
    `Reliability of ${dir} (codebook version ${codebook.version})`,
    ...(sample
      ? [
          `  sample: "${sample.name}" (${sample.id}, round ${sample.round}, drawn under codebook version ${sample.codebookVersion}, ${sentences.length} sentences)`,
        ]
      : []),
    `  coders: ${coders.map((c) => (c.name && c.name !== c.id ? `${c.name} (${c.id})` : c.id)).join(', ') || 'none with labels'}`,
    '',
  ]
  return (
    head.join('\n') +
    reports
      .map(({ variable, report }) =>
        formatTableReport(`"${variable.name}" (${variable.id})`, report),
      )
      .join('\n')
  )
}
