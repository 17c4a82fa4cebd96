/**
 * The coded sample corpus with two coders as a REFI-QDA project: project.qde is valid against
 * the published schema (xmllint), follows the implementers' pitfalls (no byte-order mark,
 * lower-case sources/), and reads back to the same labels on the same sentences per coder.
 */
import { execFileSync } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Codebook, SentenceAnnotation, StoredDocument } from '../../electron/contract/model'
import { isAnnotatable } from '../../electron/contract/model'
import { buildDocument } from '../../electron/core/corpus/document'
import { importPaths } from '../../electron/core/corpus/importer'
import { mapCodeTree } from '../../electron/core/exchange/codeTree'
import { addToImportedLayer } from '../../electron/core/exchange/layers'
import { exportProject } from '../../electron/core/export/exporter'
import { readViewSync } from '../../electron/core/storage/bulkRead'
import { readProfiles, writeProfile } from '../../electron/core/team/coders'
import { GoldStore } from '../../electron/core/adjudication/goldStore'
import { readQdpx } from '../../electron/core/exchange/qdpxRead'
import { writeQdpx, type QdpxLayer } from '../../electron/core/exchange/qdpxWrite'
import { mapSelections, type MappedCodings } from '../../electron/core/exchange/selections'
import { mapSourceText } from '../../electron/core/exchange/sourceText'
import { openLowdbRepository } from '../../electron/core/storage/lowdbRepository'
import { loadDefaultCodebook } from '../../electron/core/workbench'
import { SAMPLE_CORPUS, tempDir } from './helpers'

const SCHEMA = '/work/shared/refi-qda/Project-mrt2019.xsd'
const CODERS = [
  { id: 'c0a1b2c3d4e5f', name: 'Anna Schmidt' },
  { id: 'c9f8e7d6c5b4a', name: 'Ben Müller' },
]

function annotation(
  values: Record<string, string[]>,
  coder: string,
  note = '',
): SentenceAnnotation {
  return {
    statements: [{ id: 's1', values }],
    uncertain: false,
    note,
    annotator: coder,
    coder,
    createdAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T09:05:00.000Z',
    codebookVersion: 1,
  }
}

/** Two coders who agree on some sentences and not on others; the second codes every other one. */
function twoLayers(docs: StoredDocument[], codebook: Codebook): Record<string, QdpxLayer> {
  const stance = codebook.dimensions.find((d) => d.id === 'stance')!.labels.map((l) => l.id)
  const actors = codebook.dimensions.find((d) => d.id === 'actor')!.labels.map((l) => l.id)
  const layers: Record<string, QdpxLayer> = { [CODERS[0].id]: {}, [CODERS[1].id]: {} }
  let n = 0
  for (const doc of docs) {
    const a: Record<string, SentenceAnnotation> = {}
    const b: Record<string, SentenceAnnotation> = {}
    for (const u of doc.units.filter(isAnnotatable)) {
      n++
      a[u.id] = annotation(
        {
          stance: [stance[n % stance.length]],
          ...(n % 3 === 0 ? { actor: [actors[0], actors[1]] } : {}),
        },
        CODERS[0].id,
        n % 7 === 0 ? `Ironie? <prüfen> & "zitieren"` : '',
      )
      if (n % 2 === 0)
        b[u.id] = annotation({ stance: [stance[(n + 1) % stance.length]] }, CODERS[1].id)
    }
    layers[CODERS[0].id][doc.id] = a
    layers[CODERS[1].id][doc.id] = b
  }
  return layers
}

/** Per coder name, per document and unit, the labels as "Dimension/Label" names. */
function byName(
  layers: Record<string, QdpxLayer>,
  codebook: Codebook,
): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {}
  for (const coder of CODERS) {
    const mine: Record<string, string[]> = (out[coder.name] = {})
    for (const [doc, units] of Object.entries(layers[coder.id]))
      for (const [unit, a] of Object.entries(units)) {
        const names: string[] = []
        for (const [dim, ids] of Object.entries(a.statements[0].values)) {
          const d = codebook.dimensions.find((x) => x.id === dim)!
          for (const id of ids) names.push(`${d.name}/${d.labels.find((l) => l.id === id)!.name}`)
        }
        mine[`${doc} ${unit}`] = names.sort()
      }
  }
  return out
}

