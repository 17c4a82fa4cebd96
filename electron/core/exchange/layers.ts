/**
 * Writes the layer of a coder who came with an imported project. Such a coder works on no
 * machine of the team, so the import is that layer's one writer: it is written once, and a
 * sentence the layer already holds is never overwritten.
 */
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { SentenceAnnotation } from '../../contract/model'
import { annotationFilePath } from '../storage/bulkRead'
import { DurableJsonFile } from '../storage/durableFile'
import { readAnnotationFile, SCHEMA_VERSION, type AnnotationFile } from '../storage/files'

/** Adds annotations to a coder's layer of one document; the number kept because already there. */
export async function addToImportedLayer(
  dir: string,
  coder: string,
  documentId: string,
  annotations: Record<string, SentenceAnnotation>,
): Promise<number> {
  const path = annotationFilePath(dir, documentId, coder)
  await mkdir(dirname(path), { recursive: true })
  const file = new DurableJsonFile<AnnotationFile>(path, readAnnotationFile)
  const current = await file.read()
  const merged = { ...(current?.annotations ?? {}) }
  let kept = 0
  for (const [unitId, a] of Object.entries(annotations)) {
    if (merged[unitId]) kept++
    else merged[unitId] = a
  }
  await file.write({
    ...(current ?? {}),
    schemaVersion: SCHEMA_VERSION,
    documentId,
    coder,
    annotations: merged,
  })
  return kept
}
