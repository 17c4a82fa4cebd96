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

/** A sample's id: the drawing coder's id and a number. */
const sampleIdSchema = z.string().min(1).max(200)

const drawSampleSchema = z.object({
  name: z.string().trim().max(200),
  unit: z.enum(['documents', 'sentences']),
  size: z.number().int().min(1).max(1_000_000),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  stratifyBy: z.string().min(1).max(200).nullable(),
  coders: z.array(idSchema).min(2).max(500),
})

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
  getReliability: z.tuple([sampleIdSchema.nullable().optional()]),
  getSamples: z.tuple([]),
  drawSample: z.tuple([drawSampleSchema]),
  markSampleDone: z.tuple([sampleIdSchema]),
  liftBlinding: z.tuple([sampleIdSchema]),
  getBlindUnits: z.tuple([idSchema]),
  sampleSize: z.tuple([
    z.object({
      minimumAlpha: z.number().gt(0).lt(1),
      significance: z.number().gt(0).lt(0.5),
      smallestShare: z.number().gt(0).max(0.5),
    }),
  ]),
  getReliabilityHistory: z.tuple([]),
  getDisagreements: z.tuple([sampleIdSchema.nullable()]),
  setDisagreementNote: z.tuple([idSchema, idSchema, z.string().max(10_000), z.boolean()]),
  getAdjudication: z.tuple([]),
  adjudicate: z.tuple([idSchema, idSchema, adjudicationChoiceSchema, z.string().max(10_000)]),
  acceptAutomatically: z.tuple([z.enum(['unanimous', 'majority'])]),
  undoAcceptance: z.tuple([z.string().min(1).max(100)]),
  getSuggestions: z.tuple([idSchema, idSchema]),
  nextSuggested: z.tuple([
    z.enum(['uncertain', 'confident']),
    idSchema.nullable(),
    z.object({ documentId: idSchema, unitId: idSchema }).strict().nullable(),
  ]),
  getSuggestionQuality: z.tuple([idSchema]),
  getSuggestionSwitches: z.tuple([]),
  setSuggestionSwitches: z.tuple([
    z.object({ enabled: z.boolean(), off: z.array(idSchema).max(50) }).strict(),
  ]),
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