describe('qdpx export of the coded sample corpus', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let docs: StoredDocument[]
  let codebook: Codebook

  beforeEach(async () => {
    ;({ dir, cleanup } = await tempDir('qdpx-export-'))
    codebook = await loadDefaultCodebook(SAMPLE_CORPUS)
    const repo = await openLowdbRepository(join(dir, 'project'), {
      create: { name: 'Gipfel', codebook },
      lock: false,
    })
    const files = (await readdir(SAMPLE_CORPUS)).filter((f) => f.endsWith('.txt'))
    const report = await importPaths(
      repo,
      files.map((f) => join(SAMPLE_CORPUS, f)),
    )
    expect(report.imported).toHaveLength(5)
    docs = await Promise.all(repo.listDocuments().map((d) => repo.getDocument(d.id)))
    await repo.close()
  })
  afterEach(() => cleanup())

  it('writes a project.qde valid against the REFI-QDA schema, with lower-case sources and no BOM', async () => {
    const layers = twoLayers(docs, codebook)
    const out = await writeQdpx({
      name: 'Gipfel',
      documents: docs,
      codebook,
      coders: CODERS,
      layers,
    })
    const zip = await JSZip.loadAsync(out.bytes)
    const qde = await zip.file('project.qde')!.async('uint8array')
    expect(Buffer.from(qde.subarray(0, 5)).toString()).toBe('<?xml')
    const file = join(dir, 'project.qde')
    await writeFile(file, qde)
    // xmllint prints "… validates" and exits 0 only for a valid document.
    const result = execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    expect(result).toBe('')
    const entries = Object.keys(zip.files).filter((p) => !zip.files[p].dir)
    expect(entries.filter((p) => p.startsWith('sources/'))).toHaveLength(5)
    expect(entries.filter((p) => /^Sources\//.test(p))).toEqual([])
    for (const doc of docs) {
      const source = entries.find(
        (p) =>
          p.startsWith('sources/') &&
          out.xml.includes(`internal://${p.slice(8)}`) &&
          out.xml.includes(`name="${doc.id}"`),
      )
      expect(source).toBeDefined()
    }
    expect(out.counts.users).toBe(2)
    expect(out.counts.notes).toBeGreaterThan(0)
    // The element order the schema fixes inside Project.
    const order = ['<Users>', '<CodeBook>', '<Variables>', '<Sources>', '<Notes>'].map((t) =>
      out.xml.indexOf(t),
    )
    expect(order.every((p, i) => p > 0 && (i === 0 || p > order[i - 1]))).toBe(true)
  })

  it('reads back to the same labels on the same sentences for each coder', async () => {
    const layers = twoLayers(docs, codebook)
    const out = await writeQdpx({
      name: 'Gipfel',
      documents: docs,
      codebook,
      coders: CODERS,
      layers,
    })
    const project = await readQdpx(out.bytes, 'Gipfel.qdpx')
    expect(project.problems).toEqual([])
    expect(project.users.map((u) => [u.name, u.id])).toEqual(CODERS.map((c) => [c.name, c.id]))
    const mapped = mapCodeTree(project.codes, { version: 0, dimensions: [] })
    expect(mapped.codebook.dimensions.map((d) => d.name)).toEqual(
      codebook.dimensions.map((d) => d.name),
    )
    const back: Record<string, QdpxLayer> = { [CODERS[0].id]: {}, [CODERS[1].id]: {} }
    const byGuid = new Map(project.users.map((u) => [u.guid, u.id!]))
    for (const source of project.sources) {
      const text = mapSourceText(source.text)
      const doc = buildDocument({ id: source.name, text: text.text, meta: {} })
      expect(doc.text).toBe(docs.find((d) => d.id === source.name)!.text)
      const codings: MappedCodings = new Map()
      const problems = mapSelections(
        source.selections,
        {
          source: source.name,
          text,
          units: doc.units,
          codes: mapped.codes,
          notes: project.notes,
          defaultUser: '',
          userName: (g) => g,
        },
        codings,
      )
      expect(problems).toEqual([])
      for (const [user, layer] of codings) {
        const units: Record<string, SentenceAnnotation> = {}
        for (const [unit, s] of layer)
          units[unit] = annotation(s.values, byGuid.get(user)!, s.notes.join(''))
        back[byGuid.get(user)!][source.name] = units
      }
    }
    // Sentences with only a note are not coded: compare the coded ones.
    const coded = (layers: Record<string, QdpxLayer>, book: Codebook) => {
      const named = byName(layers, book)
      for (const c of Object.values(named))
        for (const k of Object.keys(c)) if (!c[k].length) delete c[k]
      return named
    }
    expect(coded(back, mapped.codebook)).toEqual(coded(layers, codebook))
    expect(Object.keys(coded(back, mapped.codebook)['Ben Müller']).length).toBeGreaterThan(50)
    // Notes come back on their sentences.
    const noted = Object.entries(layers[CODERS[0].id]).flatMap(([d, u]) =>
      Object.entries(u)
        .filter(([, a]) => a.note)
        .map(([id, a]) => [d, id, a.note]),
    )
    for (const [d, id, note] of noted) expect(back[CODERS[0].id][d][id].note).toBe(note)
  })

  it('writes the gold layer as a user of its own', async () => {
    const layers = twoLayers(docs, codebook)
    const gold = layers[CODERS[1].id]
    const out = await writeQdpx({
      name: 'Gipfel',
      documents: docs,
      codebook,
      coders: [CODERS[0]],
      layers,
      gold,
    })
    const project = await readQdpx(out.bytes, 'Gipfel.qdpx')
    expect(project.users.map((u) => [u.id, u.name])).toEqual([
      [CODERS[0].id, CODERS[0].name],
      ['gold', 'Gold standard'],
    ])
    const goldGuid = project.users[1].guid
    const goldSelections = project.sources
      .flatMap((s) => s.selections)
      .filter((s) => s.user === goldGuid)
    const goldCoded = Object.values(gold).reduce((n, units) => n + Object.keys(units).length, 0)
    expect(goldSelections).toHaveLength(goldCoded)
  })

  it('gives the same bytes for the same project', async () => {
    const layers = twoLayers(docs, codebook)
    const input = { name: 'Gipfel', documents: docs, codebook, coders: CODERS, layers }
    const first = await writeQdpx(input)
    const second = await writeQdpx(input)
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true)
  })
})

