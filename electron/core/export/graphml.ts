/**
 * The actor–argument network as GraphML, for Gephi and visone.
 *
 * Nodes are the actor and argument labels that occur in the exported statements. An edge runs
 * from an actor to an argument they were coded with, one edge per (actor, argument, stance), as
 * the Discourse Network Analyzer does: weight = the number of statements with all three. One
 * edge per stance (rather than one edge with a count per stance) keeps "Trump – sanctions" in
 * favour and against apart as two ties, which is what a stance network is about; Gephi's
 * partition filter on the `stance` attribute then shows each stance's network, and summing the
 * weights over stances gives the plain co-occurrence count.
 */
import { XMLBuilder } from 'fast-xml-parser'
import { msg, type Message } from '../../contract/messages'
import type { NetworkOptions } from './options'
import { valuesOf, type DimensionInfo, type ExportRow } from './rows'

export interface Network {
  xml: string
  nodes: number
  edges: number
}

interface Node {
  dimension: DimensionInfo
  type: 'actor' | 'argument'
  labelId: string
  frequency: number
}

const KEYS = [
  { id: 'd_label', for: 'node', name: 'label', type: 'string' },
  { id: 'd_type', for: 'node', name: 'type', type: 'string' },
  { id: 'd_label_id', for: 'node', name: 'label_id', type: 'string' },
  { id: 'd_color', for: 'node', name: 'color', type: 'string' },
  // Gephi colours nodes from integer r, g, b attributes.
  { id: 'd_r', for: 'node', name: 'r', type: 'int' },
  { id: 'd_g', for: 'node', name: 'g', type: 'int' },
  { id: 'd_b', for: 'node', name: 'b', type: 'int' },
  { id: 'd_frequency', for: 'node', name: 'frequency', type: 'int' },
  { id: 'd_weight', for: 'edge', name: 'weight', type: 'double' },
  { id: 'd_stance', for: 'edge', name: 'stance', type: 'string' },
  { id: 'd_stance_id', for: 'edge', name: 'stance_id', type: 'string' },
]

/**
 * The counts a network is drawn from, gathered document by document: how often each actor and
 * argument label occurs, and the weight of each (actor, argument, stance).
 */
export class NetworkTally {
  /** `actor:<label id>` or `argument:<label id>` → frequency, in the order first met. */
  readonly frequencies = new Map<string, number>()
  readonly weights = new Map<string, number>()

  constructor(private readonly network: NetworkOptions) {}

  add(rows: readonly ExportRow[]): void {
    const { actor, argument, stance } = this.network
    if (actor === null || argument === null) return
    for (const { annotation } of rows)
      for (const s of annotation?.statements ?? []) {
        const a = valuesOf(s, actor)
        const r = valuesOf(s, argument)
        const st = stance === null ? [] : valuesOf(s, stance)
        for (const id of a) this.count(`actor:${id}`)
        for (const id of r) this.count(`argument:${id}`)
        for (const actorId of a)
          for (const argumentId of r)
            for (const stanceId of st.length ? st : ['']) {
              const key = edgeKey(actorId, argumentId, stanceId)
              this.weights.set(key, (this.weights.get(key) ?? 0) + 1)
            }
      }
  }

  private count(node: string): void {
    this.frequencies.set(node, (this.frequencies.get(node) ?? 0) + 1)
  }
}

/**
 * Why no network can be drawn with these dimensions, or null when it can: the actors or the
 * arguments have no dimension (the codebook has none for the role), or a chosen dimension is
 * not among the export's.
 */
export function networkProblem(
  dimensions: readonly DimensionInfo[],
  network: NetworkOptions,
): Message | null {
  const ids = new Set(dimensions.map((d) => d.id))
  const known = dimensions.map((d) => `"${d.id}"`).join(', ')
  for (const role of ['actor', 'argument', 'stance'] as const) {
    const id = network[role]
    const name = msg(`export.role.${role}`)
    if (id === null && role !== 'stance') return msg('export.networkNoDimension', { role: name })
    if (id !== null && !ids.has(id))
      return msg('export.networkUnknownDimension', { role: name, id, known })
  }
  return null
}

