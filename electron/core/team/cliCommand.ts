/**
 * The team side of the CLI: `info` lists the coders and their progress; `export --coder ID`
 * exports one coder's layer and `--coder all` every coder's, in the long layout (one row per
 * sentence and coder, a `coder` column first), the shape R, SPSS and pandas reshape.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import Papa from 'papaparse'
import type { TeamStatus } from '../../contract/team'
import { UserError } from '../errors'
import { exportProject, type ExportResult } from '../export/exporter'
import type { ExportOptionsInput } from '../export/options'
import type { SettingsStore } from '../settings'
import { openLowdbRepository, type LowdbProjectRepository } from '../storage/lowdbRepository'
import { machineCoder } from './machine'
import { Team } from './team'

/** The CLI has no user settings: it reads as the coder who uses this machine's copy. */
function machineSettings(coderId: string, name: string): SettingsStore {
  return {
    get: () => ({ annotator: name, coderId }),
    update: async () => {
      throw new Error('the command-line tool does not change user settings')
    },
  }
}

async function openTeam(dir: string, lock: string, coder?: string) {
  const here = await machineCoder(dir)
  const repo = await openLowdbRepository(dir, { lock, ...(coder ? { coder } : {}) })
  const team = new Team(
    repo,
    machineSettings(repo.coder, here?.coder === repo.coder ? here.name : ''),
  )
  await team.scan()
  return { repo, team }
}

/** The coders part of `info`: one line per coder, this machine's first. */
export function formatCoders(status: TeamStatus, sentences: number): string {
  const lines = ['coders:']
  for (const c of status.coders)
    if (c.annotatedCount > 0 || c.me)
      lines.push(
        `  ${c.name}\t${c.id}\t${c.annotatedCount}/${sentences} sentences coded${c.me ? '\t(this machine)' : ''}`,
      )
  for (const p of status.problems) lines.push(`  ! ${p.path}: ${p.kind}`)
  return `${lines.join('\n')}\n`
}

export async function teamInfo(dir: string, lock: string): Promise<string> {
  const { repo, team } = await openTeam(dir, lock)
  try {
    const docs = repo.listDocuments()
    const sentences = docs.reduce((n, d) => n + d.sentenceCount, 0)
    const lines = docs.map(
      (d) => `${d.id}\t${d.annotatedCount}/${d.sentenceCount}\t${d.meta.title ?? ''}`,
    )
    return `${lines.join('\n')}\n${formatCoders(team.status(), sentences)}`
  } finally {
    team.close()
    await repo.close()
  }
}

/** The formats the long layout is made for: one table, one row per sentence (or statement). */
const LONG = new Set(['jsonl', 'csv-sentences', 'csv-statements'])

/**
 * Exports the layer of `coder` ('all': of every coder with labels in the project, one after the
 * other, each row led by the coder's id).
 */
export async function exportByCoder(
  dir: string,
  lock: string,
  coder: string,
  options: ExportOptionsInput,
): Promise<ExportResult> {
  const { repo, team } = await openTeam(dir, lock)
  const known = team.status().coders.filter((c) => c.me || c.annotatedCount > 0)
  team.close()
  await repo.close()
  if (coder !== 'all') {
    if (!known.some((c) => c.id === coder)) throw new UserError('team.coderUnknown', { coder })
    return withRepo(dir, lock, coder, (r) => exportProject(r, options))
  }
  if (!LONG.has(options.format) || options.split)
    throw new UserError('team.longLayoutOnly', { format: options.format })
  const out = options.out as string
  const parts: string[] = []
  let total: ExportResult | null = null
  try {
    for (const { id } of known) {
      const part = `${out}.${id}.part`
      parts.push(part)
      const result = await withRepo(dir, lock, id, (r) =>
        exportProject(r, { ...options, out: part }),
      )
      total = total ? add(total, result) : result
    }
    await writeFile(
      `${out}.tmp`,
      await longLayout(
        options,
        known.map((c) => c.id),
        parts,
      ),
    )
    await rename(`${out}.tmp`, out)
  } finally {
    for (const part of parts) await rm(part, { force: true })
  }
  const result = total as ExportResult
  return { ...result, path: out, files: result.files.slice(0, 1).map((f) => ({ ...f, path: out })) }
}

async function withRepo<T>(
  dir: string,
  lock: string,
  coder: string,
  work: (repo: LowdbProjectRepository) => Promise<T>,
): Promise<T> {
  const repo = await openLowdbRepository(dir, { lock, coder, rememberCoder: false })
  try {
    return await work(repo)
  } finally {
    await repo.close()
  }
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

/** Joins the coders' files into one table, each row led by its coder. */
async function longLayout(options: ExportOptionsInput, coders: string[], parts: string[]) {
  const texts = await Promise.all(parts.map((p) => readFile(p, 'utf8').catch(() => '')))
  if (options.format === 'jsonl')
    return texts
      .flatMap((text, i) =>
        text
          .split('\n')
          .filter(Boolean)
          .map((line) => `{"coder":${JSON.stringify(coders[i])},${line.slice(1)}`),
      )
      .map((l) => `${l}\n`)
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
    for (const row of body) rows.push([coders[i], ...row])
  })
  if (!header) return ''
  // The cells were neutralised by the export already; they are written back as they are.
  return `${bom ? '\ufeff' : ''}${Papa.unparse([header, ...rows], { delimiter, newline: '\r\n' })}\r\n`
}

export const TEAM_USAGE = `      --coder ID|all                     whose labels: one coder (the coder of this machine
                                         when absent), or all of them in the long layout
                                         (jsonl, csv-sentences, csv-statements): one row per
                                         sentence and coder, with a coder column first
`