describe('qdpx through the export and the import of a project', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => ({ dir, cleanup } = await tempDir('qdpx-pipeline-')))
  afterEach(() => cleanup())

  it('exports every coder layer of a team project and imports them back into layers of their own', async () => {
    const codebook = await loadDefaultCodebook(SAMPLE_CORPUS)
    const [anna, ben] = CODERS
    const repo = await openLowdbRepository(join(dir, 'team'), {
      create: { name: 'Gipfel', codebook },
      lock: false,
      coder: anna.id,
    })
    const files = (await readdir(SAMPLE_CORPUS)).filter((f) => f.endsWith('.txt'))
    await importPaths(
      repo,
      files.map((f) => join(SAMPLE_CORPUS, f)),
    )
    const docs = await Promise.all(repo.listDocuments().map((d) => repo.getDocument(d.id)))
    const layers = twoLayers(docs, codebook)
    for (const doc of docs) {
      await repo.putAnnotations(doc.id, Object.entries(layers[anna.id][doc.id]))
      // Ben's layer as it arrives from his machine.
      await addToImportedLayer(repo.path, ben.id, doc.id, layers[ben.id][doc.id])
    }
    await writeProfile(repo.path, ben)
    const out = join(dir, 'gipfel.qdpx')
    const result = await exportProject(repo, { format: 'qdpx' }, out)
    await repo.close()
    expect(result.files.map((f) => [f.format, f.counts.users])).toEqual([['qdpx', 2]])

    const back = await openLowdbRepository(join(dir, 'back'), {
      create: { name: 'Zurück', codebook: { version: 0, dimensions: [] } },
      lock: false,
      coder: anna.id,
    })
    try {
      const report = await importPaths(back, [out])
      expect(report.imported).toHaveLength(5)
      const mapped = back.getCodebook()
      const read: Record<string, QdpxLayer> = { [anna.id]: {}, [ben.id]: {} }
      for (const doc of docs) {
        read[anna.id][doc.id] = await back.getAnnotations(doc.id)
        read[ben.id][doc.id] = readViewSync(back.path, doc.id, ben.id)?.annotations ?? {}
      }
      expect(byName(read, mapped)).toEqual(byName(layers, codebook))
      const { profiles } = await readProfiles(back.path)
      expect(profiles.get(ben.id)?.name).toBe(ben.name)
    } finally {
      await back.close()
    }

    // Into a project with the same codebook (the same study elsewhere), and out again: the
    // same project file, GUIDs and all.
    const copy = await openLowdbRepository(join(dir, 'copy'), {
      create: { name: 'Gipfel', codebook },
      lock: false,
      coder: anna.id,
    })
    try {
      await importPaths(copy, [out])
      const again = join(dir, 'again.qdpx')
      await exportProject(copy, { format: 'qdpx' }, again)
      const qde = async (file: string) =>
        (await JSZip.loadAsync(await readFile(file))).file('project.qde')!.async('string')
      expect(await qde(again)).toBe(await qde(out))
    } finally {
      await copy.close()
    }
  })
})

