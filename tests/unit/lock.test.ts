import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectLockedError } from '../../electron/core/storage/lock'
import { openLowdbRepository } from '../../electron/core/storage/lowdbRepository'
import { REPO, smallCodebook, tempDir } from './helpers'

let dir: string
let cleanup: () => Promise<void>
beforeAll(async () => {
  ;({ dir, cleanup } = await tempDir('workbench-lock-'))
  const repo = await openLowdbRepository(join(dir, 'p'), {
    create: { name: 'L', codebook: smallCodebook },
  })
  await repo.close()
})
afterAll(() => cleanup())

function cli(args: string[]) {
  return new Promise<{ status: number | null; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(REPO, 'electron/cli.ts'), ...args],
      { cwd: REPO },
    )
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.on('exit', (status) => resolve({ status, stderr }))
  })
}

describe('one writer per project', () => {
  it('refuses a second writer with a message naming the first, and frees the project on close', async () => {
    const first = await openLowdbRepository(join(dir, 'p'), { lock: 'the app' })
    const second = await openLowdbRepository(join(dir, 'p'), {
      lock: 'the command-line tool',
    }).catch((e) => e)
    expect(second).toBeInstanceOf(ProjectLockedError)
    expect((second as Error).message).toMatch(
      /already open in the app \(process \d+ on .*\)\. Close it there first/,
    )
    const fromCli = await cli(['info', '--project', join(dir, 'p')])
    expect(fromCli.status).toBe(2)
    expect(fromCli.stderr).toMatch(/already open in the app/)
    await first.close()
    const third = await openLowdbRepository(join(dir, 'p'), { lock: 'the command-line tool' })
    await third.close()
  })

  it('takes over the lock of a process that died', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('${join(REPO, 'electron/core/storage/lowdbRepository.ts')}').then(async (m) => { await m.openLowdbRepository(${JSON.stringify(join(dir, 'p'))}, { lock: 'a doomed app' }); console.log('locked'); setInterval(() => {}, 1000) })`,
      ],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    await new Promise<void>((ok) =>
      child.stdout.on('data', (d) => String(d).includes('locked') && ok()),
    )
    await expect(openLowdbRepository(join(dir, 'p'))).rejects.toThrow(/a doomed app/)
    child.kill('SIGKILL')
    await new Promise((ok) => child.on('exit', ok))
    const repo = await openLowdbRepository(join(dir, 'p'))
    await repo.close()
  })
})
