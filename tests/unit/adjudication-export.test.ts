/**
 * The gold layer in datasets: three coders' layers and an adjudication, exported by the CLI with
 * `--layer` (gold by default once it exists; all layers in the long layout), read by pandas and
 * pivoted back to one column per coder, and an export of all layers that comes back byte for
 * byte after an import into a new project.
 */
import { spawnSync } from 'node:child_process'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AdjudicationView } from '../../electron/contract/adjudication'
import type { DocumentView } from '../../electron/contract/model'
import { importPaths } from '../../electron/core/corpus/importer'
import { loadDefaultCodebook } from '../../electron/core/workbench'
import { openCoder } from '../support/syncCoder'
import { syncOnce } from '../support/syncFolders'
import { REPO, SAMPLE_CORPUS, tempDir } from './helpers'

function cli(args: string[]) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', join(REPO, 'electron', 'cli.ts'), ...args],
    {
      cwd: REPO,
      encoding: 'utf8',
    },
  )
}

function ok(args: string[]) {
  const run = cli(args)
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
  return run.stdout
}

let dir: string
let cleanup: () => Promise<void>
const ids: Record<string, string> = {}
const anaDir = () => join(dir, 'ana', 'P')
const FIRST = '000_21441c4ccb80678e'

/** Stance and actors of the first three sentences, per coder. */
const CODINGS: Record<string, Array<[string, string[]]>> = {
  Ben: [
    ['supportive', ['trump']],
    ['critical', ['kim']],
    ['neutral', []],
  ],
  Cem: [
    ['supportive', ['trump']],
    ['critical', ['trump']],
    ['critical', []],
  ],
  Dora: [
    ['supportive', ['trump']],
    ['supportive', ['kim']],
    ['supportive', ['china']],
  ],
}

beforeAll(async () => {
  ;({ dir, cleanup } = await tempDir('adjudication-export-'))
  const ana = await openCoder(anaDir(), 'Ana', dir, {
    create: { name: 'P', codebook: await loadDefaultCodebook(SAMPLE_CORPUS) },
  })
  await importPaths(ana.repo, [join(SAMPLE_CORPUS, `${FIRST}.txt`)])
  await ana.close()
  for (const [name, codings] of Object.entries(CODINGS)) {
    const copy = join(dir, name, 'P')
    await syncOnce(anaDir(), copy)
    const coder = await openCoder(copy, name, dir)
    ids[name] = coder.id
    const view = await coder.call<DocumentView>('getDocument', FIRST)
    const sentences = view.document.units.filter((u) => u.kind === 'sentence')
    for (const [i, [stance, actor]] of codings.entries())
      await coder.call('saveAnnotation', FIRST, sentences[i].id, {
        statements: [{ id: 's1', values: { stance: [stance], actor } }],
        uncertain: false,
        note: i === 0 ? `"${name}", Zeile 1\nZeile 2` : '',
      })
    await coder.close()
    await syncOnce(copy, anaDir())
  }
  // Ana adjudicates: the majority where there is one, then Dora's view of the third sentence.
  const adjudicator = await openCoder(anaDir(), 'Ana', dir)
  ids.Ana = adjudicator.id
  await adjudicator.call('acceptAutomatically', 'majority')
  const view = await adjudicator.call<AdjudicationView>('getAdjudication')
  const third = view.sentences[2]
  await adjudicator.call(
    'adjudicate',
    FIRST,
    third.unitId,
    { kind: 'coder', coder: ids.Dora },
    'see the headline',
  )
  await adjudicator.close()
}, 120_000)
afterAll(() => cleanup())

