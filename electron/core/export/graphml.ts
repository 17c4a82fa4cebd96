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
import { valuesOf, type DimensionInfo, type ExportData } from './rows'

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

/** Finds a dimension of the network by id, with a message that lists the ones there are. */
function dimension(data: ExportData, id: string, role: string): DimensionInfo {
  const found = data.dimensions.find((d) => d.id === id)
  if (found) return found
  const known = data.dimensions.map((d) => `"${d.id}"`).join(', ')
  throw new Error(
    `The network needs a ${role} dimension, but the codebook has no dimension "${id}" (it has ${known}); choose one with the ${role} option.`,
  )
}

/** Builds the network of the exported statements. */
export function buildNetwork(data: ExportData): Network {
  const actors = dimension(data, data.options.network.actor, 'actor')
  const args = dimension(data, data.options.network.argument, 'argument')
  const stances = data.dimensions.find((d) => d.id === data.options.network.stance)
  const nodes = new Map<string, Node>()
  const weights = new Map<string, number>()
  for (const doc of data.documents)
    for (const row of doc.rows)
      for (const s of row.annotation?.statements ?? []) {
        const a = valuesOf(s, actors.id)
        const r = valuesOf(s, args.id)
        const st = stances ? valuesOf(s, stances.id) : []
        for (const id of a) count(nodes, actors, 'actor', id)
        for (const id of r) count(nodes, args, 'argument', id)
        for (const actor of a)
          for (const argument of r)
            for (const stance of st.length ? st : ['']) {
              const key = edgeKey(actor, argument, stance)
              weights.set(key, (weights.get(key) ?? 0) + 1)
            }
      }
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

function count(
  nodes: Map<string, Node>,
  dimension: DimensionInfo,
  type: Node['type'],
  labelId: string,
): void {
  const id = `${type}:${labelId}`
  const node = nodes.get(id)
  if (node) node.frequency++
  else nodes.set(id, { dimension, type, labelId, frequency: 1 })
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
