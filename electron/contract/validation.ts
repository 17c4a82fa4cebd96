/**
 * The argument schema of every API method. Main runs each call through these before any
 * handler sees it; a call with bad arguments is refused with a message and changes nothing.
 */
import { z } from 'zod'
import type { ApiMethod } from './api'
import {
  annotationChangeSchema,
  annotatorSchema,
  exportOptionsSchema,
  importSourceSchema,
  sentenceQuerySchema,
  codebookSchema,
  documentMetaSchema,
  idSchema,
  sentenceAnnotationInputSchema,
} from './schemas'

const labelIds = z.array(idSchema).max(500)

/** What an adjudicator decides for a sentence (../contract/adjudication.ts). */
const adjudicationChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('coder'), coder: idSchema }),
  z.object({ kind: z.literal('majority') }),
  z.object({ kind: z.literal('edit'), values: z.record(idSchema, labelIds) }),
  z.object({ kind: z.literal('clear') }),
])

export const API_ARGUMENTS = {
  getProject: z.tuple([]),
  listDocuments: z.tuple([]),
  getLabelProfiles: z.tuple([]),
  getDocument: z.tuple([idSchema]),
  saveAnnotation: z.tuple([idSchema, idSchema, sentenceAnnotationInputSchema.nullable()]),
  saveAnnotations: z.tuple([z.array(annotationChangeSchema).max(100_000)]),
  setAnnotator: z.tuple([annotatorSchema]),
  setLocale: z.tuple([z.enum(['en', 'de'])]),
  saveCodebook: z.tuple([codebookSchema]),
  codebookImpact: z.tuple([codebookSchema]),
  exportCodebookFile: z.tuple([]),
  readCodebookFile: z.tuple([]),
  updateDocumentMeta: z.tuple([idSchema, documentMetaSchema]),
  splitUnit: z.tuple([idSchema, idSchema, z.number().int().nonnegative()]),
  mergeWithNext: z.tuple([idSchema, idSchema]),
  setUnitIncluded: z.tuple([idSchema, idSchema, z.boolean()]),
  resegmentDocument: z.tuple([idSchema]),
  findSentences: z.tuple([sentenceQuerySchema]),
  startImport: z.tuple([importSourceSchema]),
  startExport: z.tuple([exportOptionsSchema]),
  getJob: z.tuple([idSchema]),
  cancelJob: z.tuple([idSchema]),
  getTeam: z.tuple([]),
  getTeamRevision: z.tuple([]),
  getReliability: z.tuple([]),
  getAdjudication: z.tuple([]),
  adjudicate: z.tuple([idSchema, idSchema, adjudicationChoiceSchema, z.string().max(10_000)]),
  acceptAutomatically: z.tuple([z.enum(['unanimous', 'majority'])]),
  undoAcceptance: z.tuple([z.string().min(1).max(100)]),
  setInitials: z.tuple([
    z
      .string()
      .trim()
      .max(6, 'initials are at most 6 characters')
      .regex(/^[\p{L}\p{N}.-]*$/u, 'initials are letters, digits, dots and hyphens'),
  ]),
  getCoderLayers: z.tuple([idSchema]),
  // A codebook version is named <version>-<coder id>.
  chooseCodebookVersion: z.tuple([z.string().regex(/^\d{4,}-[a-z0-9][a-z0-9-]{2,39}$/)]),
} satisfies Record<ApiMethod, z.ZodTuple>
