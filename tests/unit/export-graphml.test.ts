import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Codebook, Label, SentenceAnnotation, Statement } from '../../electron/contract/model'
import { buildDocument } from '../../electron/core/corpus/document'
import { networkDimensions } from '../../electron/contract/exportOptions'
import { formatMessage } from '../../electron/contract/messages'
import { exportProject } from '../../electron/core/export/exporter'
import {
  openLowdbRepository,
  type LowdbProjectRepository,
} from '../../electron/core/storage/lowdbRepository'
import { tempDir } from './helpers'

const label = (id: string, name: string, color: string): Label => ({
  id,
  name,
  color,
  hotkey: '',
  definition: '',
  examples: [],
})

function codebook(
  ids = { actor: 'actor', argument: 'argument', stance: 'stance' },
  names = { actor: 'Actor', argument: 'Argument', stance: 'Stance' },
): Codebook {
  return {
    version: 1,
    dimensions: [
      {
        id: ids.stance,
        name: names.stance,
        multi: false,
        labels: [label('pro', 'dafür', '#00aa00'), label('contra', 'dagegen', '#aa0000')],
      },
      {
        id: ids.actor,
        name: names.actor,
        multi: true,
        labels: [
          label('trump', 'Trump', '#0000aa'),
          label('kim', 'Kim & <Jong> "Un"', '#aa00aa'),
          label('moon', 'Moon', '#123456'),
        ],
      },
      {
        id: ids.argument,
        name: names.argument,
        multi: true,
        labels: [
          label('sanctions', 'Sanktionen', '#ff8800'),
          label('nukes', 'Atomwaffen', '#880000'),
        ],
      },
    ],
  }
}

function coded(statements: Array<Statement['values']>): SentenceAnnotation {
  return {
    statements: statements.map((values, i) => ({ id: `s${i + 1}`, values })),
    uncertain: false,
    note: '',
    annotator: 'A',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    codebookVersion: 1,
  }
}

async function project(
  dir: string,
  cb: Codebook,
  ids = { actor: 'actor', argument: 'argument', stance: 'stance' },
) {
  const repo = await openLowdbRepository(dir, { create: { name: 'Netz', codebook: cb } })
  const doc = buildDocument({
    id: 'd',
    text: 'Eins ist hier. Zwei ist da. Drei ist dort. Vier ist weg.',
    meta: {},
  })
  await repo.addDocument(doc)
  const [u1, u2, u3, u4] = doc.units.map((u) => u.id)
  const v = (stance: string[], actor: string[], argument: string[]) => ({
    ...(stance.length ? { [ids.stance]: stance } : {}),
    [ids.actor]: actor,
    [ids.argument]: argument,
  })
  // trump–sanctions–pro: 2 statements; kim–sanctions–pro: 1; trump–sanctions–contra: 1;
  // kim–nukes without stance: 1; moon alone: a node without edges.
  await repo.putAnnotation(
    'd',
    u1,
    coded([v(['pro'], ['trump', 'kim'], ['sanctions']), v(['contra'], ['trump'], ['sanctions'])]),
  )
  await repo.putAnnotation('d', u2, coded([v(['pro'], ['trump'], ['sanctions'])]))
  await repo.putAnnotation('d', u3, coded([v([], ['kim'], ['nukes'])]))
  await repo.putAnnotation('d', u4, coded([v(['pro'], ['moon'], [])]))
  return repo
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name, _path, _leaf, isAttribute) =>
    !isAttribute && ['key', 'node', 'edge', 'data'].includes(name),
})

type Element = {
  id?: string
  source?: string
  target?: string
  data: Array<{ key: string; '#text'?: string | number }>
}

function data(el: Element, key: string): string | number | undefined {
  return el.data.find((d) => d.key === key)?.['#text']
}

let dir: string
let cleanup: () => Promise<void>
let repo: LowdbProjectRepository
beforeEach(async () => ({ dir, cleanup } = await tempDir('export-graphml-')))
afterEach(async () => {
  await repo?.close()
  await cleanup()
})

