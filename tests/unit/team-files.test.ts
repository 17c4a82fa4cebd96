/**
 * Files that arrive from other machines: other coders' layers shown read-only, untrusted files
 * refused with their path, conflict copies reported, competing codebook versions resolved.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatMessage } from '../../electron/contract/messages'
import type {
  Codebook,
  DocumentSummary,
  SentenceAnnotationInput,
  DocumentView,
} from '../../electron/contract/model'
import type { CoderLayer, TeamStatus } from '../../electron/contract/team'
import { importContents } from '../../electron/core/corpus/importer'
import { openCoder, type Coder } from '../support/syncCoder'
import { syncOnce } from '../support/syncFolders'
import { smallCodebook, tempDir } from './helpers'

const ARTICLE = 'Trump traf Kim in Hanoi. Das Treffen endete ohne Ergebnis. Beide reisten ab.'

let dir: string
let cleanup: () => Promise<void>
let ana: Coder
let ben: Coder
const anaDir = () => join(dir, 'ana', 'Gipfel')
const benDir = () => join(dir, 'ben', 'Gipfel')

const stance = (label: string): SentenceAnnotationInput => ({
  statements: [{ id: 's1', values: { stance: [label] } }],
  uncertain: false,
  note: '',
})

async function firstUnits(coder: Coder): Promise<string[]> {
  const view = await coder.call<DocumentView>('getDocument', 'gipfel')
  return view.document.units.map((u) => u.id)
}

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('workbench-team-'))
  ana = await openCoder(anaDir(), 'Ana', dir, {
    create: { name: 'Gipfel', codebook: smallCodebook },
  })
  await importContents(ana.repo, [{ name: 'gipfel.txt', bytes: new TextEncoder().encode(ARTICLE) }])
  await ana.close()
  // Ben's laptop receives the project as it stood.
  await syncOnce(anaDir(), benDir())
  ana = await openCoder(anaDir(), 'Ana', dir)
  ben = await openCoder(benDir(), 'Ben', dir)
})
afterEach(async () => {
  await ana.close()
  await ben.close()
  await cleanup()
})

describe('other coders, as sync brings their files', () => {
  it("shows another coder's layer read-only beside one's own, with their name and progress", async () => {
    const [u0, u1] = await firstUnits(ben)
    await ben.call('saveAnnotation', 'gipfel', u0, stance('contra'))
    await ben.call('saveAnnotation', 'gipfel', u1, stance('pro'))
    await ana.call('saveAnnotation', 'gipfel', u0, stance('pro'))
    const anaLayer = join(anaDir(), 'annotations', ana.id, 'gipfel.json')
    const before = await readFile(anaLayer, 'utf8')
    await syncOnce(benDir(), anaDir())
    expect(await ana.team.scan()).toBe(true)

    const team = await ana.call<TeamStatus>('getTeam')
    expect(team.coders.map((c) => [c.name, c.me, c.annotatedCount, c.annotated])).toEqual([
      ['Ana', true, 1, { gipfel: 1 }],
      ['Ben', false, 2, { gipfel: 2 }],
    ])
    const layers = await ana.call<CoderLayer[]>('getCoderLayers', 'gipfel')
    expect(layers.map((l) => [l.name, l.annotations[u0].statements[0].values.stance])).toEqual([
      ['Ben', ['contra']],
    ])
    // Ana's own label and file are hers alone.
    const own = await ana.call<DocumentView>('getDocument', 'gipfel')
    expect(Object.keys(own.annotations)).toEqual([u0])
    expect(await readFile(anaLayer, 'utf8')).toBe(before)
    expect(team.problems).toEqual([])
  })

  it('notices files arriving while the project is open, by file-system events, without a rescan call', async () => {
    const [u0] = await firstUnits(ben)
    await ben.call('saveAnnotation', 'gipfel', u0, stance('contra'))
    // The poll is set far beyond the deadline: only the watcher's events can bring the news.
    ana.team.watch({ settleMs: 100, pollMs: 600_000 })
    const before = await ana.call<number>('getTeamRevision')
    await syncOnce(benDir(), anaDir())
    const deadline = Date.now() + 10_000
    while ((await ana.call<number>('getTeamRevision')) === before) {
      if (Date.now() > deadline) throw new Error('the watcher never noticed the new layer')
      await new Promise((r) => setTimeout(r, 50))
    }
    const layers = await ana.call<CoderLayer[]>('getCoderLayers', 'gipfel')
    expect(layers.map((l) => l.name)).toEqual(['Ben'])
  })

  it('refuses malformed, truncated and hostile files with their path, and goes on working', async () => {
    const [u0, u1] = await firstUnits(ana)
    await ana.call('saveAnnotation', 'gipfel', u0, stance('pro'))
    const anaLayer = join(anaDir(), 'annotations', ana.id, 'gipfel.json')
    const before = await readFile(anaLayer, 'utf8')
    const plant = async (rel: string, content: string) => {
      await mkdir(join(anaDir(), rel, '..'), { recursive: true })
      await writeFile(join(anaDir(), rel), content)
    }
    const valid = await readFile(join(benDir(), 'documents', 'gipfel.json'), 'utf8')
    await plant('annotations/cben00000001/gipfel.json', '{"schemaVersion":2,"documentId":"gipf')
    await plant(
      'annotations/ccarl0000001/gipfel.json',
      JSON.stringify({
        schemaVersion: 2,
        documentId: '../../../etc/passwd',
        annotations: { [u1]: { statements: '<img src=x onerror=alert(1)>', __proto__: { x: 1 } } },
      }),
    )
    await plant('documents/kaputt.json', valid.slice(0, valid.length / 2))
    await plant('documents/zukunft.json', JSON.stringify({ schemaVersion: 99, document: {} }))
    await plant(
      'codebook/0002-cben00000001.json',
      JSON.stringify({ schemaVersion: 1, codebook: 'x' }),
    )
    await plant(
      'coders/cben00000001.json',
      JSON.stringify({ schemaVersion: 1, id: 'cevil0000001', name: 'Eve' }),
    )

    await ana.team.scan()
    const team = await ana.call<TeamStatus>('getTeam')
    expect(team.problems.map((p) => [p.kind, p.path]).sort()).toEqual(
      [
        ['refused', 'annotations/cben00000001/gipfel.json'],
        ['refused', 'annotations/ccarl0000001/gipfel.json'],
        ['refused', 'codebook/0002-cben00000001.json'],
        ['refused', 'coders/cben00000001.json'],
        ['refused', 'documents/kaputt.json'],
        ['refused', 'documents/zukunft.json'],
      ].sort(),
    )
    const words = team.problems.map((p) => formatMessage(p.message)).join('\n')
    expect(words).toContain('documents/zukunft.json was not read and is left as it is:')
    expect(words).toContain('newer version of the app')
    expect(words).toContain('not valid JSON')
    // Nothing refused is shown or counted; Ana's work goes on and her layer is untouched.
    expect((await ana.call<DocumentSummary[]>('listDocuments')).map((d) => d.id)).toEqual([
      'gipfel',
    ])
    expect(await ana.call<CoderLayer[]>('getCoderLayers', 'gipfel')).toEqual([])
    expect((await ana.call<{ codebook: Codebook }>('getProject')).codebook).toEqual(smallCodebook)
    expect(await readFile(anaLayer, 'utf8')).toBe(before)
    await ana.call('saveAnnotation', 'gipfel', u1, stance('contra'))
    // The planted files are left exactly as they came.
    expect(await readFile(join(anaDir(), 'documents', 'kaputt.json'), 'utf8')).toBe(
      valid.slice(0, valid.length / 2),
    )
    // Reopening with them present works too.
    await ana.close()
    ana = await openCoder(anaDir(), 'Ana', dir)
    expect(
      Object.keys((await ana.call<DocumentView>('getDocument', 'gipfel')).annotations),
    ).toEqual([u0, u1])
  })

  it('reports conflict copies of sync engines and never reads them as data', async () => {
    const [u0] = await firstUnits(ana)
    await ana.call('saveAnnotation', 'gipfel', u0, stance('pro'))
    const layer = await readFile(join(anaDir(), 'annotations', ana.id, 'gipfel.json'), 'utf8')
    const doc = await readFile(join(anaDir(), 'documents', 'gipfel.json'), 'utf8')
    const copies = [
      `annotations/${ana.id}/gipfel.sync-conflict-20260301-101010-ABCDEFG.json`,
      'documents/gipfel (conflicted copy 2026-03-01 101010).json',
      "documents/gipfel (Ben's conflicted copy 2026-03-01).json",
    ]
    await writeFile(join(anaDir(), copies[0]), layer.replace('"pro"', '"contra"'))
    await writeFile(join(anaDir(), copies[1]), doc)
    await writeFile(join(anaDir(), copies[2]), doc)
    await ana.team.scan()
    const team = await ana.call<TeamStatus>('getTeam')
    expect(team.problems.map((p) => [p.kind, p.path]).sort()).toEqual(
      copies.map((c) => ['conflict-copy', c]).sort(),
    )
    expect(formatMessage(team.problems[0].message)).toMatch(
      /is a copy a sync engine made when two machines changed one file\. It is not read/,
    )
    expect(ana.service.listDocuments().map((d) => d.id)).toEqual(['gipfel'])
    const view = await ana.call<DocumentView>('getDocument', 'gipfel')
    expect(view.annotations[u0].statements[0].values.stance).toEqual(['pro'])
  })
})

describe('the codebook, changed on two machines at once', () => {
  it('detects two versions saved from one base, shows what differs, and keeps both when a coder chooses', async () => {
    const renamed = structuredClone(smallCodebook)
    renamed.dimensions[0].labels[0].name = 'dafür'
    const extended = structuredClone(smallCodebook)
    extended.dimensions[0].labels.push({
      id: 'neutral',
      name: 'neutral',
      color: '#888888',
      hotkey: '3',
      definition: '',
      examples: [],
    })
    await ana.call('saveCodebook', renamed)
    await ben.call('saveCodebook', extended)
    await syncOnce(benDir(), anaDir())
    await syncOnce(anaDir(), benDir())
    await ana.team.scan()
    await ben.team.scan()

    const seen = await ana.call<TeamStatus>('getTeam')
    const conflict = seen.codebookConflict
    expect(conflict?.baseVersion).toBe(1)
    expect(
      conflict?.candidates
        .map((c) => [c.coderName, c.version, c.changes.map((m) => formatMessage(m))])
        .sort(),
    ).toEqual([
      ['Ana', 2, ['renames "pro" to "dafür"']],
      ['Ben', 2, ['adds "neutral" to Stance']],
    ])
    // Both machines use the same version until someone chooses.
    expect((await ben.call<TeamStatus>('getTeam')).codebookConflict?.inUse).toBe(conflict?.inUse)

    const bens = conflict!.candidates.find((c) => c.coderName === 'Ben')!
    const chosen = await ana.call<Codebook>('chooseCodebookVersion', bens.id)
    expect(chosen).toEqual({ ...extended, version: 3 })
    expect((await ana.call<TeamStatus>('getTeam')).codebookConflict).toBeNull()
    expect(await readdir(join(anaDir(), 'codebook'))).toHaveLength(4)

    // Ben's machine receives the choice and agrees.
    await syncOnce(anaDir(), benDir())
    await ben.team.scan()
    expect((await ben.call<TeamStatus>('getTeam')).codebookConflict).toBeNull()
    expect((await ben.call<{ codebook: Codebook }>('getProject')).codebook).toEqual(chosen)
  })

  it('refuses to choose a version that does not exist', async () => {
    const answer = await ana.handlers.chooseCodebookVersion('0009-cnobody00001')
    expect(answer).toMatchObject({
      ok: false,
      error: 'There is no codebook version "0009-cnobody00001" to choose.',
    })
  })
})
