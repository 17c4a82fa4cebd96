import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportProject } from '../../electron/core/export/exporter'
import { openLowdbRepository } from '../../electron/core/storage/lowdbRepository'
import { createSampleProject } from '../../electron/core/workbench'
import { SAMPLE_CORPUS, tempDir } from './helpers'

// The export's promise is that pandas reads it as it is: checked with real pandas, Debian's
// python3-pandas, which .ci/run installs. (Hugging Face datasets is not packaged for Debian
// and PyPI is out of reach here, so it cannot be checked on these machines.)
const PYTHON = '/usr/bin/python3'
const pandas = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import pandas']).status === 0

const SCRIPT = `
import json, sys, pandas as pd
jsonl, csv = sys.argv[1], sys.argv[2]
lines = pd.read_json(jsonl, lines=True)
table = pd.read_csv(csv, encoding="utf-8-sig")
coded = lines[lines["statements"].map(len) > 0]
print(json.dumps({
  "rows": len(lines), "columns": list(lines.columns),
  "coded": len(coded),
  "first_coded_text": coded.iloc[0]["text"],
  "stances": sorted({n for st in coded["statements"] for s in st for n in s["label_names"]["stance"]}),
  "csv_rows": len(table), "csv_columns": list(table.columns),
  "note": table[table["note"].notna()].iloc[0]["note"],
}, ensure_ascii=False))
`

let dir: string
let cleanup: () => Promise<void>
let sentences: number
beforeAll(async () => {
  ;({ dir, cleanup } = await tempDir('pandas-'))
  await createSampleProject(join(dir, 'p'), SAMPLE_CORPUS)
  const repo = await openLowdbRepository(join(dir, 'p'))
  const doc = await repo.getDocument('004_ab6bd9ed8857ea67')
  const [first, second] = doc.units.filter((u) => u.kind === 'sentence')
  const stamp = {
    annotator: 'Jörg',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    codebookVersion: 1,
  }
  await repo.putAnnotation(doc.id, first.id, {
    statements: [{ id: 's1', values: { stance: ['critical'], actor: ['trump', 'kim'] } }],
    uncertain: false,
    note: '=Größe "Zitat"',
    ...stamp,
  })
  await repo.putAnnotation(doc.id, second.id, {
    statements: [
      { id: 's1', values: { stance: ['supportive'] } },
      { id: 's2', values: { stance: ['critical'] } },
    ],
    uncertain: true,
    note: '',
    ...stamp,
  })
  sentences = repo.listDocuments().reduce((n, d) => n + d.sentenceCount, 0)
  await exportProject(repo, {
    format: 'jsonl',
    out: join(dir, 'sentences.jsonl'),
    includeNonSentences: false,
  })
  await exportProject(repo, {
    format: 'csv-sentences',
    out: join(dir, 'sentences.csv'),
    bom: true,
    includeNonSentences: false,
  })
  await repo.close()
})
afterAll(() => cleanup())

describe('the export read by pandas', () => {
  it('loads the JSONL with read_json(lines=True) and the CSV with read_csv, umlauts and all', (ctx) => {
    if (!pandas) {
      console.log(
        `skipped "read by pandas": ${PYTHON} with pandas is not installed (apt-get install python3-pandas)`,
      )
      ctx.skip()
    }
    const run = spawnSync(
      PYTHON,
      ['-c', SCRIPT, join(dir, 'sentences.jsonl'), join(dir, 'sentences.csv')],
      {
        encoding: 'utf8',
      },
    )
    expect(run.stderr).toBe('')
    const out = JSON.parse(run.stdout)
    expect(out.rows).toBe(sentences)
    expect(out.columns).toEqual(
      expect.arrayContaining(['document_id', 'sentence_id', 'text', 'start', 'end', 'statements']),
    )
    expect(out.coded).toBe(2)
    expect(out.first_coded_text).toBe('Donald Trump will sich mit Kim Jong Un treffen.')
    expect(out.stances).toEqual(['critical', 'supportive'])
    expect(out.csv_rows).toBe(sentences)
    expect(out.csv_columns).toEqual(
      expect.arrayContaining(['document_id', 'text', 'stance', 'actor']),
    )
    // Neutralised against formula injection, and the German text intact.
    expect(out.note).toBe('\'=Größe "Zitat"')
  })
})
