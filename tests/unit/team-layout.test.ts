/**
 * The one-writer rule, file by file: coder identity, documents written once and converging,
 * a coder's corrections kept in their own layer, the ignore files.
 */
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatMessage } from '../../electron/contract/messages'
import type { DocumentView, UnitEditResult } from '../../electron/contract/model'
import type { TeamStatus } from '../../electron/contract/team'
import { importContents } from '../../electron/core/corpus/importer'
import { openSettings } from '../../electron/core/settings'
import { readViewSync } from '../../electron/core/storage/bulkRead'
import { openCoder, type Coder } from '../support/syncCoder'
import { syncOnce } from '../support/syncFolders'
import { smallCodebook, tempDir } from './helpers'

const ARTICLE = 'Trump traf Kim in Hanoi. Das Treffen endete ohne Ergebnis. Beide reisten ab.'
const bytes = (s: string) => new TextEncoder().encode(s)

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir('workbench-layout-')))
afterEach(() => cleanup())

describe('coder identity', () => {
  it('is generated once, kept across restarts, and not changed by a new name', async () => {
    const file = join(dir, 'settings.json')
    const first = await openSettings(file)
    const id = first.get().coderId
    expect(id).toMatch(/^c[0-9a-f]{12}$/)
    await first.update({ annotator: 'Ana', initials: 'AK' })
    await first.update({ annotator: 'Ana Krüger' })
    const again = await openSettings(file)
    expect(again.get()).toMatchObject({ coderId: id, annotator: 'Ana Krüger', initials: 'AK' })
    expect((await openSettings(join(dir, 'other.json'))).get().coderId).not.toBe(id)
  })

  it('gives settings of the single-annotator app an identity, keeping the name', async () => {
    const file = join(dir, 'old.json')
    const { writeFile } = await import('node:fs/promises')
    await writeFile(file, JSON.stringify({ schemaVersion: 1, annotator: 'Ana', locale: 'de' }))
    const settings = await openSettings(file)
    expect(settings.get()).toMatchObject({ annotator: 'Ana', locale: 'de' })
    expect(settings.get().coderId).toMatch(/^c[0-9a-f]{12}$/)
    expect((await openSettings(file)).get().coderId).toBe(settings.get().coderId)
  })
})

describe('the files of a team project', () => {
  let ana: Coder
  let ben: Coder
  const anaDir = () => join(dir, 'ana', 'P')
  const benDir = () => join(dir, 'ben', 'P')

  beforeEach(async () => {
    ana = await openCoder(anaDir(), 'Ana', dir, { create: { name: 'P', codebook: smallCodebook } })
    await ana.close()
    await syncOnce(anaDir(), benDir())
    ana = await openCoder(anaDir(), 'Ana', dir)
    ben = await openCoder(benDir(), 'Ben', dir)
  })
  afterEach(async () => {
    await ana.close()
    await ben.close()
  })

  it('converges when two coders import the same article, and refuses a different text under its name', async () => {
    const [fromAna] = (
      await importContents(ana.repo, [{ name: 'gipfel.txt', bytes: bytes(ARTICLE) }])
    ).imported
    const [fromBen] = (
      await importContents(ben.repo, [{ name: 'gipfel.txt', bytes: bytes(ARTICLE) }])
    ).imported
    expect(fromAna.id).toBe(fromBen.id)
    const file = (root: string) => readFile(join(root, 'documents', 'gipfel.json'), 'utf8')
    expect(await file(anaDir())).toBe(await file(benDir()))

    const report = await importContents(ana.repo, [
      { name: 'gipfel.txt', bytes: bytes('Ein ganz anderer Text. Mit zwei Sätzen.') },
    ])
    expect(report.imported).toEqual([])
    expect(report.failed.map((f) => formatMessage(f.reason))).toEqual([
      'A different text is already in the project under the name "gipfel"; rename the file to import it as another document.',
    ])
    expect(await file(anaDir())).toBe(await file(benDir()))
    expect(await readdir(join(anaDir(), 'documents'))).toEqual(['gipfel.json'])
  })

  it("reads a document another coder imported, with no layer of one's own yet, on an export's fast path", async () => {
    await importContents(ana.repo, [{ name: 'gipfel.txt', bytes: bytes(ARTICLE) }])
    await syncOnce(anaDir(), benDir())
    await ben.team.scan()
    const view = readViewSync(benDir(), 'gipfel', ben.id)
    expect(view?.annotations).toEqual({})
    expect(view?.document.units).toHaveLength(3)
    // A layer file that is there but damaged is left to the careful read.
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(benDir(), 'annotations', ben.id, 'gipfel.json'), '{"schemaVersion":2,')
    expect(readViewSync(benDir(), 'gipfel', ben.id)).toBeNull()
  })

  it("keeps a coder's split and metadata edit in their own layer, never in the shared document", async () => {
    await importContents(ana.repo, [{ name: 'gipfel.txt', bytes: bytes(ARTICLE) }])
    const shared = await readFile(join(anaDir(), 'documents', 'gipfel.json'), 'utf8')
    const view = await ana.call<DocumentView>('getDocument', 'gipfel')
    const first = view.document.units[0]
    const split = await ana.call<UnitEditResult>(
      'splitUnit',
      'gipfel',
      first.id,
      first.start + 'Trump traf'.length,
    )
    await ana.call('updateDocumentMeta', 'gipfel', { title: 'Hanoi' })
    expect(split.view.document.units).toHaveLength(4)
    expect(await readFile(join(anaDir(), 'documents', 'gipfel.json'), 'utf8')).toBe(shared)

    await syncOnce(anaDir(), benDir())
    await ben.team.scan()
    const bens = await ben.call<DocumentView>('getDocument', 'gipfel')
    expect(bens.document.units).toHaveLength(3)
    expect(bens.document.meta.title).not.toBe('Hanoi')
    await ana.close()
    ana = await openCoder(anaDir(), 'Ana', dir)
    const again = await ana.call<DocumentView>('getDocument', 'gipfel')
    expect(again.document.units).toHaveLength(4)
    expect(again.document.meta.title).toBe('Hanoi')
  })

  it("shows a coder's name and initials to the others, and refuses initials that are not", async () => {
    await ana.call('setInitials', 'AK')
    await ana.call('setAnnotator', 'Ana Krüger')
    expect(await ana.handlers.setInitials('<b>')).toMatchObject({ ok: false })
    await syncOnce(anaDir(), benDir())
    await ben.team.scan()
    const team = await ben.call<TeamStatus>('getTeam')
    expect(team.coders.find((c) => c.id === ana.id)).toMatchObject({
      name: 'Ana Krüger',
      initials: 'AK',
      me: false,
    })
  })

  it('writes ignore files that keep machine-local state out of git and Syncthing', async () => {
    const gitignore = await readFile(join(anaDir(), '.gitignore'), 'utf8')
    const stignore = await readFile(join(anaDir(), '.stignore'), 'utf8')
    expect(gitignore.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([
      '/local/',
      '*.json.tmp',
      '*.json.bak',
    ])
    expect(stignore.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([
      '(?d)/local',
      '(?d)*.json.tmp',
      '(?d)*.json.bak',
    ])
    expect((await readdir(join(anaDir(), 'local'))).sort()).toEqual(
      expect.arrayContaining(['.lock', 'index.json']),
    )
  })
})
