/**
 * `model` for the command-line tool: `model evaluate` trains on one JSONL file and reports the
 * quality on another; `model predict` classifies a project's uncoded sentences.
 */
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { parseDataset } from './dataset'
import { evaluate } from './evaluate'

export const MODEL_USAGE = `  model evaluate --train A.jsonl --test B.jsonl [--dimension D] [--json]
                                         train the suggestion model on A, print its quality on B as
                                         JSON (macro_f1, accuracy, per_label, train_s, predict_s);
                                         lines {"text","label"} (a label or a list of labels), or
                                         lines of a JSONL export with --dimension (a dimension id)
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

/** Runs `model <subcommand>` and returns what to print. */
export async function modelCommand(args: string[]): Promise<string> {
  const [sub, ...rest] = args
  if (sub === 'evaluate') return evaluateCommand(rest)
  throw new ModelUsageError(`model takes a subcommand: evaluate\n\n${MODEL_USAGE}`)
}
