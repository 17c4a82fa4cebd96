/**
 * Two coders' machines sharing the project folder through real Syncthing, with both apps (cores)
 * open: each side's view updates as the other codes, no conflict copy ever appears, and a
 * conflict copy planted by hand is reported on both sides.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentView, SentenceAnnotation } from '../../electron/contract/model'
import type { CoderLayer, TeamStatus } from '../../electron/contract/team'
import { importPaths } from '../../electron/core/corpus/importer'
import { isConflictCopy } from '../../electron/core/team/layout'
import { loadDefaultCodebook } from '../../electron/core/workbench'
import { openCoder, type Coder } from '../support/syncCoder'
import {
  configure,
  prepareNode,
  start,
  stop,
  syncthingAvailable,
  until,
  waitConnected,
  type SyncthingNode,
} from '../support/syncthing'
import { SAMPLE_CORPUS, tempDir } from './helpers'

const version = syncthingAvailable()
if (!version)
  console.warn(
    'team-syncthing: skipped, there is no `syncthing` on PATH (apt-get install syncthing)',
  )

const WATCH = { settleMs: 200, pollMs: 2_000 }
const SYNC_DEADLINE = 90_000

let dir: string
let cleanup: () => Promise<void>
let nodes: SyncthingNode[] = []
let a: Coder | undefined
let b: Coder | undefined
let machineLocalReachedB: string[] = []

async function walk(root: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(root, { withFileTypes: true }).catch(() => [])) {
    const path = join(root, entry.name)
    if (entry.isDirectory()) out.push(...(await walk(path)))
    else out.push(relative(root, path))
  }
  return out
}

const conflictCopies = async (root: string) =>
  (await walk(root)).filter((p) => p.split('/').some(isConflictCopy))

async function code(coder: Coder, label: string, count: number) {
  const saved: Record<string, Record<string, SentenceAnnotation>> = {}
  for (const { id } of coder.service.listDocuments()) {
    const view = await coder.call<DocumentView>('getDocument', id)
    saved[id] = {}
    for (const unit of view.document.units.filter((u) => u.kind === 'sentence').slice(0, count))
      saved[id][unit.id] = await coder.call<SentenceAnnotation>('saveAnnotation', id, unit.id, {
        statements: [{ id: 's1', values: { stance: [label] } }],
        uncertain: false,
        note: '',
      })
  }
  return saved
}

describe.skipIf(!version)('a team project shared through Syncthing', () => {
  beforeAll(async () => {
    ;({ dir, cleanup } = await tempDir('workbench-syncthing-'))
    const folderA = join(dir, 'a', 'Gipfel')
    const folderB = join(dir, 'b', 'Gipfel')
    // Ana's laptop has the project (the app writes .stignore into it) before sharing starts.
    a = await openCoder(folderA, 'Ana', dir, {
      create: { name: 'Gipfel', codebook: await loadDefaultCodebook(SAMPLE_CORPUS) },
      watch: WATCH,
    })
    const corpus = (await readdir(SAMPLE_CORPUS)).filter((f) => f.endsWith('.txt'))
    await importPaths(
      a.repo,
      corpus.map((f) => join(SAMPLE_CORPUS, f)),
    )
    const nodeA = await prepareNode('a', join(dir, 'st-a'), folderA)
    const nodeB = await prepareNode('b', join(dir, 'st-b'), folderB)
    nodes = [nodeA, nodeB]
    await configure(nodeA, [nodeB], 'gipfel')
    await configure(nodeB, [nodeA], 'gipfel')
    start(nodeA)
    start(nodeB)
    await waitConnected(nodeA)
    await waitConnected(nodeB)
    // Ben's laptop receives the project, then Ben opens it.
    await until(
      async () =>
        (await walk(join(folderB, 'documents'))).filter((f) => f.endsWith('.json')).length === 5 &&
        (await walk(folderB)).includes('project.json'),
      SYNC_DEADLINE,
      () => `the project never reached b:\n${nodeB.log.join('').slice(-3000)}`,
    )
    // The .stignore the app wrote kept Ana's machine-local state (lock, index) at home.
    machineLocalReachedB = (await walk(folderB)).filter((p) => p.startsWith('local/'))
    b = await openCoder(folderB, 'Ben', dir, { watch: WATCH })
  }, 180_000)

  afterAll(async () => {
    await a?.close()
    await b?.close()
    for (const node of nodes) await stop(node)
    await cleanup?.()
  }, 30_000)

  it("updates each side's view as the other codes the same documents, with no conflict copy", async () => {
    const coderA = a as Coder
    const coderB = b as Coder
    expect(coderB.service.listDocuments().map((d) => d.id)).toEqual(
      coderA.service.listDocuments().map((d) => d.id),
    )
    // Both code the same sentences at once.
    const [byA, byB] = await Promise.all([
      code(coderA, 'supportive', 5),
      code(coderB, 'critical', 3),
    ])

    // Nobody calls a rescan: the watchers notice Syncthing's writes and the views follow.
    const sees = async (me: Coder, other: Coder, count: number) => {
      const team = await me.call<TeamStatus>('getTeam')
      return team.coders.find((c) => c.id === other.id)?.annotatedCount === count
    }
    await until(
      () => sees(coderA, coderB, 15),
      SYNC_DEADLINE,
      () => "Ana's view never showed Ben's labels",
    )
    await until(
      () => sees(coderB, coderA, 25),
      SYNC_DEADLINE,
      () => "Ben's view never showed Ana's labels",
    )

    for (const [me, other, theirs, mine] of [
      [coderA, coderB, byB, byA],
      [coderB, coderA, byA, byB],
    ] as const) {
      const team = await me.call<TeamStatus>('getTeam')
      expect(team.problems).toEqual([])
      expect(team.coders.map((c) => [c.name, c.me])).toEqual([
        [me.name, true],
        [other.name, false],
      ])
      for (const id of Object.keys(theirs)) {
        const layers = await me.call<CoderLayer[]>('getCoderLayers', id)
        expect(layers).toEqual([{ coder: other.id, name: other.name, annotations: theirs[id] }])
        // Their files never touched mine.
        expect((await me.call<DocumentView>('getDocument', id)).annotations).toEqual(mine[id])
      }
    }
    expect(await conflictCopies(nodes[0].folder)).toEqual([])
    expect(await conflictCopies(nodes[1].folder)).toEqual([])
    expect(machineLocalReachedB).toEqual([])
    expect(
      JSON.parse(await readFile(join(nodes[1].folder, 'local', 'coder.json'), 'utf8')),
    ).toEqual({
      coder: coderB.id,
      name: 'Ben',
    })
  }, 240_000)

  it('converges when both import the same new article at the same time, with no conflict copy', async () => {
    const coderA = a as Coder
    const coderB = b as Coder
    const file = join(dir, 'neu.txt')
    await writeFile(
      file,
      'Neue Gespräche in Singapur\n\nDie Delegationen trafen sich am Morgen. Ein Ergebnis blieb aus.\n',
    )
    const [fromA, fromB] = await Promise.all([
      importPaths(coderA.repo, [file]),
      importPaths(coderB.repo, [file]),
    ])
    expect(fromA.imported.map((d) => d.id)).toEqual(['neu'])
    expect(fromB.imported.map((d) => d.id)).toEqual(['neu'])
    const [unit] = (await coderB.call<DocumentView>('getDocument', 'neu')).document.units.filter(
      (u) => u.kind === 'sentence',
    )
    await coderB.call('saveAnnotation', 'neu', unit.id, {
      statements: [{ id: 's1', values: { stance: ['neutral'] } }],
      uncertain: false,
      note: '',
    })
    const layerArrived = async () =>
      (await coderA.call<CoderLayer[]>('getCoderLayers', 'neu')).some((l) => l.coder === coderB.id)
    await until(
      layerArrived,
      SYNC_DEADLINE,
      () => "Ben's labels of the new article never reached Ana",
    )
    const bytes = (node: SyncthingNode) =>
      readFile(join(node.folder, 'documents', 'neu.json'), 'utf8')
    expect(await bytes(nodes[0])).toBe(await bytes(nodes[1]))
    expect(await conflictCopies(nodes[0].folder)).toEqual([])
    expect(await conflictCopies(nodes[1].folder)).toEqual([])
  }, 240_000)

  it('reports a conflict copy planted by hand, on both machines', async () => {
    const coderA = a as Coder
    const coderB = b as Coder
    const [first] = coderA.service.listDocuments()
    const original = join(nodes[0].folder, 'annotations', coderA.id, `${first.id}.json`)
    const planted = join(
      'annotations',
      coderA.id,
      `${first.id}.sync-conflict-20260301-101010-ABCDEFG.json`,
    )
    await writeFile(join(nodes[0].folder, planted), await readFile(original))
    const reported = async (me: Coder) =>
      (await me.call<TeamStatus>('getTeam')).problems.some(
        (p) => p.kind === 'conflict-copy' && p.path === planted,
      )
    await until(
      () => reported(coderA),
      SYNC_DEADLINE,
      () => 'Ana was never told of the conflict copy',
    )
    await until(
      () => reported(coderB),
      SYNC_DEADLINE,
      () => 'Ben was never told of the conflict copy',
    )
    // It is not read as data: Ben's view of Ana's labels is unchanged.
    const layers = await coderB.call<CoderLayer[]>('getCoderLayers', first.id)
    expect(layers.map((l) => l.coder)).toEqual([coderA.id])
  }, 240_000)
})
