/**
 * A trained model on disk, in the project's machine-local folder (`local/suggest/`, never
 * synced: a model is rebuilt from the labels wherever it is missing or stale, it never travels
 * as data). One file per dimension: "PCSM", a format number, the length of a JSON header, the
 * header (labels, options, the key of the labels it was trained on, where each array lies),
 * then the typed arrays as raw little-endian bytes, each at an 8-byte boundary. Written to a
 * temporary name and renamed into place, so a reader finds the old model or the new one.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { SuggestionModel, type ModelSnapshot } from './model'

const MAGIC = 'PCSM'
const FORMAT = 1

type Typed = Float32Array | Float64Array | Uint32Array
const KINDS = { f32: Float32Array, f64: Float64Array, u32: Uint32Array } as const
type Kind = keyof typeof KINDS

interface Header {
  key: string
  labels: string[]
  multi: boolean
  options: ModelSnapshot['options']
  size: number
  documents: number
  scale: number
  steps: number
  arrays: Record<string, { kind: Kind; offset: number; length: number }>
}

/** The file of a dimension's model in a project folder. */
export function modelPath(projectDir: string, dimensionId: string): string {
  // Dimension ids are the codebook's; encoded so that no id can name a path outside the folder.
  return join(projectDir, 'local', 'suggest', `${encodeURIComponent(dimensionId)}.model`)
}

function kindOf(a: Typed): Kind {
  return a instanceof Float32Array ? 'f32' : a instanceof Float64Array ? 'f64' : 'u32'
}

export function encodeModel(model: SuggestionModel, key: string): Buffer {
  const s = model.snapshot()
  const arrays: Record<string, Typed> = {
    classCounts: s.classCounts,
    df: s.df,
    w: s.linear.w,
    bias: s.linear.bias,
  }
  if (s.nb)
    Object.assign(arrays, {
      nbCounts: s.nb.counts,
      nbTotals: s.nb.classTotals,
      nbDocs: s.nb.classDocs,
    })
  const placed: Header['arrays'] = {}
  let offset = 0
  for (const [name, a] of Object.entries(arrays)) {
    placed[name] = { kind: kindOf(a), offset, length: a.length }
    offset += Math.ceil(a.byteLength / 8) * 8
  }
  const header: Header = {
    key,
    labels: s.labels,
    multi: s.multi,
    options: s.options,
    size: s.size,
    documents: s.documents,
    scale: s.linear.scale,
    steps: s.linear.steps,
    arrays: placed,
  }
  const json = Buffer.from(JSON.stringify(header))
  const start = Math.ceil((12 + json.length) / 8) * 8
  const out = Buffer.alloc(start + offset)
  out.write(MAGIC, 0, 'latin1')
  out.writeUInt32LE(FORMAT, 4)
  out.writeUInt32LE(json.length, 8)
  json.copy(out, 12)
  for (const [name, a] of Object.entries(arrays))
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, start + placed[name].offset)
  return out
}

/** The model in `bytes` if it was trained on the labels `key` names; null when stale or unreadable. */
export function decodeModel(bytes: Buffer, key: string): SuggestionModel | null {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== MAGIC) return null
  if (bytes.readUInt32LE(4) !== FORMAT) return null
  const length = bytes.readUInt32LE(8)
  let header: Header
  try {
    header = JSON.parse(bytes.toString('utf8', 12, 12 + length)) as Header
  } catch {
    return null
  }
  if (header.key !== key) return null
  const start = Math.ceil((12 + length) / 8) * 8
  const array = (name: string): Typed | undefined => {
    const at = header.arrays[name]
    if (!at) return undefined
    const from = start + at.offset
    const size = at.length * KINDS[at.kind].BYTES_PER_ELEMENT
    if (from + size > bytes.length) throw new RangeError('truncated')
    // Copied out: a Buffer's bytes need not sit at an offset the typed array can view.
    const out = new KINDS[at.kind](at.length)
    new Uint8Array(out.buffer).set(bytes.subarray(from, from + size))
    return out
  }
  try {
    const nbCounts = array('nbCounts') as Float32Array | undefined
    return SuggestionModel.restore({
      labels: header.labels,
      multi: header.multi,
      options: header.options,
      size: header.size,
      documents: header.documents,
      classCounts: array('classCounts') as Float64Array,
      df: array('df') as Uint32Array,
      linear: {
        w: array('w') as Float32Array,
        bias: array('bias') as Float64Array,
        scale: header.scale,
        steps: header.steps,
      },
      nb: nbCounts
        ? {
            counts: nbCounts,
            classTotals: array('nbTotals') as Float64Array,
            classDocs: array('nbDocs') as Float64Array,
          }
        : null,
    })
  } catch {
    return null
  }
}

export async function readModel(path: string, key: string): Promise<SuggestionModel | null> {
  try {
    return decodeModel(await readFile(path), key)
  } catch {
    return null
  }
}

export async function writeModel(path: string, model: SuggestionModel, key: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const tmp = `${path}.tmp-${process.pid}`
  try {
    await writeFile(tmp, encodeModel(model, key))
    await rename(tmp, path)
  } catch (e) {
    await rm(tmp, { force: true })
    throw e
  }
}
