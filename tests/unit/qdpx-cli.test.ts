/**
 * The command line: `export --format qdpx` writes a project a QDA tool opens, and `import`
 * takes it (into a new project, which then has the project's code system, not the default).
 */
import { spawnSync } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLowdbRepository } from '../../electron/core/storage/lowdbRepository'
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

describe('qdpx on the command line', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeAll(async () => ({ dir, cleanup } = await tempDir('qdpx-cli-')))
  afterAll(() => cleanup())

  it('exports a coded project with --format qdpx --crlf and imports it into a new project', async () => {
    const project = join(dir, 'p')
    const files = (await readdir(SAMPLE_CORPUS))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(SAMPLE_CORPUS, f))
    expect(cli(['import', '--project', project, ...files]).status).toBe(0)
    const repo = await openLowdbRepository(project, { lock: false })
    const [first] = repo.listDocuments()
    const doc = await repo.getDocument(first.id)
    const unit = doc.units.find((u) => u.kind === 'sentence')!
    await repo.putAnnotation(doc.id, unit.id, {
      statements: [{ id: 's1', values: { stance: ['critical'] } }],
      uncertain: true,
      note: 'Ironie',
      annotator: 'Anna',
      createdAt: '2026-11-30T09:00:00.000Z',
      updatedAt: '2026-11-30T09:00:00.000Z',
      codebookVersion: 1,
    })
    await repo.close()

    const out = join(dir, 'gipfel.qdpx')
    const exported = cli([
      'export',
      '--project',
      project,
      '--format',
      'qdpx',
      '--crlf',
      '--out',
      out,
    ])
    expect(exported.stderr).toBe('')
    expect(exported.status).toBe(0)
    expect(exported.stdout).toContain('(5 sources, 1 selections, 1 codings, 1 notes, 1 users)')
    expect(exported.stdout).toContain('1 sentence is marked uncertain; REFI-QDA has no such mark')
    const zip = await JSZip.loadAsync(await readFile(out))
    const qde = await zip.file('project.qde')!.async('string')
    await writeFile(join(dir, 'project.qde'), qde)
    const lint = spawnSync(
      'xmllint',
      [
        '--noout',
        '--schema',
        '/work/shared/refi-qda/Project-mrt2019.xsd',
        join(dir, 'project.qde'),
      ],
      { encoding: 'utf8' },
    )
    expect(lint.status).toBe(0)

    const imported = cli(['import', '--project', join(dir, 'q'), out])
    expect(imported.status).toBe(0)
    expect(imported.stdout).toContain('imported: 5   skipped: 0   failed: 0')
    const back = await openLowdbRepository(join(dir, 'q'), { lock: false })
    try {
      expect(back.getCodebook().dimensions.map((d) => d.name)).toEqual([
        'Stance',
        'Actor',
        'Argument',
      ])
      const a = (await back.getAnnotations(first.id))[unit.id]
      const critical = back.getCodebook().dimensions[0].labels.find((l) => l.name === 'critical')!
      expect(a.statements[0].values).toEqual({ stance: [critical.id] })
      expect(a.note).toBe('Ironie')
    } finally {
      await back.close()
    }
  })
})
