/**
 * Two laptops sharing a project through git: a bare repository and two clones. Coders A and B
 * import the same articles and code the same documents at the same time, then commit, pull and
 * push in both orders, with their apps (cores) open throughout. Afterwards both clones hold both
 * layers, every acknowledged label is there, `git status` is clean, and no merge ever conflicted.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Codebook, DocumentView, SentenceAnnotation } from '../../electron/contract/model'
import type { CoderLayer, TeamStatus } from '../../electron/contract/team'
import { importPaths } from '../../electron/core/corpus/importer'
import { loadDefaultCodebook } from '../../electron/core/workbench'
import { openCoder, type Coder } from '../support/syncCoder'
import { SAMPLE_CORPUS, tempDir } from './helpers'

let dir: string
let cleanup: () => Promise<void>
const home = () => join(dir, 'home')
const laptop = (who: string) => join(dir, who)
const project = (who: string) => join(laptop(who), 'Gipfel')

/** Runs git in a clone, with no user or system configuration of this machine involved. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: home(),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_DATE: '2026-03-01T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-03-01T10:00:00Z',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** What a coder does at the end of a session: everything in, one commit. */
function commitAll(who: string, message: string): void {
  git(laptop(who), 'add', '-A')
  git(laptop(who), 'commit', '-q', '-m', message)
}

/** A pull that must merge cleanly: a conflict would make git exit non-zero. */
function pull(who: string): string {
  return git(laptop(who), 'pull', '--no-rebase', '--no-edit', 'origin', 'main')
}

async function articles(): Promise<string[]> {
  return (await readdir(SAMPLE_CORPUS))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join(SAMPLE_CORPUS, f))
}

/** Codes the first sentences of every document; returns what was acknowledged, by document. */
async function codeEverything(coder: Coder, labels: string[], sentences = 4) {
  const acknowledged: Record<string, Record<string, SentenceAnnotation>> = {}
  for (const { id } of coder.service.listDocuments()) {
    const view = await coder.call<DocumentView>('getDocument', id)
    const units = view.document.units.filter((u) => u.kind === 'sentence').slice(0, sentences)
    acknowledged[id] = {}
    for (const [i, unit] of units.entries()) {
      const input = {
        statements: [{ id: 's1', values: { stance: [labels[i % labels.length]] } }],
        uncertain: false,
        note: `${coder.name} ${i}`,
      }
      acknowledged[id][unit.id] = await coder.call<SentenceAnnotation>(
        'saveAnnotation',
        id,
        unit.id,
        input,
      )
    }
  }
  return acknowledged
}

let a: Coder
let b: Coder

beforeAll(async () => {
  ;({ dir, cleanup } = await tempDir('workbench-git-'))
  await mkdir(home(), { recursive: true })
  await writeFile(
    join(home(), '.gitconfig'),
    '[user]\n\tname = Test\n\temail = test@example.org\n[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n',
  )
  git(dir, 'init', '-q', '--bare', 'origin.git')
  git(dir, 'clone', '-q', join(dir, 'origin.git'), 'a')
  // A starts the project and shares it.
  a = await openCoder(project('a'), 'Ana', home(), {
    create: { name: 'Gipfel', codebook: await loadDefaultCodebook(SAMPLE_CORPUS) },
  })
  commitAll('a', 'A new project')
  git(laptop('a'), 'push', '-q', 'origin', 'HEAD:main')
  git(dir, 'clone', '-q', '--branch', 'main', join(dir, 'origin.git'), 'b')
  b = await openCoder(project('b'), 'Ben', home())
}, 60_000)

afterAll(async () => {
  await a?.close()
  await b?.close()
  await cleanup()
})

