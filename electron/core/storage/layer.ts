/**
 * A coder's view of a document: the shared document file as imported, with the coder's own
 * corrections from their layer (units after a split or merge, edited metadata) laid over it.
 * Pure, so the repository and the export's worker threads apply it alike.
 */
import type { DocumentMeta, StoredDocument, Unit } from '../../contract/model'
import type { AnnotationFile, SharedDocument } from './files'

export function withLayer(
  base: SharedDocument,
  layer: Pick<AnnotationFile, 'units' | 'meta' | 'imported'> | null,
): StoredDocument {
  const { importedAt, origin, ...shared } = base
  const at = layer?.imported?.at ?? importedAt ?? ''
  const from = layer?.imported?.origin ?? origin
  return {
    ...shared,
    ...(layer?.units ? { units: layer.units } : {}),
    ...(layer?.meta ? { meta: layer.meta } : {}),
    importedAt: at,
    ...(from ? { origin: from } : {}),
  }
}

/** What the document file holds: the article as imported, with nothing of one machine in it. */
export function sharedPart(document: StoredDocument): SharedDocument {
  const { importedAt: _at, origin: _origin, ...shared } = document
  return shared
}

/** The corrections a layer must carry for `document` to read back from `base`. */
export function layerOverrides(
  base: SharedDocument,
  document: StoredDocument,
): { units?: Unit[]; meta?: DocumentMeta } {
  return {
    ...(sameJson(base.units, document.units) ? {} : { units: document.units }),
    ...(sameJson(base.meta, document.meta) ? {} : { meta: document.meta }),
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
