import { spawnSync } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseExportArgs } from '../../electron/core/export/cliArgs'
import { createSampleProject } from '../../electron/core/workbench'
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
beforeAll(async () => {
  ;({ dir, cleanup } = await tempDir('export-cli-'))
  await createSampleProject(join(dir, 'project'), SAMPLE_CORPUS)
})
afterAll(() => cleanup())

describe('the export command', () => {
  it('exports a project folder as JSONL without the app running', { timeout: 60_000 }, async () => {
    const out = join(dir, 'sentences.jsonl')
    const r = cli(['export', '--project', join(dir, 'project'), '--format', 'jsonl', '--out', out])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const lines = (await readFile(out, 'utf8')).trimEnd().split('\n')
    expect(lines.length).toBeGreaterThan(200)
    expect(JSON.parse(lines[0]).document_id).toBe('000_21441c4ccb80678e')
    const headings = lines.filter((l) => JSON.parse(l).kind !== 'sentence').length
    expect(r.stdout).toContain(
      `exported 5 documents: ${lines.length} units (${lines.length - headings} sentences, ${headings} headings, bylines, captions or meta lines; 0 annotated, 0 statements) in 1 files to ${out}`,
    )
    expect(r.stdout).toMatch(/sentences\.jsonl {2}\d+ bytes {2}\(\d+ lines, 5 documents\)/)
  })

  it(
    'exports everything into a folder and prints the result as JSON on request',
    { timeout: 60_000 },
    async () => {
      const out = join(dir, 'all')
      const r = cli([
        'export',
        '--project',
        join(dir, 'project'),
        '--format',
        'all',
        '--out',
        out,
        '--json',
        '--sentences-only',
      ])
      expect(r.status).toBe(0)
      const result = JSON.parse(r.stdout)
      expect(
        result.files.map((f: { path: string }) => f.path.slice(out.length + 1)).sort(),
      ).toEqual((await readdir(out)).sort())
      expect(result.units).toBe(result.sentences)
    },
  )

  // Each case spawns node with tsx; on a busy machine that takes seconds, hence the time limits.
  it('says what is wrong with the arguments, with exit code 2', { timeout: 60_000 }, () => {
    const noFormat = cli([
      'export',
      '--project',
      join(dir, 'project'),
      '--out',
      join(dir, 'x.jsonl'),
    ])
    expect(noFormat.status).toBe(2)
    expect(noFormat.stderr).toMatch(/--format is required \(one of jsonl, csv-sentences/)
    const badFormat = cli([
      'export',
      '--project',
      join(dir, 'project'),
      '--format',
      'xlsx',
      '--out',
      join(dir, 'x.xlsx'),
    ])
    expect(badFormat.status).toBe(2)
    expect(badFormat.stderr).toMatch(/Invalid export option format: the format is one of jsonl/)
  })

  it('writes no empty file and says so, with exit code 1', { timeout: 60_000 }, async () => {
    const out = join(dir, 'coded.csv')
    const r = cli([
      'export',
      '--project',
      join(dir, 'project'),
      '--format',
      'csv-sentences',
      '--only-annotated',
      '--delimiter',
      ';',
      '--out',
      out,
    ])
    expect(r.status).toBe(1)
    expect(r.stdout).toBe(
      `exported 0 documents: 0 units (0 sentences, 0 headings, bylines, captions or meta lines; 0 annotated, 0 statements) in 0 files to ${out}\n` +
        '  ~ Nothing was exported: no sentence matches the options, so no data file was written.\n',
    )
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it(
    'says what is wrong with the project or the target, with exit code 2',
    { timeout: 60_000 },
    () => {
      const folder = cli([
        'export',
        '--project',
        join(dir, 'project'),
        '--format',
        'jsonl',
        '--out',
        dir,
      ])
      expect(folder.status).toBe(2)
      expect(folder.stderr).toBe(
        `error: Cannot write the export to ${dir}: it is a folder; give the name of a file\n`,
      )
      const noProject = cli([
        'export',
        '--project',
        join(dir, 'nothing'),
        '--format',
        'jsonl',
        '--out',
        join(dir, 'x.jsonl'),
      ])
      expect(noProject.status).toBe(2)
      expect(noProject.stderr).toMatch(/is not a project folder/)
    },
  )
})

describe('the export arguments', () => {
  it('become export options', () => {
    const { project, options, json } = parseExportArgs([
      '--project',
      'p',
      '--format',
      'csv-sentences',
      '--out',
      'o.csv',
      '--only-annotated',
      '--annotator',
      'Anna',
      '--documents',
      'a, b',
      '--where',
      'source=Spiegel Online',
      '--split',
      '0.8,0.1,0.1',
      '--seed',
      '9',
      '--bom',
      '--one-hot',
      '--actor',
      'akteur',
    ])
    expect(project).toBe('p')
    expect(json).toBe(false)
    expect(options).toEqual({
      format: 'csv-sentences',
      out: 'o.csv',
      onlyAnnotated: true,
      includeNonSentences: true,
      annotator: 'Anna',
      bom: true,
      oneHot: true,
      network: { actor: 'akteur' },
      documents: { ids: ['a', 'b'], meta: { field: 'source', value: 'Spiegel Online' } },
      split: { train: 0.8, dev: 0.1, test: 0.1, seed: 9 },
    })
    expect(() =>
      parseExportArgs(['--project', 'p', '--format', 'jsonl', '--out', 'o', '--split', '0.8,0.2']),
    ).toThrow('--split takes three fractions')
    expect(() =>
      parseExportArgs(['--project', 'p', '--format', 'jsonl', '--out', 'o', '--where', 'Spiegel']),
    ).toThrow('--where takes FIELD=VALUE')
  })

  it('take a delimiter by name or as itself, the card language, and "none" for no stance', () => {
    const base = ['--project', 'p', '--format', 'all', '--out', 'o']
    const { options } = parseExportArgs([
      ...base,
      '--delimiter',
      'semicolon',
      '--language',
      'de',
      '--stance',
      'none',
    ])
    expect(options).toMatchObject({ delimiter: ';', language: 'de', network: { stance: null } })
    expect(parseExportArgs([...base, '--delimiter', '\t']).options.delimiter).toBe('\t')
    expect(() => parseExportArgs([...base, '--delimiter', '|'])).toThrow(
      '--delimiter takes comma, semicolon or tab (or , ; \\t)',
    )
  })
})
