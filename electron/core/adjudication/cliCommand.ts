/**
 * The adjudication side of the CLI: `export --layer gold|coder:<id>|all` (with `--coder ID|all`
 * kept as its older spelling) and the adjudication progress that `info` prints.
 */
import type { ExportResult } from '../export/exporter'
import type { ExportOptionsInput } from '../export/options'
import { projectReliability } from '../reliability/projectReport'
import type { SettingsStore } from '../settings'
import { openLowdbRepository } from '../storage/lowdbRepository'
import { machineCoder } from '../team/machine'
import { Team } from '../team/team'
import { Adjudication } from './adjudication'
import { exportLayer, type LayerSources } from './layerExport'

export const LAYER_USAGE = `      --layer gold|coder:ID|all          whose labels: the gold layer (the default once there is
                                         one), one coder's, or all of them in the long layout
                                         (jsonl, csv-sentences, csv-statements): the gold rows and
                                         one row per sentence and coder, a coder column first
      --coder ID|all                     the same as --layer coder:ID and --layer all
`

/** The CLI has no user settings: it reads as the coder who uses this machine's copy. */
function machineSettings(coderId: string, name: string): SettingsStore {
  return {
    get: () => ({ annotator: name, coderId }),
    update: async () => {
      throw new Error('the command-line tool does not change user settings')
    },
  }
}

async function withProject<T>(
  dir: string,
  lock: string,
  work: (src: LayerSources) => Promise<T>,
): Promise<T> {
  const here = await machineCoder(dir)
  const repo = await openLowdbRepository(dir, { lock })
  const team = new Team(
    repo,
    machineSettings(repo.coder, here?.coder === repo.coder ? here.name : ''),
  )
  try {
    await team.scan()
    const adjudication = new Adjudication(repo, team)
    const status = team.status()
    const src: LayerSources = {
      repo,
      otherLayers: team,
      coders: status.coders.filter((c) => c.annotatedCount > 0).map((c) => c.id),
      adjudication,
      nameOf: (id) => team.nameOf(id),
      reliability: () => projectReliability(repo, team, status),
    }
    return await work(src)
  } finally {
    team.close()
    await repo.close()
  }
}

/** `--coder ID` is `--layer coder:ID`, `--coder all` is `--layer all`. */
export function layerOfCoderFlag(coder: string): string {
  return coder === 'all' ? 'all' : `coder:${coder}`
}

export function exportCommandLayer(
  dir: string,
  lock: string,
  layer: string | null,
  options: ExportOptionsInput,
): Promise<ExportResult> {
  return withProject(dir, lock, (src) => exportLayer(src, layer, options))
}

/** The adjudication lines of `info`: how far it is, and how the gold values came to be. */
export function adjudicationInfo(dir: string, lock: string): Promise<string> {
  return withProject(dir, lock, async (src) => {
    const view = await src.adjudication.view({
      me: { id: src.repo.coder, name: '' },
      coders: [],
      problems: [],
      codebookConflict: null,
      revision: 0,
    })
    const p = view.progress
    if (
      p.disagreements === 0 &&
      p.unanimous + p.majority + p.decided === 0 &&
      view.sentences.length === 0
    )
      return ''
    const adjudicators = src.adjudication.store.adjudicators().map((a) => src.nameOf(a))
    return (
      `adjudication: ${p.resolvedDisagreements}/${p.disagreements} disagreements resolved; ` +
      `gold values: ${p.unanimous} agreed, ${p.majority} by majority, ${p.decided} adjudicated` +
      `${adjudicators.length ? ` (by ${adjudicators.join(', ')})` : ''}\n`
    )
  })
}
