/**
 * The handler table behind the API contract: one function per method, each validating its
 * arguments before the project service sees them. Main registers exactly this table on IPC;
 * the UI tests bind exactly this table into the page. Nothing here knows about Electron.
 */
import { readFile } from 'node:fs/promises'
import type { Api, ApiMethod, Envelope } from '../contract/api'
import type { ExportOptions, ImportSource, JobStatus } from '../contract/model'
import { API_ARGUMENTS } from '../contract/validation'
import { importContents, importPaths } from './corpus/importer'
import type { Dialogs } from './dialogs'
import { UserError, schemaProblem } from './errors'
import { exportTarget } from './exportJob'
import { parseCodebookFile, serializeCodebook } from './codebook/codebookFile'
import type { JobRunner } from './jobs'
import type { ProjectService } from './project'
import { cardReliability } from './reliability/card'
import { requiredSampleSize } from './reliability/sample'
import { writeAtomically } from './storage/durableFile'

export type Handlers = { [K in ApiMethod]: (...args: unknown[]) => Promise<Envelope<unknown>> }

export interface HandlerDeps {
  dialogs: Dialogs
  jobs: JobRunner
  log?: (e: unknown) => void
  /** The built export worker script, passed on to exports (see ./export/workerPool.ts). */
  exportWorkerScript?: string
}

