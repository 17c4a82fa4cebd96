/**
 * `agreement --project DIR` on a team project: two coders code the same sentences in their own
 * copies, the copies are synced, and the report reads each coder's layer.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentView } from '../../electron/contract/model'
import type { ReliabilityView } from '../../electron/contract/reliability'
import { importPaths } from '../../electron/core/corpus/importer'
import { krippendorffAlpha } from '../../electron/core/reliability/alpha'
import { agreementCommand } from '../../electron/core/reliability/cliCommand'
import { labelSet } from '../../electron/core/reliability/data'
import { loadDefaultCodebook } from '../../electron/core/workbench'
import { openCoder, type Coder } from '../support/syncCoder'
import { syncOnce } from '../support/syncFolders'
import { SAMPLE_CORPUS, tempDir } from './helpers'

let dir: string
let cleanup: () => Promise<void>
let ana: Coder
let ben: Coder
const anaDir = () => join(dir, 'ana', 'P')
const FIRST = '000_21441c4ccb80678e'

type Coding = { stance: string; actor: string[] }
const ANA: Coding[] = [
  { stance: 'supportive', actor: ['trump'] },
  { stance: 'critical', actor: ['trump', 'kim'] },
  { stance: 'neutral', actor: [] },
  { stance: 'critical', actor: ['kim'] },
]
const BEN: Coding[] = [
  { stance: 'supportive', actor: ['trump'] },
  { stance: 'critical', actor: ['kim'] },
  { stance: 'critical', actor: [] },
  { stance: 'critical', actor: ['kim'] },
  { stance: 'neutral', actor: ['china'] },
]

async function code(coder: Coder, codings: Coding[]) {
  const view = await coder.call<DocumentView>('getDocument', FIRST)
  const sentences = view.document.units.filter((u) => u.kind === 'sentence')
  for (const [i, c] of codings.entries())
    await coder.call('saveAnnotation', FIRST, sentences[i].id, {
      statements: [{ id: 's1', values: { stance: [c.stance], actor: c.actor } }],
      uncertain: false,
      note: '',
    })
}

beforeAll(async () => {
  ;({ dir, cleanup } = await tempDir('reliability-project-'))
  ana = await openCoder(anaDir(), 'Ana', dir, {
    create: { name: 'P', codebook: await loadDefaultCodebook(SAMPLE_CORPUS) },
  })
  await importPaths(ana.repo, [join(SAMPLE_CORPUS, `${FIRST}.txt`)])
  await ana.close()
  await syncOnce(anaDir(), join(dir, 'ben', 'P'))
  ben = await openCoder(join(dir, 'ben', 'P'), 'Ben', dir)
  await code(ben, BEN)
  await ben.close()
  await syncOnce(join(dir, 'ben', 'P'), anaDir())
  ana = await openCoder(anaDir(), 'Ana', dir)
  await code(ana, ANA)
  await ana.close()
}, 60_000)
afterAll(() => cleanup())

describe('agreement --project', () => {
  it('reports alpha per dimension from every coder layer, blank where a coder did not code', async () => {
    const out = await agreementCommand(['--project', anaDir(), '--json', '--draws', '200'])
    const report = JSON.parse(out.trim().split('\n').pop() as string)
    const order = [ana.id, ben.id].sort()
    expect(report.coders).toEqual(order)
    const byCoder = (i: number) => (order[0] === ana.id ? [ANA, BEN] : [BEN, ANA])[i]
    const rows = [0, 1, 2, 3, 4].map((s) => [byCoder(0)[s], byCoder(1)[s]])
    const stance = krippendorffAlpha(
      {
        coders: order,
        units: rows.map((r, i) => ({ id: `${i}`, values: r.map((c) => c?.stance) })),
      },
      'nominal',
    ).value as number
    const actors = krippendorffAlpha(
      {
        coders: order,
        units: rows.map((r, i) => ({
          id: `${i}`,
          values: r.map((c) => (c ? labelSet(c.actor) : undefined)),
        })),
      },
      'masi',
    ).value as number
    expect(report.variables.stance).toMatchObject({ units: 5, coders: 2, pairable: 8 })
    expect(report.variables.stance.alpha_nominal).toBeCloseTo(stance, 12)
    expect(report.variables.actor.alpha_masi).toBeCloseTo(actors, 12)
    // Three of four sentences agree on the stance: 0.75.
    expect(report.variables.stance.percent_agreement).toBe(0.75)
    // One sentence is Ben's alone, so Cohen's kappa does not apply.
    expect(report.variables.stance).not.toHaveProperty('cohen_kappa')
    expect(report.variables.stance.alpha_low).toBeLessThanOrEqual(
      report.variables.stance.alpha_high,
    )
    expect(report.variables).toHaveProperty('statements')
    expect(report.codebook_version).toBeGreaterThan(0)
  })

  it('prints the same as a report to read, one section per variable', async () => {
    const out = await agreementCommand(['--project', anaDir(), '--draws', '0'])
    expect(out).toContain('coders: ')
    expect(out).toContain('Ana')
    expect(out).toContain('Ben')
    expect(out).toMatch(
      /Reliability of "Stance" \(stance\)\n {2}5 units \(4 coded by two coders or more\), 2 coders/,
    )
    expect(out).toContain('(statements)')
  })

  it('gives the app the same figures through the contract, with interval, verdict and labels', async () => {
    const cli = JSON.parse(
      (await agreementCommand(['--project', anaDir(), '--json']))
        .trim()
        .split('\n')
        .pop() as string,
    )
    const app = await openCoder(anaDir(), 'Ana', dir)
    try {
      const view = await app.call<ReliabilityView>('getReliability')
      expect(view.coders.map((c) => c.name).sort()).toEqual(['Ana', 'Ben'])
      const stance = view.variables.find((v) => v.id === 'stance')
      expect(stance?.alpha.alpha.value).toBeCloseTo(cli.variables.stance.alpha_nominal, 12)
      expect(stance?.alpha.interval?.low).toBeCloseTo(cli.variables.stance.alpha_low, 12)
      expect(stance?.alpha.verdict).toBe(cli.variables.stance.verdict)
      expect(stance?.coderMatrix).toHaveLength(1)
      const actor = view.variables.find((v) => v.id === 'actor')
      expect(actor?.labels.map((l) => l.name)).toEqual(['China', 'Kim Jong Un', 'Trump'])
      expect(actor?.labels.find((l) => l.id === 'kim')?.percentAgreement.value).toBe(1)
    } finally {
      await app.close()
    }
  })
})
