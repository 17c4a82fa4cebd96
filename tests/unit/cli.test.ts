import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO } from './helpers'

function cli(args: string[], input?: string) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', join(REPO, 'electron', 'cli.ts'), ...args],
    {
      cwd: REPO,
      input,
      encoding: 'utf8',
    },
  )
}

describe('the command-line tool', () => {
  it('segments standard input into JSON lines whose offsets point into the text', () => {
    const text = 'Überschrift ohne Punkt\n\nDer Gipfel in Hanoi scheiterte. Trump reiste früher ab.'
    const r = cli(['segment', '-'], text)
    expect(r.status).toBe(0)
    const units = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(units.map((u) => u.kind)).toEqual(['heading', 'sentence', 'sentence'])
    for (const u of units) expect(text.slice(u.start, u.end)).toBe(u.text)
    expect(units[2].text).toBe('Trump reiste früher ab.')
  })

  it('segments a file given by name', () => {
    const r = cli(['segment', join(REPO, 'corpus', '003_294f5652016ebd54.txt')])
    expect(r.status).toBe(0)
    expect(r.stdout.split('\n').filter(Boolean).length).toBeGreaterThan(20)
  })

  it('says what is wrong with bad arguments', () => {
    const missing = cli(['segment', '/no/such/file.txt'])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/cannot read \/no\/such\/file.txt/)
    const unknown = cli(['frobnicate'])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/)
  })
})