function implementation(
  service: ProjectService,
  { dialogs, jobs, exportWorkerScript }: HandlerDeps,
): Api {
  const repo = service.repo
  return {
    getProject: async () => service.info(),
    listDocuments: async () => service.listDocuments(),
    getLabelProfiles: async () => service.labelProfiles(),
    getDocument: (id) => service.getDocument(id),
    saveAnnotation: (documentId, unitId, input) =>
      service.saveAnnotation(documentId, unitId, input),
    saveAnnotations: (changes) => service.saveAnnotations(changes),
    setAnnotator: (name) => service.setAnnotator(name),
    setLocale: (locale) => service.setLocale(locale),
    saveCodebook: (codebook) => service.saveCodebook(codebook),
    codebookImpact: (codebook) => service.codebookImpact(codebook),
    async exportCodebookFile() {
      const path = await dialogs.chooseSaveFile('codebook.json', 'dialog.filter.codebook', ['json'])
      if (!path) return null
      await writeAtomically(path, serializeCodebook(repo.getCodebook()))
      return path
    },
    async readCodebookFile() {
      const path = await dialogs.chooseCodebookFile()
      if (!path) return null
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (e) {
        throw new UserError('codebook.fileUnreadable', { detail: (e as Error).message })
      }
      return parseCodebookFile(text)
    },
    updateDocumentMeta: (id, meta) => service.updateDocumentMeta(id, meta),
    splitUnit: (documentId, unitId, offset) => service.splitUnit(documentId, unitId, offset),
    mergeWithNext: (documentId, unitId) => service.mergeWithNext(documentId, unitId),
    setUnitIncluded: (documentId, unitId, included) =>
      service.setUnitIncluded(documentId, unitId, included),
    resegmentDocument: (documentId) => service.resegmentDocument(documentId),
    findSentences: (query) => service.findSentences(query),
    startImport: (source) => startImport(source),
    async startExport(options: ExportOptions) {
      const out = await exportTarget(dialogs, options)
      if (!out) return null
      return jobs.start('export', async (ctx) => ({
        exported: await service.exportLayer(options, out, {
          signal: ctx.signal,
          onProgress: ctx.progress,
          workerScript: exportWorkerScript,
          cardReliability: () => cardReliability(service.reliability, service.getTeam()),
        }),
      }))
    },
    async getJob(id) {
      const job = jobs.get(id)
      if (!job) throw new UserError('job.notFound', { id })
      return job
    },
    getTeam: async () => service.getTeam(),
    getTeamRevision: async () => service.getTeamRevision(),
    setInitials: (initials) => service.setInitials(initials),
    getCoderLayers: async (documentId) => service.getCoderLayers(documentId),
    chooseCodebookVersion: (versionId) => service.chooseCodebookVersion(versionId),
    getReliability: (sampleId) => service.getReliability(sampleId ?? null),
    getSamples: () => service.reliability.samples(service.getTeam()),
    drawSample: (request) => service.reliability.draw(request),
    markSampleDone: (sampleId) => service.reliability.markDone(sampleId),
    liftBlinding: (sampleId) => service.reliability.liftBlinding(sampleId),
    getBlindUnits: (documentId) => service.getBlindUnits(documentId),
    sampleSize: async (request) => requiredSampleSize(request),
    getReliabilityHistory: () => service.reliability.history(service.getTeam()),
    getDisagreements: (sampleId) => service.reliability.disagreements(service.getTeam(), sampleId),
    setDisagreementNote: (documentId, unitId, note, problem) =>
      service.setDisagreementNote(documentId, unitId, note, problem),
    getAdjudication: () => service.getAdjudication(),
    adjudicate: (documentId, unitId, choice, note) =>
      service.adjudicate(documentId, unitId, choice, note),
    acceptAutomatically: (rule) => service.acceptAutomatically(rule),
    undoAcceptance: (runId) => service.undoAcceptance(runId),
    getSuggestions: (documentId, unitId) => service.getSuggestions(documentId, unitId),
    nextSuggested: (order, dimensionId, skip) => service.suggestions.next(order, dimensionId, skip),
    getSuggestionQuality: (dimensionId) => service.suggestions.quality(dimensionId),
    getSuggestionSwitches: () => service.suggestions.getSwitches(),
    setSuggestionSwitches: (switches) => service.suggestions.setSwitches(switches),
    async cancelJob(id) {
      if (!jobs.cancel(id)) throw new UserError('job.notFound', { id })
    },
  }

  async function startImport(source: ImportSource): Promise<string | null> {
    let run: (ctx: Parameters<Parameters<JobRunner['start']>[1]>[0]) => Promise<Partial<JobStatus>>
    if (source.kind === 'contents') {
      run = async (ctx) => ({
        report: await importContents(repo, source.files, {
          signal: ctx.signal,
          onProgress: ctx.progress,
        }),
      })
    } else {
      const paths =
        source.kind === 'files'
          ? await dialogs.chooseImportFiles()
          : [await dialogs.chooseImportFolder()].filter((p): p is string => !!p)
      if (paths.length === 0) return null
      run = async (ctx) => ({
        report: await importPaths(repo, paths, { signal: ctx.signal, onProgress: ctx.progress }),
      })
    }
    return jobs.start('import', run)
  }
}

/** An error envelope: the message code and parameters, and the English text. */
function refusal(e: UserError): Envelope<never> {
  return { ok: false, error: e.message, code: e.code, params: e.params }
}

export function createHandlers(service: ProjectService, deps: HandlerDeps): Handlers {
  const log = deps.log ?? console.error
  const impl = implementation(service, deps)
  const table = {} as Handlers
  for (const method of Object.keys(API_ARGUMENTS) as ApiMethod[]) {
    table[method] = async (...args: unknown[]) => {
      const parsed = API_ARGUMENTS[method].safeParse(args)
      if (!parsed.success)
        return refusal(
          new UserError('api.refused', {
            method,
            detail: schemaProblem(API_ARGUMENTS[method], args),
          }),
        )
      try {
        const fn = impl[method] as (...a: unknown[]) => Promise<unknown>
        return { ok: true, value: await fn(...(parsed.data as unknown[])) }
      } catch (e) {
        if (e instanceof UserError) return refusal(e)
        log(e)
        return refusal(
          new UserError('api.failed', { method, detail: (e as Error).message ?? String(e) }),
        )
      }
    }
  }
  return table
}