describe('a team project shared through git', () => {
  it('carries two coders coding the same documents at the same time, in both orders, without a conflict', async () => {
    // Both import the same articles before either has pulled: they converge on one document each.
    await importPaths(a.repo, await articles())
    await importPaths(b.repo, await articles())
    expect(b.service.listDocuments().map((d) => d.id)).toEqual(
      a.service.listDocuments().map((d) => d.id),
    )

    // Round 1: A pushes first, B merges and pushes.
    const fromA = await codeEverything(a, ['supportive', 'critical'])
    const fromB = await codeEverything(b, ['neutral', 'mixed', 'critical'])
    commitAll('a', 'A codes')
    git(laptop('a'), 'push', '-q', 'origin', 'HEAD:main')
    commitAll('b', 'B codes')
    expect(pull('b')).not.toMatch(/CONFLICT/)
    git(laptop('b'), 'push', '-q', 'origin', 'HEAD:main')
    pull('a')

    // Round 2, the other order: B pushes first, A merges and pushes.
    const moreFromB = await codeEverything(b, ['supportive'], 6)
    const moreFromA = await codeEverything(a, ['mixed'], 6)
    commitAll('b', 'B codes more')
    git(laptop('b'), 'push', '-q', 'origin', 'HEAD:main')
    commitAll('a', 'A codes more')
    expect(pull('a')).not.toMatch(/CONFLICT/)
    git(laptop('a'), 'push', '-q', 'origin', 'HEAD:main')
    pull('b')

    for (const who of ['a', 'b']) {
      expect(git(laptop(who), 'status', '--porcelain')).toBe('')
      expect((await readdir(join(project(who), 'annotations'))).sort()).toEqual([a.id, b.id].sort())
    }
    expect(git(laptop('a'), 'rev-parse', 'HEAD')).toBe(git(laptop('b'), 'rev-parse', 'HEAD'))

    // Each open app sees the other's layer, as pulled, beside its own, with every label.
    await a.team.scan()
    await b.team.scan()
    const expected = (first: typeof fromA, second: typeof fromA) =>
      Object.fromEntries(Object.keys(first).map((id) => [id, { ...first[id], ...second[id] }]))
    const allA = expected(fromA, moreFromA)
    const allB = expected(fromB, moreFromB)
    for (const [me, other, mine, theirs] of [
      [a, b, allA, allB],
      [b, a, allB, allA],
    ] as const) {
      const team = await me.call<TeamStatus>('getTeam')
      expect(team.problems).toEqual([])
      expect(team.coders.map((c) => [c.name, c.annotatedCount])).toEqual([
        [me.name, 30],
        [other.name, 30],
      ])
      for (const id of Object.keys(mine)) {
        const view = await me.call<DocumentView>('getDocument', id)
        expect(view.annotations).toEqual(mine[id])
        const layers = await me.call<CoderLayer[]>('getCoderLayers', id)
        expect(layers).toEqual([{ coder: other.id, name: other.name, annotations: theirs[id] }])
      }
    }

    // And after a restart, from the files alone.
    await a.close()
    a = await openCoder(project('a'), 'Ana', home())
    for (const id of Object.keys(allA))
      expect((await a.call<DocumentView>('getDocument', id)).annotations).toEqual(allA[id])
  })

  it('carries a codebook changed on both laptops at once: detected after the merge, resolved, both versions kept', async () => {
    const base = a.repo.getCodebook()
    const renamed = structuredClone(base)
    renamed.dimensions[0].labels[0].name = 'befürwortend'
    const extended = structuredClone(base)
    extended.dimensions[2].labels.push({
      id: 'humanitarian-aid',
      name: 'humanitarian aid',
      color: '#336699',
      hotkey: '',
      definition: '',
      examples: [],
    })
    await a.call('saveCodebook', renamed)
    await b.call('saveCodebook', extended)
    commitAll('a', 'A renames a label')
    git(laptop('a'), 'push', '-q', 'origin', 'HEAD:main')
    commitAll('b', 'B adds a label')
    expect(pull('b')).not.toMatch(/CONFLICT/)
    git(laptop('b'), 'push', '-q', 'origin', 'HEAD:main')
    pull('a')
    await a.team.scan()
    await b.team.scan()
    const conflict = (await b.call<TeamStatus>('getTeam')).codebookConflict
    expect(conflict?.candidates.map((c) => c.coderName).sort()).toEqual(['Ana', 'Ben'])
    expect((await a.call<TeamStatus>('getTeam')).codebookConflict?.inUse).toBe(conflict?.inUse)

    // Ben chooses Ana's version; the choice travels like any other file.
    const anas = conflict!.candidates.find((c) => c.coderName === 'Ana')!
    const chosen = await b.call<Codebook>('chooseCodebookVersion', anas.id)
    commitAll('b', 'B chooses')
    git(laptop('b'), 'push', '-q', 'origin', 'HEAD:main')
    pull('a')
    await a.team.scan()
    expect((await a.call<TeamStatus>('getTeam')).codebookConflict).toBeNull()
    expect((await a.call<{ codebook: Codebook }>('getProject')).codebook).toEqual(chosen)
    expect(chosen.dimensions[0].labels[0].name).toBe('befürwortend')
    // Nothing is lost: Ben's version is still in the folder, in both clones.
    for (const who of ['a', 'b']) {
      const versions = await readdir(join(project(who), 'codebook'))
      expect(versions.filter((v) => v.endsWith(`-${b.id}.json`)).length).toBe(2)
      expect(git(laptop(who), 'status', '--porcelain')).toBe('')
    }
  })
})
