/**
 * The layers of the other coders: read-only, validated like an import, cached by file signature
 * so that a rescan after a sync event reads only what changed.
 */
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { msg } from '../../contract/messages'
import { isAnnotated, type Codebook, type SentenceAnnotation } from '../../contract/model'
import { decodeId } from '../storage/bulkRead'
import { readAnnotationFile, type AnnotationFile } from '../storage/files'
import { ANNOTATIONS_DIR, isConflictCopy, isTransient } from './layout'
import type { TeamProblem } from './problems'
import { readUntrusted } from './untrusted'

interface CachedLayer {
  signature: string
  layer: AnnotationFile | null
  problem?: TeamProblem
}

export interface LayerScan {
  /** Coder ids with a layer folder, the local coder's included. */
  coders: string[]
  problems: TeamProblem[]
  /** Layers whose file changed since the last scan, as `coder/document`. */
  changed: string[]
}

export class OtherLayers {
  private cache = new Map<string, CachedLayer>()
  /** Progress per coder, counted once per change of their files (the renderer asks often). */
  private counted = new Map<string, { codebook: Codebook; progress: Record<string, number> }>()

  constructor(
    private readonly dir: string,
    private readonly me: string,
  ) {}

  /**
   * Walks annotations/: every coder folder and layer file. A file whose size and time are unchanged
   * is not read again; conflict copies are reported, never read.
   */
  async scan(): Promise<LayerScan> {
    const root = join(this.dir, ANNOTATIONS_DIR)
    const problems: TeamProblem[] = []
    const changed: string[] = []
    const coders: string[] = []
    const seen = new Set<string>()
    const entries = await readdir(root, { withFileTypes: true }).catch(() => [])
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(ANNOTATIONS_DIR, entry.name)
      if (isConflictCopy(entry.name)) {
        problems.push({ path, kind: 'conflict-copy', message: msg('team.conflictCopy', { path }) })
        continue
      }
      if (!entry.isDirectory() || isTransient(entry.name)) continue
      const files = await readdir(join(root, entry.name)).catch(() => [] as string[])
      // A folder without a layer in it is no coder of this project (yet).
      if (files.some((f) => f.endsWith('.json') && !isConflictCopy(f))) coders.push(entry.name)
      for (const name of files.sort()) {
        const rel = join(path, name)
        if (isConflictCopy(name)) {
          problems.push({
            path: rel,
            kind: 'conflict-copy',
            message: msg('team.conflictCopy', { path: rel }),
          })
          continue
        }
        if (isTransient(name) || !name.endsWith('.json') || entry.name === this.me) continue
        const key = `${entry.name}/${decodeId(name.slice(0, -'.json'.length))}`
        seen.add(key)
        const cached = await this.read(entry.name, key, rel)
        if (cached.changed) changed.push(key)
        if (cached.entry.problem) problems.push(cached.entry.problem)
      }
    }
    for (const key of [...this.cache.keys()])
      if (!seen.has(key)) {
        this.cache.delete(key)
        changed.push(key)
      }
    for (const key of changed) this.counted.delete(key.slice(0, key.indexOf('/')))
    return { coders, problems, changed }
  }

  private async read(
    coder: string,
    key: string,
    rel: string,
  ): Promise<{ entry: CachedLayer; changed: boolean }> {
    const file = join(this.dir, rel)
    let signature: string
    try {
      const info = await stat(file)
      signature = `${info.size}:${info.mtimeMs}`
    } catch {
      signature = 'gone'
    }
    const cached = this.cache.get(key)
    if (cached && cached.signature === signature) return { entry: cached, changed: false }
    let entry: CachedLayer
    try {
      const layer = await readUntrusted(file, readAnnotationFile)
      const documentId = key.slice(coder.length + 1)
      if (layer.documentId !== documentId)
        throw new Error(`it holds the layer of "${layer.documentId}", not of "${documentId}"`)
      if (layer.coder !== undefined && layer.coder !== coder)
        throw new Error(`it names the coder "${layer.coder}" but lies in the folder of "${coder}"`)
      entry = { signature, layer }
    } catch (e) {
      entry = {
        signature,
        layer: null,
        problem: {
          path: rel,
          kind: 'refused',
          message: msg('team.fileRefused', { path: rel, detail: (e as Error).message }),
        },
      }
    }
    this.cache.set(key, entry)
    return { entry, changed: true }
  }

  /** The annotations of another coder on one document; empty when they have none (or it was refused). */
  annotations(coder: string, documentId: string): Record<string, SentenceAnnotation> {
    return this.cache.get(`${coder}/${documentId}`)?.layer?.annotations ?? {}
  }

  /**
   * Per document, how many sentences this coder has coded. Counted from the layer alone (a
   * document's text is not read for it); labels on a unit the coder's segmentation no longer
   * has are the rare exception this ignores.
   */
  progress(coder: string, codebook: Codebook): Record<string, number> {
    const known = this.counted.get(coder)
    if (known?.codebook === codebook) return known.progress
    const out: Record<string, number> = {}
    for (const [key, { layer }] of this.cache) {
      if (!layer || !key.startsWith(`${coder}/`)) continue
      const n = Object.values(layer.annotations).filter((a) => isAnnotated(a, codebook)).length
      if (n > 0) out[layer.documentId] = n
    }
    this.counted.set(coder, { codebook, progress: out })
    return out
  }
}
