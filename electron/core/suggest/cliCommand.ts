/**
 * `model` for the command-line tool: `model evaluate` trains on one JSONL file and reports the
 * quality on another; `model predict` classifies a project's uncoded sentences.
 */
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { checkFileTarget, stageFiles } from '../export/output'
import { openLowdbRepository } from '../storage/lowdbRepository'
import { parseDataset } from './dataset'
import { evaluate } from './evaluate'
import { SuggestionModel } from './model'
import { coldStart, dimensionData } from './projectData'
import { dimensionQuality } from './quality'

export const MODEL_USAGE = `  model evaluate --train A.jsonl --test B.jsonl [--dimension D] [--json]
                                         train the suggestion model on A, print its quality on B as
                                         JSON (macro_f1, accuracy, per_label, train_s, predict_s);
                                         lines {"text","label"} (a label or a list of labels), or
                                         lines of a JSONL export with --dimension (a dimension id)
  model predict --project DIR --dimension D --out FILE.jsonl [--json]
                                         train on the project's coded sentences, write a prediction
                                         with probabilities for every sentence without a label in D
  model quality --project DIR --dimension D
                                         cross-validated macro-F1, per-label precision and recall,
                                         and a learning curve, from the project's coded sentences
`

/** A mistake in the command line itself; the CLI prints it with the usage. */
export class ModelUsageError extends Error {}

async function readDataset(file: string, dimension: string | undefined) {
  let content: string
  try {
    content = await readFile(file, 'utf8')
  } catch (e) {
    throw new ModelUsageError(`cannot read ${file}: ${(e as Error).message}`)
  }
  return parseDataset(content, file, dimension)
}

async function evaluateCommand(args: string[]): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      train: { type: 'string' },
      test: { type: 'string' },
      dimension: { type: 'string' },
      json: { type: 'boolean' },
    },
  })
  if (!values.train || !values.test)
    throw new ModelUsageError('model evaluate needs --train FILE and --test FILE')
  const train = await readDataset(values.train, values.dimension)
  const test = await readDataset(values.test, values.dimension)
  const result = evaluate(train.sentences, test.sentences, train.multi || test.multi)
  const report = {
    macro_f1: result.macro_f1,
    accuracy: result.accuracy,
    per_label: result.per_label,
    train_s: result.train_s,
    predict_s: result.predict_s,
    train_size: result.train_size,
    test_size: result.test_size,
    multi_label: train.multi || test.multi,
    skipped: { train: train.skipped, test: test.skipped },
  }
  return values.json ? `${JSON.stringify(report)}\n` : `${JSON.stringify(report, null, 2)}\n`
}

/**
 * One line per sentence without a label in the dimension, marked as a prediction: the labels
 * the model would choose and every label's probability, with what the model learnt from.
 */
async function predictCommand(args: string[], lock: string): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      project: { type: 'string' },
      dimension: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
    },
  })
  if (!values.project || !values.dimension || !values.out)
    throw new ModelUsageError('model predict needs --project DIR, --dimension D and --out FILE')
  const out = values.out
  await checkFileTarget(out)
  const repo = await openLowdbRepository(values.project, { lock })
  try {
    const data = await dimensionData(repo, values.dimension)
    const refusal = coldStart(data)
    if (refusal) throw refusal
    const { dimension } = data
    const names = new Map(dimension.labels.map((l) => [l.id, l.name]))
    const model = new SuggestionModel(
      dimension.labels.map((l) => l.id),
      dimension.multi,
    )
    model.fit(data.coded)
    const about = {
      trained_on: data.coded.length,
      codebook_version: repo.getCodebook().version,
      multi_label: dimension.multi,
    }
    const staging = stageFiles()
    try {
      const file = await staging.open(out)
      const predictions = model.predictMany(data.uncoded.map((s) => s.input))
      for (const [i, s] of data.uncoded.entries()) {
        const p = predictions[i]
        const chosen = model.choose(p)
        const line = {
          prediction: true,
          document_id: s.documentId,
          sentence_id: s.unitId,
          index: s.input.index,
          text: s.input.text,
          dimension: dimension.id,
          predicted_label_ids: chosen,
          predicted_label_names: chosen.map((id) => names.get(id) ?? id),
          probabilities: p.map((x) => ({
            label_id: x.label,
            label_name: names.get(x.label) ?? x.label,
            probability: x.probability,
          })),
          model: about,
        }
        await file.write([Buffer.from(`${JSON.stringify(line)}\n`)])
      }
      await file.close()
      await staging.commit()
    } catch (e) {
      await staging.discard()
      throw e
    }
    const summary = { out, predictions: data.uncoded.length, ...about }
    return values.json
      ? `${JSON.stringify(summary)}\n`
      : `${data.uncoded.length} predictions for "${dimension.name}" in ${out} (trained on ${data.coded.length} coded sentences)\n`
  } finally {
    await repo.close()
  }
}

/** How far the model of a dimension can be trusted, from the project's own coded sentences. */
async function qualityCommand(args: string[], lock: string): Promise<string> {
  const { values } = parseArgs({
    args,
    options: { project: { type: 'string' }, dimension: { type: 'string' } },
  })
  if (!values.project || !values.dimension)
    throw new ModelUsageError('model quality needs --project DIR and --dimension D')
  const repo = await openLowdbRepository(values.project, { lock })
  try {
    const data = await dimensionData(repo, values.dimension)
    const refusal = coldStart(data)
    if (refusal) throw refusal
    const { dimension } = data
    const names = new Map(dimension.labels.map((l) => [l.id, l.name]))
    const q = dimensionQuality(
      data.coded,
      dimension.labels.map((l) => l.id),
      dimension.multi,
    )
    const per_label = Object.fromEntries(
      Object.entries(q.per_label).map(([id, v]) => [names.get(id) ?? id, v]),
    )
    return `${JSON.stringify({ dimension: dimension.id, coded: data.coded.length, ...q, per_label }, null, 2)}\n`
  } finally {
    await repo.close()
  }
}

/** Runs `model <subcommand>` and returns what to print; `lock` names the CLI in project locks. */
export async function modelCommand(args: string[], lock: string): Promise<string> {
  const [sub, ...rest] = args
  if (sub === 'evaluate') return evaluateCommand(rest)
  if (sub === 'predict') return predictCommand(rest, lock)
  if (sub === 'quality') return qualityCommand(rest, lock)
  throw new ModelUsageError(
    `model takes a subcommand: evaluate, predict or quality\n\n${MODEL_USAGE}`,
  )
}