/** Builds the network of the exported statements from what `tally` counted. */
export function buildNetwork(
  tally: NetworkTally,
  dimensions: DimensionInfo[],
  network: NetworkOptions,
): Network {
  const actors = dimensions.find((d) => d.id === network.actor)
  const args = dimensions.find((d) => d.id === network.argument)
  // Callers check first (networkProblem); this is the guarantee the code below relies on.
  if (!actors || !args)
    throw new Error('buildNetwork: the network has no actor or argument dimension')
  const stances = dimensions.find((d) => d.id === network.stance)
  const nodes = new Map<string, Node>()
  for (const [id, frequency] of tally.frequencies) {
    const type = id.startsWith('actor:') ? 'actor' : 'argument'
    const labelId = id.slice(type.length + 1)
    nodes.set(id, { dimension: type === 'actor' ? actors : args, type, labelId, frequency })
  }
  const weights = tally.weights
  const ordered = orderNodes(nodes, [actors, args])
  const rank = new Map(ordered.map((n, i) => [nodeId(n), i]))
  const stanceRank = new Map([...(stances?.labels.keys() ?? [])].map((id, i) => [id, i]))
  const edges = [...weights].map(([key, weight]) => {
    const [actor, argument, stance] = key.split('\u0000')
    return { source: `actor:${actor}`, target: `argument:${argument}`, stance, weight }
  })
  edges.sort(
    (x, y) =>
      rank.get(x.source)! - rank.get(y.source)! ||
      rank.get(x.target)! - rank.get(y.target)! ||
      // No stance sorts last.
      (stanceRank.get(x.stance) ?? stanceRank.size) - (stanceRank.get(y.stance) ?? stanceRank.size),
  )
  const graph = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    graphml: {
      '@_xmlns': 'http://graphml.graphdrawing.org/xmlns',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation':
        'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
      key: KEYS.map((k) => ({
        '@_id': k.id,
        '@_for': k.for,
        '@_attr.name': k.name,
        '@_attr.type': k.type,
      })),
      graph: {
        '@_id': 'actor-argument',
        '@_edgedefault': 'directed',
        node: ordered.map((n) => nodeElement(n)),
        edge: edges.map((e, i) => ({
          '@_id': `e${i}`,
          '@_source': e.source,
          '@_target': e.target,
          data: [
            { '@_key': 'd_weight', '#text': e.weight },
            {
              '@_key': 'd_stance',
              '#text': xmlText(e.stance ? (stances?.labels.get(e.stance) ?? e.stance) : ''),
            },
            { '@_key': 'd_stance_id', '#text': xmlText(e.stance) },
          ],
        })),
      },
    },
  }
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    suppressEmptyNode: true,
  })
  return { xml: builder.build(graph) as string, nodes: ordered.length, edges: edges.length }
}

function edgeKey(actor: string, argument: string, stance: string): string {
  return `${actor}\u0000${argument}\u0000${stance}`
}

function nodeId(n: Node): string {
  return `${n.type}:${n.labelId}`
}

/** Actors before arguments, each in codebook order, so the file is the same on every export. */
function orderNodes(nodes: Map<string, Node>, dimensions: DimensionInfo[]): Node[] {
  const result: Node[] = []
  for (const [i, d] of dimensions.entries()) {
    const type = i === 0 ? 'actor' : 'argument'
    for (const labelId of d.labels.keys()) {
      const node = nodes.get(`${type}:${labelId}`)
      if (node) result.push(node)
    }
  }
  return result
}

function nodeElement(n: Node): object {
  const color = n.dimension.colors.get(n.labelId) ?? '#999999'
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16))
  return {
    '@_id': xmlText(nodeId(n)),
    data: [
      { '@_key': 'd_label', '#text': xmlText(n.dimension.labels.get(n.labelId) ?? n.labelId) },
      { '@_key': 'd_type', '#text': n.type },
      { '@_key': 'd_label_id', '#text': xmlText(n.labelId) },
      { '@_key': 'd_color', '#text': color },
      { '@_key': 'd_r', '#text': r },
      { '@_key': 'd_g', '#text': g },
      { '@_key': 'd_b', '#text': b },
      { '@_key': 'd_frequency', '#text': n.frequency },
    ],
  }
}

/**
 * Text XML 1.0 can hold: the builder escapes & < > " ', but control characters and lone
 * surrogates are not allowed in XML at all, escaped or not, so they are dropped.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

function xmlText(s: string): string {
  return s.replace(NOT_XML, '')
}
