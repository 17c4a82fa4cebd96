import { spawnSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeSource, segmentSource } from '../../electron/core/corpus/sourceText'
import { REPO, tempDir } from './helpers'

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

interface Unit {
  text: string
  start: number
  end: number
  kind: string
}

/**
 * `segment` prints offsets into the input as given: decoded, byte-order mark removed, nothing else
 * changed, so a tool can cut the units out of the very file it passed in.
 */
describe('the command-line tool: segment offsets index the input as given', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeAll(async () => ({ dir, cleanup } = await tempDir('cli-segment-')))
  afterAll(() => cleanup())

  async function segmentFile(name: string, bytes: Uint8Array): Promise<Unit[]> {
    const path = join(dir, name)
    await writeFile(path, bytes)
    const r = cli(['segment', path])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    return r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Unit)
  }

  function expectSlices(input: string, units: Unit[]): void {
    for (const u of units) expect(input.slice(u.start, u.end)).toBe(u.text)
  }

  it('holds on a file that starts with a space', async () => {
    const input = '  Der Gipfel in Hanoi scheiterte. Trump reiste früher ab.'
    const units = await segmentFile('space.txt', Buffer.from(input, 'utf8'))
    expectSlices(input, units)
    expect(units.map((u) => [u.start, u.end])).toEqual([
      [2, 33],
      [34, 57],
    ])
  })

  it('holds on a file with CRLF line endings', async () => {
    const input =
      'Gipfel ohne Ergebnis\r\n\r\nDer Gipfel in Hanoi scheiterte.\r\nTrump reiste ab.\r\n\r\nVon Anna Schmidt\r\n'
    const units = await segmentFile('crlf.txt', Buffer.from(input, 'utf8'))
    expectSlices(input, units)
    expect(units.map((u) => `${u.kind}: ${u.text}`)).toEqual([
      'heading: Gipfel ohne Ergebnis',
      'sentence: Der Gipfel in Hanoi scheiterte.',
      'sentence: Trump reiste ab.',
      'byline: Von Anna Schmidt',
    ])
  })

  it('holds on decomposed umlauts, and splits them as it splits composed ones', async () => {
    const composed =
      'Die Gründe für das Scheitern sind unklar. Die Börse in Köln reagierte gelassen.'
    const input = composed.normalize('NFD')
    expect(input.length).toBeGreaterThan(composed.length)
    const units = await segmentFile('nfd.txt', Buffer.from(input, 'utf8'))
    expectSlices(input, units)
    expect(units.map((u) => u.text.normalize('NFC'))).toEqual([
      'Die Gründe für das Scheitern sind unklar.',
      'Die Börse in Köln reagierte gelassen.',
    ])
    expect(units[1].end).toBe(input.length)
  })

  it('indexes the text after a byte-order mark, in UTF-8 and UTF-16', () => {
    // In process: the CLI reads a file through exactly these two calls.
    const input = 'Erster Satz. Zweiter Satz.'
    for (const bytes of [
      iconv.encode(input, 'utf-8', { addBOM: true }),
      iconv.encode(input, 'utf-16le', { addBOM: true }),
    ]) {
      const decoded = decodeSource(bytes)
      expect(decoded).toEqual({ ok: true, text: input, warnings: [] })
      const units = decoded.ok ? segmentSource(decoded.text) : []
      expect(units.map((u) => [u.text, u.start, u.end])).toEqual([
        ['Erster Satz.', 0, 12],
        ['Zweiter Satz.', 13, 26],
      ])
    }
  })

  it('reads a Windows-1252 file as the import does, and says so', () => {
    const input = 'Grüße aus Köln. „Zweiter“ Satz.'
    const decoded = decodeSource(iconv.encode(input, 'windows-1252'))
    expect(decoded).toEqual({
      ok: true,
      text: input,
      warnings: ['the file is not UTF-8; it was read as Windows-1252'],
    })
  })
})