describe('qdpx with a gold layer', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => ({ dir, cleanup } = await tempDir('qdpx-gold-')))
  afterEach(() => cleanup())

  it('exports the adjudicated gold as the user "Gold standard" beside the coders', async () => {
    const codebook = await loadDefaultCodebook(SAMPLE_CORPUS)
    const repo = await openLowdbRepository(join(dir, 'team'), {
      create: { name: 'Gipfel', codebook },
      lock: false,
      coder: CODERS[0].id,
    })
    const files = (await readdir(SAMPLE_CORPUS)).filter((f) => f.endsWith('.txt'))
    await importPaths(repo, [join(SAMPLE_CORPUS, files[0])])
    const doc = await repo.getDocument(repo.listDocuments()[0].id)
    const [first, second] = doc.units.filter(isAnnotatable)
    const decided = (labels: string[]) => ({
      values: {
        stance: {
          labels,
          coders: [CODERS[0].id],
          origin: 'decided' as const,
          by: CODERS[0].id,
          at: '2026-12-01T10:00:00.000Z',
          note: 'entschieden',
        },
      },
      statements: [{ id: 's1', values: { stance: labels } }],
    })
    const store = new GoldStore(repo.path, CODERS[0].id)
    await store.load()
    await store.write({
      ...store.mine(doc.id),
      sentences: { [first.id]: decided(['critical']), [second.id]: decided(['neutral']) },
    })
    const out = join(dir, 'gold.qdpx')
    await exportProject(repo, { format: 'qdpx' }, out)
    await repo.close()

    const project = await readQdpx(new Uint8Array(await readFile(out)), 'gold.qdpx')
    const gold = project.users.find((u) => u.id === 'gold')!
    expect(gold.name).toBe('Gold standard')
    const byGold = project.sources[0].selections.filter((s) => s.user === gold.guid)
    const mapped = mapCodeTree(project.codes, { version: 0, dimensions: [] })
    const names = byGold.map((s) =>
      s.codings.map((c) => (mapped.codes.get(c.code) as { name: string }).name),
    )
    expect(names).toEqual([['critical'], ['neutral']])
    expect(byGold.map((s) => project.notes.get(s.notes[0]))).toEqual(['entschieden', 'entschieden'])
  })
})