describe('exporting the gold layer and every coder', () => {
  it(
    'exports gold by default once it exists, with its provenance in the card',
    { timeout: 60_000 },
    async () => {
      const out = join(dir, 'gold.jsonl')
      ok(['export', '--project', anaDir(), '--format', 'jsonl', '--out', out])
      const coded = (await readFile(out, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .filter((l) => l.annotated)
      expect(coded.map((l) => l.statements[0].label_ids.stance)).toEqual([
        ['supportive'],
        ['critical'],
        ['supportive'],
      ])
      expect(coded.map((l) => l.annotator)).toEqual(['Ana', 'Ana', 'Ana'])
      expect(coded[2].note).toBe('see the headline')

      const card = join(dir, 'README.md')
      ok(['export', '--project', anaDir(), '--format', 'card', '--layer', 'gold', '--out', card])
      const text = await readFile(card, 'utf8')
      expect(text).toContain('## Gold layer and adjudication')
      // Sentence 1: stance and actor agreed; 2: stance by majority, actor (kim 2:1) by majority;
      // 3: decided for both.
      expect(text).toMatch(/\| all \| 2 \| 2 \| 2 \|/)
      expect(text).toMatch(/\| Ana \| 2 \| 2 \| 2 \|/)
      expect(text).toContain('| Stance |')

      const info = ok(['info', '--project', anaDir()])
      expect(info).toContain(
        'adjudication: 2/2 disagreements resolved; gold values: 2 agreed, 2 by majority, 2 adjudicated (by Ana)',
      )
    },
  )

  it(
    'writes the long CSV that pandas pivots back to one column per coder',
    { timeout: 60_000 },
    () => {
      const csv = join(dir, 'all.csv')
      ok([
        'export',
        '--project',
        anaDir(),
        '--format',
        'csv-sentences',
        '--layer',
        'all',
        '--out',
        csv,
      ])
      const py = spawnSync(
        '/usr/bin/python3',
        [
          '-c',
          `import pandas as pd, json, sys
df = pd.read_csv(sys.argv[1])
wide = df.pivot(index=["document_id", "sentence_id"], columns="coder", values="stance")
# Back into the article's order (the pivot sorts its index).
wide = wide.reindex(pd.MultiIndex.from_frame(df[["document_id", "sentence_id"]].drop_duplicates()))
coded = wide.dropna(how="all")
print(json.dumps({"columns": sorted(wide.columns.tolist()), "rows": len(df), "sentences": len(wide), "coded": coded.fillna("").values.tolist()}))`,
          csv,
        ],
        { encoding: 'utf8' },
      )
      if (py.status !== 0 && /No module named/.test(py.stderr)) {
        console.warn(`adjudication-export: the pandas check is skipped: ${py.stderr.trim()}`)
        return
      }
      expect(py.stderr).toBe('')
      const frame = JSON.parse(py.stdout)
      const layers = ['gold', ids.Ben, ids.Cem, ids.Dora]
      expect(frame.columns).toEqual([...layers].sort())
      expect(frame.rows).toBe(4 * frame.sentences)
      const order = [...layers].sort()
      const row = (values: Record<string, string>) => order.map((c) => values[c])
      expect(frame.coded).toEqual([
        row({
          gold: 'supportive',
          [ids.Ben]: 'supportive',
          [ids.Cem]: 'supportive',
          [ids.Dora]: 'supportive',
        }),
        row({
          gold: 'critical',
          [ids.Ben]: 'critical',
          [ids.Cem]: 'critical',
          [ids.Dora]: 'supportive',
        }),
        row({
          gold: 'supportive',
          [ids.Ben]: 'neutral',
          [ids.Cem]: 'critical',
          [ids.Dora]: 'supportive',
        }),
      ])
    },
  )

  it(
    'comes back byte for byte: export all layers, import into a new project, export again',
    { timeout: 90_000 },
    async () => {
      const first = join(dir, 'out1')
      await mkdir(first)
      ok([
        'export',
        '--project',
        anaDir(),
        '--format',
        'jsonl',
        '--layer',
        'all',
        '--out',
        join(first, 'sentences.jsonl'),
      ])
      ok([
        'export',
        '--project',
        anaDir(),
        '--format',
        'codebook',
        '--out',
        join(first, 'codebook.json'),
      ])
      const lines = (await readFile(join(first, 'sentences.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
      expect(Object.keys(lines[0]).slice(0, 3)).toEqual(['coder', 'provenance', 'document_id'])
      const gold = lines.filter((l) => l.coder === 'gold' && l.provenance)
      expect(gold.map((l) => l.provenance.stance.origin)).toEqual([
        'unanimous',
        'majority',
        'decided',
      ])
      expect(gold[1].provenance.stance.coders).toEqual([ids.Ben, ids.Cem].sort())

      const restored = join(dir, 'restored')
      ok(['import', '--project', restored, join(first, 'sentences.jsonl')])
      const again = join(dir, 'out2.jsonl')
      ok(['export', '--project', restored, '--format', 'jsonl', '--layer', 'all', '--out', again])
      expect(await readFile(again)).toEqual(await readFile(join(first, 'sentences.jsonl')))
    },
  )

  it('refuses bad decisions with a message and writes nothing', { timeout: 60_000 }, async () => {
    const ana = await openCoder(anaDir(), 'Ana', dir)
    try {
      const before = await ana.call<AdjudicationView>('getAdjudication')
      const unit = before.sentences[1].unitId
      const bad = [
        await ana.handlers.adjudicate(FIRST, unit, { kind: 'coder', coder: 'cnobody00001' }, ''),
        await ana.handlers.adjudicate(
          FIRST,
          unit,
          { kind: 'edit', values: { stance: ['a', 'b'] } },
          '',
        ),
        await ana.handlers.adjudicate(FIRST, unit, { kind: 'take-all' }, ''),
        await ana.handlers.undoAcceptance('majority-1999-01-01T00:00:00.000Z'),
      ]
      expect(bad.map((e) => (e.ok ? 'ok' : e.code))).toEqual([
        'adjudication.coderDidNotCode',
        'annotation.singleChoice',
        'api.refused',
        'adjudication.runUnknown',
      ])
      expect(await ana.call('getAdjudication')).toEqual(before)
    } finally {
      await ana.close()
    }
  })

  it(
    "the app's export job writes the chosen layer, gold by default",
    { timeout: 60_000 },
    async () => {
      const ana = await openCoder(anaDir(), 'Ana', dir)
      try {
        const stances = async (layer?: string) => {
          const out = join(dir, `app-${layer ?? 'default'}.jsonl`)
          await ana.service.exportLayer({ format: 'jsonl', onlyAnnotated: true, layer }, out, {})
          return (await readFile(out, 'utf8'))
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l).statements[0].label_ids.stance[0])
        }
        expect(await stances()).toEqual(['supportive', 'critical', 'supportive'])
        expect(await stances(`coder:${ids.Ben}`)).toEqual(['supportive', 'critical', 'neutral'])
      } finally {
        await ana.close()
      }
    },
  )

  it('refuses a layer it does not know, and gold where there is none', { timeout: 60_000 }, () => {
    const bad = cli([
      'export',
      '--project',
      anaDir(),
      '--format',
      'jsonl',
      '--layer',
      'golden',
      '--out',
      join(dir, 'x.jsonl'),
    ])
    expect(bad.stderr).toContain('There is no layer "golden"')
    expect(bad.status).not.toBe(0)
  })
})