describe('the GraphML network', () => {
  it('has actor and argument nodes and one weighted edge per actor, argument and stance', async () => {
    repo = await project(join(dir, 'p'), codebook())
    const out = join(dir, 'network.graphml')
    const result = await exportProject(repo, { format: 'graphml', out })
    expect(result.files[0].counts).toEqual({ nodes: 5, edges: 4 })
    const xml = await readFile(out, 'utf8')
    expect(xml).toContain('Kim &amp; &lt;Jong&gt; &quot;Un&quot;')
    const doc = parser.parse(xml)
    const keys = doc.graphml.key as Array<{ id: string; for: string; 'attr.name': string }>
    const graph = doc.graphml.graph as { edgedefault: string; node: Element[]; edge: Element[] }
    // Every data element refers to a declared key.
    const declared = new Set(keys.map((k) => k.id))
    for (const el of [...graph.node, ...graph.edge])
      for (const d of el.data) expect(declared.has(d.key)).toBe(true)
    expect(graph.edgedefault).toBe('directed')
    const nodes = Object.fromEntries(graph.node.map((n) => [n.id, n]))
    expect(Object.keys(nodes)).toEqual([
      'actor:trump',
      'actor:kim',
      'actor:moon',
      'argument:sanctions',
      'argument:nukes',
    ])
    expect(data(nodes['actor:kim'], 'd_label')).toBe('Kim & <Jong> "Un"')
    expect(data(nodes['actor:kim'], 'd_type')).toBe('actor')
    expect(data(nodes['argument:nukes'], 'd_type')).toBe('argument')
    expect(data(nodes['actor:moon'], 'd_color')).toBe('#123456')
    expect([
      data(nodes['actor:moon'], 'd_r'),
      data(nodes['actor:moon'], 'd_g'),
      data(nodes['actor:moon'], 'd_b'),
    ]).toEqual([18, 52, 86])
    expect(data(nodes['actor:trump'], 'd_frequency')).toBe(3)
    const edges = graph.edge.map((e) => [
      e.source,
      e.target,
      data(e, 'd_stance_id') ?? '',
      data(e, 'd_stance') ?? '',
      data(e, 'd_weight'),
    ])
    expect(edges).toEqual([
      ['actor:trump', 'argument:sanctions', 'pro', 'dafür', 2],
      ['actor:trump', 'argument:sanctions', 'contra', 'dagegen', 1],
      ['actor:kim', 'argument:sanctions', 'pro', 'dafür', 1],
      ['actor:kim', 'argument:nukes', '', '', 1],
    ])
  })

  it('finds the network in a German codebook by the names of its dimensions: Akteur, Argument, Haltung', async () => {
    const ids = { actor: 'd2', argument: 'd3', stance: 'd1' }
    const names = { actor: 'Akteur', argument: 'Argument', stance: 'Haltung' }
    repo = await project(join(dir, 'p'), codebook(ids, names), ids)
    const out = join(dir, 'netz.graphml')
    const result = await exportProject(repo, { format: 'graphml', out })
    expect(result.files[0].counts).toEqual({ nodes: 5, edges: 4 })
    expect(result.warnings).toEqual([])
    const graph = parser.parse(await readFile(out, 'utf8')).graphml.graph as { edge: Element[] }
    expect(graph.edge.map((e) => [e.source, e.target, data(e, 'd_stance')])).toEqual([
      ['actor:trump', 'argument:sanctions', 'dafür'],
      ['actor:trump', 'argument:sanctions', 'dagegen'],
      ['actor:kim', 'argument:sanctions', 'dafür'],
      ['actor:kim', 'argument:nukes', undefined],
    ])
  })

  it('finds the roles by shape when the names say nothing: single choice is the stance, aliases make actors', async () => {
    const ids = { actor: 'wer', argument: 'was', stance: 'wie' }
    const names = { actor: 'Wer', argument: 'Was', stance: 'Wie' }
    const cb = codebook(ids, names)
    // The argument dimension comes first, so order alone would get it wrong.
    cb.dimensions = [cb.dimensions[0], cb.dimensions[2], cb.dimensions[1]]
    cb.dimensions[2].labels[0].aliases = ['Donald Trump']
    expect(networkDimensions(cb)).toEqual({ actor: 'wer', argument: 'was', stance: 'wie' })
    repo = await project(join(dir, 'p'), cb, ids)
    const result = await exportProject(repo, { format: 'graphml', out: join(dir, 'n.graphml') })
    expect(result.files[0].counts).toEqual({ nodes: 5, edges: 4 })
  })

  it('takes the dimensions given, and refuses one the codebook lacks before reading anything', async () => {
    const ids = { actor: 'akteur', argument: 'argument-de', stance: 'haltung' }
    repo = await project(join(dir, 'p'), codebook(ids), ids)
    const out = join(dir, 'network.graphml')
    const wrong = { actor: 'argument-de', argument: 'akteur', stance: 'nope' }
    await expect(exportProject(repo, { format: 'graphml', out, network: wrong })).rejects.toThrow(
      'The network’s stance dimension "nope" is not in the codebook (it has "haltung", "akteur", "argument-de"); choose another.',
    )
    expect(await readdir(dir)).toEqual(['p'])
    const result = await exportProject(repo, { format: 'graphml', out, network: ids })
    expect(result.files[0].counts).toEqual({ nodes: 5, edges: 4 })
    // Actors and arguments swapped on purpose: the network follows the choice.
    const swapped = await exportProject(repo, {
      format: 'graphml',
      out,
      network: { actor: 'argument-de', argument: 'akteur', stance: null },
    })
    expect(swapped.files[0].counts).toEqual({ nodes: 5, edges: 3 })
  })

  it('says why there is no network: refused alone, a warning in an export of everything', async () => {
    const cb = codebook()
    cb.dimensions = cb.dimensions.filter((d) => d.id !== 'argument')
    repo = await project(join(dir, 'p'), cb)
    await expect(
      exportProject(repo, { format: 'graphml', out: join(dir, 'n.graphml') }),
    ).rejects.toThrow(
      'No network can be drawn: the codebook has no argument dimension. Choose one for the network.',
    )
    const result = await exportProject(repo, { format: 'all', out: join(dir, 'alles') })
    const network = result.warnings.filter((w) => w.code.includes('etwork'))
    expect(network.map((w) => formatMessage(w, 'de'))).toEqual([
      'Es wurde kein Netzwerk geschrieben: Das Codebuch hat keine Argument-Dimension (wählen Sie eine für das Netzwerk).',
    ])
    expect((await readdir(join(dir, 'alles'))).sort()).toEqual([
      'README.md',
      'codebook.json',
      'project.qdpx',
      'sentences.csv',
      'sentences.jsonl',
      'statements.csv',
    ])
  })
})
