/**
 * Reliability samples in a team project: drawn in one coder's app and stored in that coder's
 * file, carried to the other by sync; while a coder codes a sample blind the core sends them
 * none of the other coders' labels on it, until they mark it done or the team lifts blinding;
 * the report per sample, the disagreements with notes and codebook problems, and the CLI.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentView } from '../../electron/contract/model'
import type {
  DisagreementsView,
  ReliabilityView,
  SamplesView,
  SampleView,
} from '../../electron/contract/reliability'
import type { CoderLayer } from '../../electron/contract/team'
import { importPaths } from '../../electron/core/corpus/importer'
import { exportProject } from '../../electron/core/export/exporter'
import { cardReliability } from '../../electron/core/reliability/card'
import { agreementCommand } from '../../electron/core/reliability/cliCommand'
import { loadDefaultCodebook } from '../../electron/core/workbench'
import { openCoder, type Coder } from '../support/syncCoder'
import { syncOnce } from '../support/syncFolders'
import { SAMPLE_CORPUS, tempDir } from './helpers'

const FIRST = '000_21441c4ccb80678e'
let dir: string
let cleanup: () => Promise<void>
let anaId: string
let benId: string
const anaDir = () => join(dir, 'ana', 'P')
const benDir = () => join(dir, 'ben', 'P')
const open = (who: 'Ana' | 'Ben') => openCoder(who === 'Ana' ? anaDir() : benDir(), who, dir)

async function code(coder: Coder, stances: string[]): Promise<string[]> {
  const view = await coder.call<DocumentView>('getDocument', FIRST)
  const sentences = view.document.units.filter((u) => u.kind === 'sentence')
  for (const [i, stance] of stances.entries())
    await coder.call('saveAnnotation', FIRST, sentences[i].id, {
      statements: [{ id: 's1', values: { stance: [stance] } }],
      uncertain: false,
      note: '',
    })
  return sentences.map((s) => s.id)
}

/** Opens a coder, runs `work`, closes: one session on one laptop. */
async function session<T>(who: 'Ana' | 'Ben', work: (c: Coder) => Promise<T>): Promise<T> {
  const c = await open(who)
  try {
    return await work(c)
  } finally {
    await c.close()
  }
}

let sample: SampleView

beforeAll(async () => {
  ;({ dir, cleanup } = await tempDir('reliability-blind-'))
  const ana = await openCoder(anaDir(), 'Ana', dir, {
    create: { name: 'P', codebook: await loadDefaultCodebook(SAMPLE_CORPUS) },
  })
  anaId = ana.id
  await importPaths(ana.repo, [join(SAMPLE_CORPUS, `${FIRST}.txt`)])
  await ana.close()
  await syncOnce(anaDir(), benDir())
  benId = await session('Ben', async (ben) => ben.id)
  await syncOnce(benDir(), anaDir())
  sample = await session('Ana', async (a) => {
    const drawn = await a.call<SampleView>('drawSample', {
      name: 'Pilot',
      unit: 'documents',
      size: 1,
      seed: 7,
      stratifyBy: null,
      coders: [anaId, benId],
    })
    await code(a, ['critical', 'critical', 'supportive', 'supportive'])
    return drawn
  })
  await syncOnce(anaDir(), benDir())
}, 60_000)
afterAll(() => cleanup())

