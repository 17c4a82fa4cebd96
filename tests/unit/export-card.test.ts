import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Codebook, SentenceAnnotation } from '../../electron/contract/model'
import { buildDocument } from '../../electron/core/corpus/document'
import { escapeMarkdown } from '../../electron/core/export/card'
import { exportProject } from '../../electron/core/export/exporter'
import {
  openLowdbRepository,
  type LowdbProjectRepository,
} from '../../electron/core/storage/lowdbRepository'
import { smallCodebook, tempDir } from './helpers'

/** A codebook whose texts try to break out of Markdown and HTML. */
const hostile: Codebook = {
  ...smallCodebook,
  dimensions: smallCodebook.dimensions.map((d) =>
    d.id !== 'stance'
      ? d
      : {
          ...d,
          labels: d.labels.map((l) =>
            l.id === 'pro'
              ? {
                  ...l,
                  name: '<script>alert(1)</script> | *pro*',
                  definition: 'Für [den Gipfel](javascript:x)\n# kein Titel',
                  examples: ['`code` & <b>'],
                }
              : l,
          ),
        },
  ),
}

function coded(stance: string, annotator: string, codebookVersion = 1): SentenceAnnotation {
  return {
    statements: [{ id: 's1', values: { stance: [stance] } }],
    uncertain: false,
    note: '',
    annotator,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    codebookVersion,
  }
}

let dir: string
let cleanup: () => Promise<void>
let repo: LowdbProjectRepository
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('export-card-'))
  repo = await openLowdbRepository(join(dir, 'project'), {
    create: { name: 'Gipfel_2019 <i>', codebook: hostile },
  })
  const doc = buildDocument({
    id: 'doc',
    text: 'Titelzeile\n\nEins ist gut. Zwei ist schlecht. Drei ist gut.',
    meta: {},
  })
  await repo.addDocument(doc)
  const [, a, b, c] = doc.units.map((u) => u.id)
  await repo.putAnnotation('doc', a, coded('pro', 'Anna'))
  await repo.putAnnotation('doc', b, coded('contra', 'Bernd | <x>', 0))
  await repo.putAnnotation('doc', c, coded('pro', 'Anna'))
})
afterEach(async () => {
  await repo.close()
  await cleanup()
})

