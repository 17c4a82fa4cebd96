import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildDocument } from '../../electron/core/corpus/document'
import { ExportCancelledError, ExportError, fsError } from '../../electron/core/export/errors'
import { exportProject } from '../../electron/core/export/exporter'
import { stageFiles } from '../../electron/core/export/output'
import {
  openLowdbRepository,
  type LowdbProjectRepository,
} from '../../electron/core/storage/lowdbRepository'
import { formatMessage } from '../../electron/contract/messages'
import { smallCodebook, tempDir } from './helpers'

let dir: string
let cleanup: () => Promise<void>
let repo: LowdbProjectRepository
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('export-files-'))
  repo = await openLowdbRepository(join(dir, 'project'), {
    create: { name: 'Files', codebook: smallCodebook },
  })
  for (let i = 0; i < 5; i++)
    await repo.addDocument(
      buildDocument({ id: `d${i}`, text: `Satz ${i} eins. Satz ${i} zwei.`, meta: {} }),
    )
})
afterEach(async () => {
  await repo.close()
  await cleanup()
})

/** Everything in the temporary folder but the project: what an export left behind. */
async function leftovers(): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n !== 'project').sort()
}

describe('writing an export', () => {
  it('leaves nothing behind when cancelled, whatever the format', async () => {
    for (const format of ['jsonl', 'csv-sentences', 'all'] as const) {
      const controller = new AbortController()
      const run = exportProject(
        repo,
        {
          format,
          out: join(dir, `out-${format}`),
          split: { train: 0.6, dev: 0.2, test: 0.2, seed: 1 },
        },
        { signal: controller.signal, onProgress: (p) => p.done === 2 && controller.abort() },
      )
      await expect(run).rejects.toBeInstanceOf(ExportCancelledError)
      await expect(run).rejects.toMatchObject({
        name: 'AbortError',
        message: 'The export was cancelled; no file was written.',
      })
    }
    expect(await leftovers()).toEqual([])
  })

  it('removes the temporary file when writing fails half way, keeping the previous file', async () => {
    const out = join(dir, 'out.jsonl')
    await writeFile(out, 'the previous export\n')
    const staging = stageFiles()
    const file = await staging.open(out)
    await file.write([Buffer.alloc(3 << 20, 'x')]) // more than one flush
    expect(await leftovers()).toEqual(['out.jsonl', `out.jsonl.tmp-${process.pid}`])
    // What the exporter does with a failed write: the error names the path, the staging goes.
    const error = fsError(
      out,
      Object.assign(new Error('no space left on device, write'), { code: 'ENOSPC' }),
    )
    await staging.discard()
    expect(error).toBeInstanceOf(ExportError)
    expect((error as Error).message).toBe(
      `Cannot write the export to ${out}: the disk is full (ENOSPC)`,
    )
    expect(await leftovers()).toEqual(['out.jsonl'])
    expect(await readFile(out, 'utf8')).toBe('the previous export\n')
  })

  it('refuses a folder where a file is expected, and a path through a file, naming the path', async () => {
    await mkdir(join(dir, 'folder'))
    await expect(
      exportProject(repo, { format: 'csv-sentences', out: join(dir, 'folder') }),
    ).rejects.toThrow(
      `Cannot write the export to ${join(dir, 'folder')}: it is a folder; give the name of a file`,
    )
    await writeFile(join(dir, 'file.txt'), 'mine')
    const through = join(dir, 'file.txt', 'out.jsonl')
    await expect(exportProject(repo, { format: 'jsonl', out: through })).rejects.toThrow(
      `Cannot write the export to ${through}: ${join(dir, 'file.txt')} is a file, not a folder`,
    )
    const missing = join(dir, 'no', 'such', 'out.jsonl')
    await expect(exportProject(repo, { format: 'jsonl', out: missing })).rejects.toThrow(
      `Cannot write the export to ${missing}: the folder ${join(dir, 'no', 'such')} does not exist`,
    )
    await expect(
      exportProject(repo, { format: 'all', out: join(dir, 'file.txt') }),
    ).rejects.toThrow('it is a file; this format writes a folder')
    const inside = join(dir, 'project', 'project.json')
    await expect(exportProject(repo, { format: 'codebook', out: inside })).rejects.toThrow(
      `Cannot write the export to ${inside}: it is inside the project folder`,
    )
    expect(await leftovers()).toEqual(['file.txt', 'folder'])
    expect(await readdir(join(dir, 'folder'))).toEqual([])
  })

  it('gives a clear error for a folder it may not write to, and leaves no partial file', async () => {
    // root may write into a chmod 555 folder; sysfs refuses file creation even to root.
    const asRoot = process.getuid?.() === 0
    if (asRoot && process.platform !== 'linux') return
    const locked = asRoot ? '/sys' : join(dir, 'locked')
    if (!asRoot) {
      await mkdir(locked)
      await chmod(locked, 0o555)
    }
    const out = join(locked, 'pressecoder-export-test.jsonl')
    try {
      const error = await exportProject(repo, { format: 'jsonl', out }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ExportError)
      expect((error as Error).message).toMatch(
        new RegExp(
          `^Cannot write the export to ${out}: (permission denied \\(EACCES\\)|the disk is read-only \\(EROFS\\))$`,
        ),
      )
      expect(
        (await readdir(locked)).filter((n) => n.startsWith('pressecoder-export-test')),
      ).toEqual([])
    } finally {
      if (!asRoot) await chmod(locked, 0o755)
    }
  })

  it('replaces an earlier export folder as a whole, but writes beside the files of a folder of the analyst', async () => {
    const out = join(dir, 'export')
    await exportProject(repo, {
      format: 'all',
      out,
      split: { train: 0.6, dev: 0.2, test: 0.2, seed: 1 },
    })
    expect(await readdir(out)).toContain('sentences.train.jsonl')
    const again = await exportProject(repo, { format: 'all', out })
    // The small codebook has no argument dimension, so there is no network to write.
    // Nothing is coded, so there are no statements; the small codebook has no argument dimension.
    expect(again.warnings).toEqual([
      {
        code: 'export.warning.emptyFile',
        params: { file: 'statements.csv', what: { code: 'export.what.statements' } },
      },
      { code: 'export.warning.noNetwork', params: { role: { code: 'export.role.argument' } } },
    ])
    expect((await readdir(out)).sort()).toEqual([
      'README.md',
      'codebook.json',
      'project.qdpx',
      'sentences.csv',
      'sentences.jsonl',
    ])
    const mine = join(dir, 'mine')
    await mkdir(mine)
    await writeFile(join(mine, 'notes.txt'), 'keep me')
    const result = await exportProject(repo, { format: 'all', out: mine })
    expect((await readdir(mine)).sort()).toEqual([
      'README.md',
      'codebook.json',
      'notes.txt',
      'project.qdpx',
      'sentences.csv',
      'sentences.jsonl',
    ])
    expect(await readFile(join(mine, 'notes.txt'), 'utf8')).toBe('keep me')
    expect(result.files.map((f) => f.path)).toContain(join(mine, 'sentences.jsonl'))
    expect(await readFile(join(mine, 'README.md'), 'utf8')).toContain('- `sentences.jsonl`')
    expect(await leftovers()).toEqual(['export', 'mine'])
  })

  it('replaces an existing file and reports what it wrote', async () => {
    const out = join(dir, 'out.csv')
    await writeFile(out, 'old')
    const result = await exportProject(repo, { format: 'csv-sentences', out })
    expect(result).toMatchObject({
      format: 'csv-sentences',
      path: out,
      documents: 5,
      units: 10,
      sentences: 10,
      nonSentences: 0,
      annotated: 0,
      warnings: [],
    })
    expect(result.files).toEqual([
      {
        path: out,
        format: 'csv-sentences',
        bytes: (await readFile(out)).length,
        counts: { rows: 10, documents: 5 },
      },
    ])
    expect(await leftovers()).toEqual(['out.csv'])
  })

  it('writes no file of no rows: a statement CSV of an uncoded corpus is a warning instead', async () => {
    const out = join(dir, 'statements.csv')
    await writeFile(out, 'old')
    const result = await exportProject(repo, { format: 'csv-statements', out })
    expect(result.files).toEqual([])
    expect(result.warnings).toEqual([
      {
        code: 'export.warning.emptyFile',
        params: { file: 'statements.csv', what: { code: 'export.what.statements' } },
      },
    ])
    expect(formatMessage(result.warnings[0], 'de')).toBe(
      'statements.csv wurde nicht geschrieben: Die Datei enthielte keine codierten Aussagen.',
    )
    // The earlier file is left as it was, and nothing temporary stays behind.
    expect(await readFile(out, 'utf8')).toBe('old')
    expect(await leftovers()).toEqual(['statements.csv'])
  })

  it('exports nothing, and says so, when no sentence matches', async () => {
    const out = join(dir, 'coded.jsonl')
    const result = await exportProject(repo, { format: 'jsonl', out, onlyAnnotated: true })
    expect(result).toMatchObject({ documents: 0, units: 0, files: [] })
    expect(result.warnings).toEqual([{ code: 'export.warning.nothingExported' }])
    expect(await leftovers()).toEqual([])
  })
})
