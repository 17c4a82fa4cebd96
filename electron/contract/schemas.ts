/**
 * Runtime schemas of the domain data. Main validates every IPC argument against these (the
 * renderer is untrusted) and storage validates every file it reads. Pure zod: no Node, no DOM.
 */
import { z } from 'zod'
import { UNIT_KINDS } from './model'

const MAX_ID = 200
const MAX_TEXT = 100_000

export const idSchema = z
  .string()
  .min(1, 'an id must not be empty')
  .max(MAX_ID, `an id must be at most ${MAX_ID} characters`)
  .regex(/^[\p{L}\p{N}_.-]+$/u, 'an id may hold only letters, digits and _ . -')
  .refine((s) => s !== '.' && s !== '..', 'an id must not be . or ..')

export const unitKindSchema = z
  .enum(UNIT_KINDS as [string, ...string[]])
  .transform((k) => k as (typeof UNIT_KINDS)[number])

export const unitSchema = z.object({
  id: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: unitKindSchema,
  included: z.boolean().optional(),
})

const shortText = z.string().max(2_000)

export const documentMetaSchema = z.object({
  title: shortText.optional(),
  source: shortText.optional(),
  author: shortText.optional(),
  date: shortText.optional(),
  url: shortText.optional(),
  genre: shortText.optional(),
  extra: z.record(z.string().max(200), shortText).optional(),
})

export const storedDocumentSchema = z.object({
  id: idSchema,
  meta: documentMetaSchema,
  text: z.string(),
  units: z.array(unitSchema),
  contentHash: z.string(),
  importedAt: z.string(),
  origin: z.string().optional(),
})

const hotkeySchema = z
  .string()
  .max(1, 'a hotkey is a single key')
  .refine((k) => k === '' || k.trim() === k, 'a hotkey cannot be whitespace')

export const labelSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1, 'a label needs a name').max(200),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb'),
  hotkey: hotkeySchema,
  definition: z.string().max(MAX_TEXT),
  examples: z.array(z.string().max(MAX_TEXT)).max(100),
  aliases: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
  value: z.number().finite().optional(),
})

export const dimensionSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1, 'a dimension needs a name').max(200),
  multi: z.boolean(),
  required: z.boolean().optional(),
  scale: z.enum(['nominal', 'ordinal', 'interval', 'ratio']).optional(),
  labels: z.array(labelSchema).max(500),
})

export const codebookSchema = z.object({
  version: z.number().int().nonnegative(),
  dimensions: z.array(dimensionSchema).max(50),
})

export const provenanceKindSchema = z.enum(['manual', 'suggested-accepted'])

/** An accepted model suggestion; its keys in this order on disk and in exports. */
export const modelProvenanceSchema = z
  .object({
    source: z.literal('suggested-model'),
    version: z.string().min(1).max(100),
    confidence: z.number().min(0).max(1),
  })
  .strict()

export const provenanceSchema = z.union([provenanceKindSchema, modelProvenanceSchema])

export const statementSchema = z.object({
  id: idSchema,
  values: z.record(idSchema, z.array(idSchema).max(500)),
  provenance: z.record(idSchema, provenanceSchema).optional(),
})

export const sentenceAnnotationInputSchema = z.object({
  statements: z.array(statementSchema).max(50),
  uncertain: z.boolean(),
  note: z.string().max(MAX_TEXT),
  needsReview: z.string().max(2_000).optional(),
  done: z.boolean().optional(),
  dismissed: z.array(idSchema).max(500).optional(),
})

export const sentenceAnnotationSchema = sentenceAnnotationInputSchema.extend({
  annotator: z.string().max(200),
  coder: z.string().max(40).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  codebookVersion: z.number().int().nonnegative(),
})

export const annotatorSchema = z
  .string()
  .trim()
  .min(1, 'the annotator needs a name')
  .max(100, 'an annotator name is at most 100 characters')

export const annotationChangeSchema = z.object({
  documentId: idSchema,
  unitId: idSchema,
  input: sentenceAnnotationInputSchema.nullable(),
})

const metaFilterSchema = z.object({
  field: z.string().min(1).max(200),
  value: z.string().max(2_000),
})

export const sentenceQuerySchema = z.object({
  text: z.string().max(2_000).optional(),
  labelId: idSchema.optional(),
  unannotated: z.boolean().optional(),
  uncertain: z.boolean().optional(),
  needsReview: z.boolean().optional(),
  meta: metaFilterSchema.optional(),
  documentId: idSchema.optional(),
  limit: z.number().int().positive().max(10_000).optional(),
})

/** The export's options have a file of their own, shared with the dialog and the CLI. */
export { exportOptionsSchema } from './exportOptions'

/** A dropped file: at most 50 MB each, and at most 1,000 files in one drop. */
export const importSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('files') }),
  z.object({ kind: z.literal('folder') }),
  z.object({
    kind: z.literal('contents'),
    files: z
      .array(
        z.object({
          name: z.string().min(1).max(500),
          bytes: z
            .instanceof(Uint8Array)
            .refine((b) => b.byteLength <= 50 * 1024 * 1024, 'a file is at most 50 MB'),
        }),
      )
      .max(1_000),
  }),
])
