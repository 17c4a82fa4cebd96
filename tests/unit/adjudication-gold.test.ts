/**
 * The gold layer on disk with two adjudicators on two machines: each writes only their own
 * folder, the latest decision of a sentence stands on every machine, and a file that is damaged
 * or a sync engine's conflict copy is reported and never read.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GoldStore, type GoldFile } from '../../electron/core/adjudication/goldStore'
import { tempDir } from './helpers'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('adjudication-gold-'))
})
afterEach(() => cleanup())

function file(adjudicator: string, stance: string, at: string): GoldFile {
  return {
    schemaVersion: 1,
    documentId: 'doc-1',
    adjudicator,
    sentences: {
      'u0-10': {
        values: {
          stance: { labels: [stance], coders: [], origin: 'decided', by: adjudicator, at },
        },
        statements: [{ id: 's1', values: { stance: [stance] } }],
      },
    },
    runs: [],
  }
}

describe('the gold layer of two adjudicators', () => {
  it('writes only its own folder, and the latest decision stands whatever the order', async () => {
    const ana = new GoldStore(dir, 'cana00000001')
    await ana.write(file('cana00000001', 'critical', '2026-01-02T10:00:00.000Z'))
    const ben = new GoldStore(dir, 'cben00000001')
    await ben.write(file('cben00000001', 'neutral', '2026-01-01T10:00:00.000Z'))
    for (const store of [new GoldStore(dir, 'cana00000001'), new GoldStore(dir, 'cben00000001')]) {
      await store.load()
      expect(store.adjudicators()).toEqual(['cana00000001', 'cben00000001'])
      expect(store.sentences('doc-1').get('u0-10')?.values.stance.labels).toEqual(['critical'])
      expect(store.problems).toEqual([])
    }
    // Ben decides again, later: now his stands, on both machines.
    await ben.write(file('cben00000001', 'mixed', '2026-01-03T10:00:00.000Z'))
    await ana.load()
    expect(ana.sentences('doc-1').get('u0-10')?.values.stance.labels).toEqual(['mixed'])
    expect(ana.mine('doc-1').sentences['u0-10'].values.stance.labels).toEqual(['critical'])
  })

  it('reports a damaged file and a conflict copy, and reads neither', async () => {
    const folder = join(dir, 'gold', 'cben00000001')
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, 'doc-1.json'), '{"schemaVersion":1,"documentId":')
    await writeFile(
      join(folder, 'doc-1.sync-conflict-20260101-120000-ABCDEFG.json'),
      JSON.stringify(file('cben00000001', 'neutral', '2026-01-01T10:00:00.000Z')),
    )
    const store = new GoldStore(dir, 'cana00000001')
    await store.load()
    expect(store.sentences('doc-1').size).toBe(0)
    expect(store.problems.map((p) => [p.path, p.kind])).toEqual([
      [join('gold', 'cben00000001', 'doc-1.json'), 'refused'],
      [
        join('gold', 'cben00000001', 'doc-1.sync-conflict-20260101-120000-ABCDEFG.json'),
        'conflict-copy',
      ],
    ])
  })
})
