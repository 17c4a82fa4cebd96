/**
 * collectFiles: what the analyst picked (files and folders) → importable files and problems.
 */
import { chmod, mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { collectFiles } from '../../electron/core/corpus/import/files'
import { MAX_FILE_BYTES } from '../../electron/core/corpus/import/readers'
import { formatMessage } from '../../electron/contract/messages'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-files-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function put(path: string, content = 'Text.'): Promise<string> {
  const full = join(dir, path)
  await mkdir(join(full, '..'), { recursive: true })
  await writeFile(full, content)
  return full
}
const rel = (p: string): string => relative(dir, p).split('\\').join('/')

describe('collectFiles', () => {
  it('walks folders recursively in natural order and skips hidden and lock files', async () => {
    for (const p of [
      'b/artikel-10.txt',
      'b/artikel-2.txt',
      'a.md',
      'B-upper.html',
      'c/d/e.docx',
      '.git/config.json',
      '.DS_Store',
      'c/.versteckt.txt',
      '~$bericht.docx',
      'Thumbs.db',
      'z.jsonl',
    ]) {
      await put(p)
    }
    const { files, problems } = await collectFiles([dir])
    expect(files.map((f) => rel(f.path))).toEqual([
      'a.md',
      'b/artikel-2.txt',
      'b/artikel-10.txt',
      'B-upper.html',
      'c/d/e.docx',
      'z.jsonl',
    ])
    expect(files[0]).toEqual({ path: join(dir, 'a.md'), name: 'a.md', size: 5 })
    expect(problems).toEqual([])
  })

  it('takes an explicitly picked hidden file, and each file only once', async () => {
    const hidden = await put('.notiz.txt')
    const a = await put('a.txt')
    const { files } = await collectFiles([hidden, a, dir, a])
    expect(files.map((f) => f.name)).toEqual(['.notiz.txt', 'a.txt'])
  })

  it('reports unsupported, oversize, empty and missing files without throwing', async () => {
    await put('scan.PDF')
    await put('README')
    await put('leer.csv', '')
    const big = await put('gross.txt', 'x')
    await truncate(big, MAX_FILE_BYTES + 1)
    await put('klein.txt', 'x'.repeat(2000))
    const missing = join(dir, 'gibt-es-nicht.txt')
    await symlink(join(dir, 'weg.txt'), join(dir, 'kaputter-link.txt'))

    const { files, problems } = await collectFiles([dir, missing])
    expect(files.map((f) => f.name)).toEqual(['klein.txt'])
    expect(problems.map((p) => [rel(p.path), formatMessage(p.reason)])).toEqual([
      ['gross.txt', 'the file is 52,428,801 bytes, more than the import limit of 52,428,800 bytes'],
      ['kaputter-link.txt', 'the file or folder does not exist (ENOENT)'],
      ['leer.csv', 'the file is empty'],
      [
        'README',
        'a file without an extension (supported: .txt, .md, .html, .htm, .docx, .csv, .jsonl, .json, .qdpx)',
      ],
      [
        'scan.PDF',
        'unsupported file type .pdf (supported: .txt, .md, .html, .htm, .docx, .csv, .jsonl, .json, .qdpx)',
      ],
      ['gibt-es-nicht.txt', 'the file or folder does not exist (ENOENT)'],
    ])

    const limited = await collectFiles([dir], { maxBytes: 1024 })
    const klein = limited.problems.find((p) => p.path.endsWith('klein.txt'))
    expect(klein && formatMessage(klein.reason)).toBe(
      'the file is 2 KB, more than the import limit of 1 KB',
    )
  })

  it('survives a symbolic link that loops back to a parent folder', async () => {
    await put('a/text.txt')
    await symlink(dir, join(dir, 'a', 'zurueck'))
    const { files, problems } = await collectFiles([dir])
    expect(files.map((f) => rel(f.path))).toEqual(['a/text.txt'])
    expect(problems).toEqual([])
  })

  it('reports files and folders it may not read', async (ctx) => {
    if (process.getuid?.() === 0) {
      console.log(
        'skipped "reports files and folders it may not read": running as root, which reads every file',
      )
      ctx.skip()
    }
    const secret = await put('geheim/a.txt')
    await chmod(join(dir, 'geheim'), 0o000)
    try {
      const { problems } = await collectFiles([dir])
      expect(problems.map((p) => ({ ...p, reason: formatMessage(p.reason) }))).toEqual([
        { path: join(dir, 'geheim'), reason: 'permission denied (EACCES)' },
      ])
    } finally {
      await chmod(join(dir, 'geheim'), 0o755)
    }
    await chmod(secret, 0o000)
    const { problems } = await collectFiles([secret])
    expect(problems.map((p) => ({ ...p, reason: formatMessage(p.reason) }))).toEqual([
      { path: secret, reason: 'permission denied (EACCES)' },
    ])
  })
})
