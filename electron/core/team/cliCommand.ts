/**
 * The team side of the CLI: `info` lists the coders and their progress. Exporting a coder's
 * layer, or all of them in the long layout, is `export --layer` (../adjudication/layerExport.ts).
 */
import type { TeamStatus } from '../../contract/team'
import type { SettingsStore } from '../settings'
import { openLowdbRepository } from '../storage/lowdbRepository'
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