describe('a blind reliability sample', () => {
  it('is stored in the file of the coder who drew it, with its sentences and codebook version', async () => {
    const file = JSON.parse(await readFile(join(anaDir(), 'reliability', `${anaId}.json`), 'utf8'))
    expect(file.coder).toBe(anaId)
    expect(file.samples).toHaveLength(1)
    expect(file.samples[0]).toMatchObject({
      id: sample.id,
      name: 'Pilot',
      seed: 7,
      coders: [anaId, benId].sort(),
    })
    expect(sample.round).toBe(1)
    expect(sample.items[0].documentId).toBe(FIRST)
    expect(sample.sentenceCount).toBeGreaterThan(4)
  })

  it('hides the other coder’s labels from a coder who codes it, and their disagreements', async () => {
    await session('Ben', async (ben) => {
      const samples = await ben.call<SamplesView>('getSamples')
      expect(samples.samples.map((s) => [s.name, s.blindForMe])).toEqual([['Pilot', true]])
      expect(await ben.call<CoderLayer[]>('getCoderLayers', FIRST)).toEqual([])
      const blind = await ben.call<string[]>('getBlindUnits', FIRST)
      expect(blind).toHaveLength(sample.sentenceCount)
      await code(ben, ['critical', 'critical', 'supportive', 'critical'])
      const list = await ben.call<DisagreementsView>('getDisagreements', null)
      expect(list.items).toEqual([])
      expect(list.hiddenBlind).toBe(1)
    })
  })

  it('shows them once the coder marks the sample done; the other coder stays blind', async () => {
    await session('Ben', async (ben) => {
      await ben.call('markSampleDone', sample.id)
      const layers = await ben.call<CoderLayer[]>('getCoderLayers', FIRST)
      expect(layers.map((l) => l.name)).toEqual(['Ana'])
      expect(Object.keys(layers[0].annotations)).toHaveLength(4)
      expect(await ben.call<string[]>('getBlindUnits', FIRST)).toEqual([])
    })
    await syncOnce(benDir(), anaDir())
    await session('Ana', async (ana) => {
      expect(await ana.call<CoderLayer[]>('getCoderLayers', FIRST)).toEqual([])
      const [s] = (await ana.call<SamplesView>('getSamples')).samples
      expect(s.done).toEqual([benId])
      expect(s.blindForMe).toBe(true)
    })
  })

  it('lifted by the team, it is blind for nobody', async () => {
    await session('Ana', async (ana) => {
      await ana.call('liftBlinding', sample.id)
      expect((await ana.call<CoderLayer[]>('getCoderLayers', FIRST)).map((l) => l.name)).toEqual([
        'Ben',
      ])
      const [s] = (await ana.call<SamplesView>('getSamples')).samples
      expect(s).toMatchObject({ liftedBy: anaId, blindForMe: false })
    })
  })

  it('reports alpha over the sample and lists the disagreement with a note and a codebook problem', async () => {
    await session('Ana', async (ana) => {
      const view = await ana.call<ReliabilityView>('getReliability', sample.id)
      const stance = view.variables.find((v) => v.id === 'stance')
      // [c c s s] against [c c s c]: 1 − (2/8) / (30/56).
      expect(stance?.alpha.alpha.value).toBeCloseTo(1 - 2 / 8 / (30 / 56), 12)
      const history =
        await ana.call<{ round: number; variables: { id: string; alpha: number }[] }[]>(
          'getReliabilityHistory',
        )
      expect(history).toHaveLength(1)
      expect(history[0].variables.find((v) => v.id === 'stance')?.alpha).toBeCloseTo(
        stance?.alpha.alpha.value as number,
        12,
      )
      const list = await ana.call<DisagreementsView>('getDisagreements', sample.id)
      expect(list.items).toHaveLength(1)
      const [d] = list.items
      expect(d.dimensions).toEqual(['stance'])
      expect(d.coders.map((c) => [c.name, c.labels.stance])).toEqual(
        expect.arrayContaining([
          ['Ana', ['supportive']],
          ['Ben', ['critical']],
        ]),
      )
      expect(d.before.length).toBeGreaterThan(0)
      await ana.call('setDisagreementNote', d.documentId, d.unitId, 'Ironie?', true)
      const again = await ana.call<DisagreementsView>('getDisagreements', sample.id)
      expect(again.items[0]).toMatchObject({ note: 'Ironie?', codebookProblem: true })
      expect(again.problems).toMatchObject([{ unitId: d.unitId, name: 'Ana', note: 'Ironie?' }])
      expect(again.problems[0].text).toBe(d.text)
    })
    const file = JSON.parse(await readFile(join(anaDir(), 'reliability', `${anaId}.json`), 'utf8'))
    expect(file.notes).toMatchObject([{ note: 'Ironie?', codebookProblem: true }])
  })

  it('refuses bad requests with a message and writes nothing', async () => {
    await session('Ana', async (ana) => {
      const before = await readFile(join(anaDir(), 'reliability', `${anaId}.json`), 'utf8')
      const one = await ana.handlers.drawSample({
        name: 'x',
        unit: 'documents',
        size: 1,
        seed: 1,
        stratifyBy: null,
        coders: [anaId],
      })
      expect(one.ok).toBe(false)
      const tooMany = await ana.handlers.drawSample({
        name: 'x',
        unit: 'sentences',
        size: 10_000,
        seed: 1,
        stratifyBy: null,
        coders: [anaId, benId],
      })
      expect(tooMany).toMatchObject({ ok: false, code: 'reliability.sample.tooLarge' })
      const unknown = await ana.handlers.markSampleDone('nobody-9')
      expect(unknown).toMatchObject({ ok: false, code: 'reliability.sample.unknown' })
      const noUnit = await ana.handlers.setDisagreementNote(FIRST, 'u-none', 'x', true)
      expect(noUnit).toMatchObject({ ok: false, code: 'reliability.unitUnknown' })
      expect(await readFile(join(anaDir(), 'reliability', `${anaId}.json`), 'utf8')).toBe(before)
    })
  })

  it('skips and reports a damaged reliability file from sync', async () => {
    await writeFile(join(anaDir(), 'reliability', 'zz-mallory.json'), '{"samples": [')
    await session('Ana', async (ana) => {
      const view = await ana.call<SamplesView>('getSamples')
      expect(view.samples).toHaveLength(1)
      expect(view.problems).toMatchObject([{ code: 'team.fileRefused' }])
    })
  })

  it('agreement --sample reports over the sample, found by its name', async () => {
    const out = await agreementCommand(['--project', anaDir(), '--sample', 'Pilot', '--json'])
    const report = JSON.parse(out.trim().split('\n').pop() as string)
    expect(report.sample).toMatchObject({ id: sample.id, name: 'Pilot', round: 1 })
    expect(report.variables.stance.alpha_nominal).toBeCloseTo(1 - 2 / 8 / (30 / 56), 12)
    await expect(agreementCommand(['--project', anaDir(), '--sample', 'Nope'])).rejects.toThrow(
      /no reliability sample "Nope"/,
    )
  })

  it('the dataset card reports alpha per dimension with interval, the sample and the codebook version', async () => {
    await session('Ana', async (ana) => {
      for (const language of ['en', 'de'] as const) {
        const out = join(dir, `card-${language}.md`)
        await exportProject(
          ana.repo,
          { format: 'card', out, onlyAnnotated: false, language },
          {
            cardReliability: () => cardReliability(ana.service.reliability, ana.service.getTeam()),
          },
        )
        const card = await readFile(out, 'utf8')
        const version = ana.repo.getCodebook().version
        const alpha = (1 - 2 / 8 / (30 / 56)).toFixed(3)
        if (language === 'en') {
          expect(card).toContain('## Intercoder reliability')
          expect(card).toContain('reliability sample “Pilot” (round 1')
          expect(card).toContain(`drawn under codebook version ${version}`)
          expect(card).toMatch(
            new RegExp(
              `\\| Stance \\| nominal \\| ${alpha} \\| -?\\d\\.\\d{3} – \\d\\.\\d{3} \\| 4 \\| not reliable \\|`,
            ),
          )
        } else {
          expect(card).toContain('## Intercoder-Reliabilität')
          expect(card).toContain(`| Stance | nominal | ${alpha.replace('.', ',')} |`)
        }
      }
    })
  })
})
