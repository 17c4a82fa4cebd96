import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSampleProject } from '../../electron/core/workbench'
import { openLowdbRepository } from '../../electron/core/storage/lowdbRepository'
import { REPO, SAMPLE_CORPUS, tempDir } from './helpers'

const DOC = '002_4aaa764273940afd'
const ROUNDS = 6

let dir: string
let cleanup: () => Promise<void>
beforeAll(async () => {
  ;({ dir, cleanup } = await tempDir('workbench-crash-'))
  await createSampleProject(join(dir, 'p'), SAMPLE_CORPUS)
})
afterAll(() => cleanup())

/** Runs the writer until it has acknowledged `acks` annotations, then kills it with SIGKILL. */
function writeThenKill(round: number, acks: number): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(REPO, 'tests/support/crashWriter.ts'),
        join(dir, 'p'),
        DOC,
        String(round),
      ],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const acknowledged = new Map<string, string>()
    let buffer = ''
    let stderr = ''
    let killed = false
    let count = 0
    child.stderr.on('data', (d) => (stderr += d))
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8')
      let newline: number
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 1)
        if (line === 'ready' || killed) continue
        const { unit, note } = JSON.parse(line) as { unit: string; note: string }
        acknowledged.set(unit, note)
        if (++count >= acks && !killed) {
          killed = true
          child.kill('SIGKILL')
        }
      }
    })
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acknowledged)
      else reject(new Error(`the writer stopped by itself: ${stderr}`))
    })
  })
}

describe('a writer killed while saving', () => {
  it('loses no acknowledged annotation, round after round', async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      // Kill at a different point each round; the writer keeps going past one pass over the units.
      const acknowledged = await writeThenKill(round, 20 + round * 37)
      // The killed writer's lock is stale: the project opens at once, intact.
      const repo = await openLowdbRepository(join(dir, 'p'), { lock: 'the crash test' })
      const stored = await repo.getAnnotations(DOC)
      // Each sentence holds what was acknowledged for it, or a later write the kill overtook.
      const writeNumber = (note: string | undefined) =>
        Number(/^round (\d+) write (\d+)$/.exec(note ?? '')?.[2] ?? -1)
      for (const [unit, note] of acknowledged) {
        expect(stored[unit]?.note, `round ${round}, ${unit}`).toMatch(
          new RegExp(`^round ${round} write \\d+$`),
        )
        expect(writeNumber(stored[unit]?.note), `round ${round}, ${unit}`).toBeGreaterThanOrEqual(
          writeNumber(note),
        )
      }
      const summary = repo.listDocuments().find((d) => d.id === DOC)!
      expect(summary.annotatedCount).toBe(Object.keys(stored).length)
      await repo.close()
    }
  }, 120_000)
})
