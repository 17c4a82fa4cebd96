import type { Codebook } from '../../contract/model'
import { codebookSchema } from '../../contract/schemas'
import { codebookProblems } from '../../common/codebookRules'
import { UserError, jsonProblem, schemaProblem } from '../errors'

/** The codebook as a file an analyst can share: pretty JSON, colours and hotkeys included. */
export function serializeCodebook(codebook: Codebook): string {
  return `${JSON.stringify(codebook, null, 2)}\n`
}

/**
 * Reads a codebook file (ours, or an exported one wrapped as `{ codebook }`), with messages
 * that say what is wrong and where.
 */
export function parseCodebookFile(text: string): Codebook {
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new UserError('codebook.fileNotJson', {
      detail: jsonProblem(e, text.replace(/^\uFEFF/, '')),
    })
  }
  if (raw && typeof raw === 'object' && 'codebook' in raw)
    raw = (raw as { codebook: unknown }).codebook
  const parsed = codebookSchema.safeParse(raw)
  if (!parsed.success)
    throw new UserError('codebook.fileInvalid', { detail: schemaProblem(codebookSchema, raw) })
  const problems = codebookProblems(parsed.data)
  if (problems.length)
    throw new UserError('codebook.fileBreaksRule', { problems: problems.map((p) => p.message) })
  return parsed.data
}
