/**
 * The CLI on a team project: `info` lists the coders and their progress, `export --coder`
 * chooses whose labels, and `--coder all` writes the long layout, read back by pandas.
 */
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentView } from '../../electron/contract/model'
import { importPaths } from '../../electron/core/corpus/importer'
import { loadDefaultCodebook } from '../../electron/core/workbench'
import { openCoder, type Coder } from '../support/syncCoder'
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

let dir: string
let cleanup: () => Promise<void>
let ana: Coder
let ben: Coder
const anaDir = () => join(dir, 'ana', 'P')
const FIRST = '000_21441c4ccb80678e'

async function code(coder: Coder, labels: string[]) {
  const view = await coder.call<DocumentView>('getDocument', FIRST)
  const sentences = view.document.units.filter((u) => u.kind === 'sentence')
  for (const [i, label] of labels.entries())
    await coder.call('saveAnnotation', FIRST, sentences[i].id, {
      statements: [{ id: 's1', values: { stance: [label] } }],
      uncertain: false,
      note: i === 0 ? `Zeile eins\nZeile zwei, "zitiert"; ${coder.name}` : '',
    })
}

beforeAll(async () => {
  ;({ dir, cleanup } = await tempDir('workbench-team-cli-'))
  ana = await openCoder(anaDir(), 'Ana', dir, {
    create: { name: 'P', codebook: await loadDefaultCodebook(SAMPLE_CORPUS) },
  })
  await importPaths(ana.repo, [join(SAMPLE_CORPUS, `${FIRST}.txt`)])
  await ana.close()
  await syncOnce(anaDir(), join(dir, 'ben', 'P'))
  ben = await openCoder(join(dir, 'ben', 'P'), 'Ben', dir)
  await code(ben, ['critical', 'critical', 'neutral'])
  await ben.close()
  await syncOnce(join(dir, 'ben', 'P'), anaDir())
  ana = await openCoder(anaDir(), 'Ana', dir)
  await code(ana, ['supportive', 'critical'])
  // Ana's app is closed again, as the CLI refuses a project the app has open.
  await ana.close()
}, 60_000)
afterAll(() => cleanup())

describe('the CLI on a team project', () => {
  it('lists the coders and their progress', { timeout: 60_000 }, () => {
    const run = cli(['info', '--project', anaDir()])
    expect(run.stderr).toBe('')
    const coders = run.stdout.split('coders:\n')[1].trim().split('\n')
    expect(coders.map((l) => l.trim().split('\t'))).toEqual([
      ['Ana', ana.id, expect.stringMatching(/^2\/\d+ sentences coded$/), '(this machine)'],
      ['Ben', ben.id, expect.stringMatching(/^3\/\d+ sentences coded$/)],
    ])
  })

  it(
    'exports one coder, or all of them one row per sentence and coder',
    { timeout: 90_000 },
    async () => {
      const one = join(dir, 'ben.jsonl')
      expect(
        cli(['export', '--project', anaDir(), '--format', 'jsonl', '--out', one, '--coder', ben.id])
          .status,
      ).toBe(0)
      const bens = (await readFile(one, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
      expect(bens.filter((l) => l.annotated).map((l) => l.annotator)).toEqual(['Ben', 'Ben', 'Ben'])

      const all = join(dir, 'all.jsonl')
      const run = cli([
        'export',
        '--project',
        anaDir(),
        '--format',
        'jsonl',
        '--out',
        all,
        '--coder',
        'all',
      ])
      expect(run.stderr).toBe('')
      const lines = (await readFile(all, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
      expect(lines).toHaveLength(2 * bens.length)
      expect(Object.keys(lines[0])[0]).toBe('coder')
      const coded = lines.filter((l) => l.annotated).map((l) => [l.coder, l.annotator])
      expect(coded).toEqual([
        [ana.id, 'Ana'],
        [ana.id, 'Ana'],
        [ben.id, 'Ben'],
        [ben.id, 'Ben'],
        [ben.id, 'Ben'],
      ])

      const csv = join(dir, 'all.csv')
      expect(
        cli([
          'export',
          '--project',
          anaDir(),
          '--format',
          'csv-sentences',
          '--out',
          csv,
          '--coder',
          'all',
          '--delimiter',
          ';',
        ]).status,
      ).toBe(0)
      // Read back by pandas as R or SPSS users would: one row per sentence and coder.
      const py = spawnSync(
        '/usr/bin/python3',
        [
          '-c',
          `import pandas as pd, json, sys
df = pd.read_csv(sys.argv[1], sep=';')
print(json.dumps({"rows": len(df), "first": list(df.columns)[0], "coders": sorted(df["coder"].unique().tolist()), "notes": df["note"].dropna().tolist()}))`,
          csv,
        ],
        { encoding: 'utf8' },
      )
      if (py.status !== 0 && /No module named/.test(py.stderr)) {
        console.warn(`team-cli: the pandas check is skipped: ${py.stderr.trim()}`)
        return
      }
      expect(py.stderr).toBe('')
      const frame = JSON.parse(py.stdout)
      expect(frame).toMatchObject({
        rows: 2 * bens.length,
        first: 'coder',
        coders: [ana.id, ben.id].sort(),
      })
      expect(frame.notes).toEqual([
        'Zeile eins\nZeile zwei, "zitiert"; Ana',
        'Zeile eins\nZeile zwei, "zitiert"; Ben',
      ])
    },
  )

  it(
    'refuses an unknown coder and the long layout for a format that is not one table',
    { timeout: 60_000 },
    () => {
      const unknown = cli([
        'export',
        '--project',
        anaDir(),
        '--format',
        'jsonl',
        '--out',
        join(dir, 'x.jsonl'),
        '--coder',
        'cnobody00001',
      ])
      expect(unknown.status).toBe(2)
      expect(unknown.stderr).toBe('error: There is no coder "cnobody00001" in this project.\n')
      const graph = cli([
        'export',
        '--project',
        anaDir(),
        '--format',
        'graphml',
        '--out',
        join(dir, 'x.graphml'),
        '--coder',
        'all',
      ])
      expect(graph.stderr).toMatch(/long layout/)
    },
  )
})
