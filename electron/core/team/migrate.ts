/**
 * The folder migration from schema 1 (one annotator: annotations/<id>.json, the codebook inside
 * project.json) to the team layout (./layout.ts). Nothing is lost: every annotation becomes part
 * of the layer of the coder who made it, the codebook becomes its first version, and when and
 * from where each document was imported moves into that layer.
 *
 * Crash-safe by order: the new files are written first and project.json last, so a migration
 * cut short runs again from the start on the next open; the old annotation files go only after
 * project.json says schema 2.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { msg } from '../../contract/messages'
import type { SentenceAnnotation } from '../../contract/model'
import { codebookSchema } from '../../contract/schemas'
import { writeAtomically } from '../storage/durableFile'
import { SCHEMA_VERSION, type AnnotationFile } from '../storage/files'
import type { StorageNotice } from '../storage/repository'
import { newCoderId } from '../settings'
import { writeProfile } from './coders'
import { CODEBOOK_SCHEMA } from './codebookVersions'
import { ANNOTATIONS_DIR, CODEBOOK_DIR, DOCUMENTS_DIR, layerDir } from './layout'

type Json = Record<string, unknown>

async function readJson(file: string): Promise<Json | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Json
  } catch {
    return null
  }
}

const write = (file: string, data: unknown) =>
  writeAtomically(file, `${JSON.stringify(data, null, 2)}\n`)

/**
 * Migrates a schema-1 project in `dir`, opened by coder `coder` named `coderName`. Returns the
 * notice for the analyst, or null when there was nothing to migrate.
 */
export async function migrateToTeamLayout(
  dir: string,
  coder: string,
  coderName: string,
): Promise<StorageNotice | null> {
  const projectFile = join(dir, 'project.json')
  const project = await readJson(projectFile)
  if (!project || project.schemaVersion !== 1) return null

  const annotationsDir = join(dir, ANNOTATIONS_DIR)
  const legacy = (await readdir(annotationsDir, { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.startsWith('.'))
    .map((e) => e.name)
  const layers = new Map<string, Json>()
  const names = new Map<string, number>()
  for (const name of legacy) {
    const data = await readJson(join(annotationsDir, name))
    if (!data || typeof data.annotations !== 'object' || data.annotations === null) continue
    layers.set(name, data)
    for (const a of Object.values(data.annotations as Record<string, SentenceAnnotation>))
      names.set(a.annotator, (names.get(a.annotator) ?? 0) + 1)
  }
  // The layer is its annotator's: the person opening it when the names agree (or none was
  // given), else a coder identity of its own under that name, shown beside the opener's.
  const annotator = [...names].sort((a, b) => b[1] - a[1])[0]?.[0] ?? coderName
  const owner = !annotator || annotator === coderName || !coderName ? coder : newCoderId()
  await mkdir(layerDir(dir, owner), { recursive: true })
  if (owner !== coder) await writeProfile(dir, { id: owner, name: annotator })

  const imports = new Map<string, AnnotationFile['imported']>()
  const documents = (await readdir(join(dir, DOCUMENTS_DIR)).catch(() => [] as string[])).filter(
    (f) => f.endsWith('.json') && !f.startsWith('.'),
  )
  const documentFiles = new Map<string, Json>()
  for (const name of documents) {
    const data = await readJson(join(dir, DOCUMENTS_DIR, name))
    const document = data?.document as Json | undefined
    if (!data || !document) continue
    documentFiles.set(name, data)
    if (typeof document.importedAt === 'string')
      imports.set(name, {
        at: document.importedAt,
        ...(typeof document.origin === 'string' ? { origin: document.origin } : {}),
      })
  }

  let count = 0
  for (const name of new Set([...layers.keys(), ...imports.keys()])) {
    const target = join(layerDir(dir, owner), name)
    const old = layers.get(name)
    const annotations = Object.fromEntries(
      Object.entries((old?.annotations ?? {}) as Record<string, SentenceAnnotation>).map(
        ([unit, a]) => [unit, { ...a, coder: owner }],
      ),
    )
    count += Object.keys(annotations).length
    const previous = (await readJson(target)) as AnnotationFile | null
    const imported = imports.get(name) ?? previous?.imported
    const layer: AnnotationFile = {
      schemaVersion: SCHEMA_VERSION,
      documentId: (old?.documentId as string) ?? name.slice(0, -'.json'.length),
      coder: owner,
      annotations,
      ...(imported ? { imported } : {}),
    }
    await write(target, layer)
  }

  const codebook = codebookSchema.safeParse(project.codebook)
  if (codebook.success) {
    await mkdir(join(dir, CODEBOOK_DIR), { recursive: true })
    const id = `${String(codebook.data.version).padStart(4, '0')}-${owner}`
    await write(join(dir, CODEBOOK_DIR, `${id}.json`), {
      schemaVersion: CODEBOOK_SCHEMA,
      parents: [],
      coder: owner,
      savedAt:
        typeof project.createdAt === 'string' ? project.createdAt : new Date(0).toISOString(),
      codebook: codebook.data,
    })
  }

  for (const [name, data] of documentFiles) {
    const { importedAt: _at, origin: _origin, ...shared } = data.document as Json
    await write(join(dir, DOCUMENTS_DIR, name), { schemaVersion: SCHEMA_VERSION, document: shared })
  }

  const { codebook: _codebook, ...rest } = project
  await write(projectFile, { ...rest, schemaVersion: SCHEMA_VERSION })
  for (const name of legacy)
    for (const suffix of ['', '.bak', '.tmp'])
      await rm(join(annotationsDir, name + suffix), { force: true })
  // The index and its marks were machine-local caches at the top of the folder; rebuilt.
  for (const name of ['index.json', 'index.json.bak', 'index.json.tmp', 'index.dirty'])
    await rm(join(dir, name), { force: true })
  return {
    file: projectFile,
    message: msg('team.migrated', { count, name: annotator || coderName || owner }),
  }
}