describe('the dataset card', () => {
  it('describes the corpus, the label distribution, annotators and codebook versions', async () => {
    const out = join(dir, 'README.md')
    await exportProject(repo, { format: 'card', out, onlyAnnotated: false })
    const card = await readFile(out, 'utf8')
    expect(card).toMatch(/^# Gipfel\\_2019 &lt;i&gt;\n/)
    expect(card).toContain('| Documents | 1 |')
    expect(card).toContain('| Units exported | 4 |')
    expect(card).toContain('| Sentences (annotatable units) | 3 |')
    expect(card).toContain('| Annotated sentences | 3 |')
    expect(card).toContain(
      '| &lt;script&gt;alert(1)&lt;/script&gt; \\| \\*pro\\* | `pro` | 2 | 2 | 66.7 % |',
    )
    expect(card).toContain('| contra | `contra` | 1 | 1 | 33.3 % |')
    expect(card).toContain('| Anna | 2 |')
    expect(card).toContain('| Bernd \\| &lt;x&gt; | 1 |')
    expect(card).toMatch(/\| 0 \| 1 \|\n\| 1 \| 2 \|/)
    expect(card).toContain('Für \\[den Gipfel\\](javascript:x) \\# kein Titel')
    expect(card).toContain('  - Example: \\`code\\` &amp; &lt;b&gt;')
    expect(card).toContain('df = pd.read_json("sentences.jsonl", lines=True)')
    expect(card).toContain('ds = load_dataset("json", data_files="sentences.jsonl")')
    expect(card).not.toMatch(/<script>|<b>|<i>/)
  })

  it('lists the export options and the split files to load', async () => {
    const out = join(dir, 'README.md')
    await exportProject(repo, {
      format: 'card',
      out,
      onlyAnnotated: true,
      annotator: 'Anna',
      split: { train: 0.5, dev: 0.25, test: 0.25, seed: 4 },
      documents: { meta: { field: 'title', value: '*' } },
    })
    const card = await readFile(out, 'utf8')
    expect(card).toContain('| Documents | title contains "\\*" |')
    expect(card).toContain('| Only annotated sentences | yes |')
    expect(card).toContain('| Annotator | Anna |')
    expect(card).toContain('| Split | train 0.5 / dev 0.25 / test 0.25, seed 4, by document |')
    expect(card).toContain(
      'data_files={"train": "sentences.train.jsonl", "dev": "sentences.dev.jsonl", "test": "sentences.test.jsonl"}',
    )
  })

  it('is written in German when the export asks for it, escaped the same way', async () => {
    const out = join(dir, 'LIESMICH.md')
    await exportProject(repo, {
      format: 'card',
      out,
      language: 'de',
      delimiter: ';',
      onlyAnnotated: true,
      documents: { meta: { field: 'id', value: 'DOC' } },
      split: { train: 0.5, dev: 0.25, test: 0.25, seed: 4 },
    })
    const card = await readFile(out, 'utf8')
    expect(card).toMatch(
      /^# Gipfel\\_2019 &lt;i&gt;\n\nSätze aus Presseartikeln, codiert nach Haltung/,
    )
    for (const line of [
      '## Korpus',
      '| Dokumente | 1 |',
      '| Exportierte Einheiten | 3 |',
      '| – Satz | 3 |',
      '| Sätze (codierbare Einheiten) | 3 |',
      '| Codierte Sätze | 3 |',
      '## Verteilung der Labels',
      '| Label | Kennung | Aussagen | Sätze | Anteil an den codierten Sätzen |',
      '| &lt;script&gt;alert(1)&lt;/script&gt; \\| \\*pro\\* | `pro` | 2 | 2 | 66,7 % |',
      '## Definitionen der Labels',
      '  - Beispiel: \\`code\\` &amp; &lt;b&gt;',
      '| Codiert von | Codierte Sätze |',
      'Das mit diesem Datensatz exportierte Codebuch hat die Version 1.',
      '| Dokumente | id enthält „DOC“ |',
      '| Nur codierte Sätze | ja |',
      '| Überschriften, Autorenzeilen, Bildunterschriften, Metazeilen | enthalten |',
      '| Aufteilung | train 0.5 / dev 0.25 / test 0.25, Seed 4, nach Dokumenten |',
      '| CSV-Trennzeichen | Semikolon |',
      '| Netzwerk-Dimensionen | Akteur `actor`, Argument –, Haltung `stance` |',
      '## Felder der JSONL-Datei',
    ])
      expect(card).toContain(line)
    // Code and field names stay as they are.
    expect(card).toContain('df = pd.read_json("sentences.jsonl", lines=True)')
    expect(card).not.toMatch(/<script>|<b>|<i>|Label distribution|Export options/)
  })

  it('loads only the split files that were written', async () => {
    const out = join(dir, 'alles')
    const split = { train: 0.8, dev: 0.1, test: 0.1, seed: 1 }
    const result = await exportProject(repo, { format: 'all', out, split })
    const card = await readFile(join(out, 'README.md'), 'utf8')
    // One document: all of it is train, and dev and test have no files.
    expect(card).toContain(
      'ds = load_dataset("json", data_files={"train": "sentences.train.jsonl"})',
    )
    expect(card).toContain('- `sentences.train.jsonl`')
    expect(card).not.toContain('sentences.dev.jsonl')
    expect(result.files.map((f) => f.path.slice(out.length + 1)).sort()).toEqual([
      'README.md',
      'codebook.json',
      'project.qdpx',
      'sentences.csv',
      'sentences.jsonl',
      'sentences.train.csv',
      'sentences.train.jsonl',
      'statements.csv',
      'statements.train.csv',
    ])
  })

  it('escapes text for Markdown and HTML on one line', () => {
    expect(escapeMarkdown('a_b *c* [d](e) <f> & g | h\n\ni ~j~ `k` #l \\m')).toBe(
      'a\\_b \\*c\\* \\[d\\](e) &lt;f&gt; &amp; g \\| h i \\~j\\~ \\`k\\` \\#l \\\\m',
    )
  })
})
