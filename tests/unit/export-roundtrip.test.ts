import { spawnSync } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SentenceAnnotation, Statement } from '../../electron/contract/model'
import { parseCodebookFile } from '../../electron/core/codebook/codebookFile'
import { importContents } from '../../electron/core/corpus/importer'
import { exportProject } from '../../electron/core/export/exporter'
import { importAnnotatedExport, isAnnotatedExportFile } from '../../electron/core/export/roundTrip'
import {
  openLowdbRepository,
  type LowdbProjectRepository,
} from '../../electron/core/storage/lowdbRepository'
import { createSampleProject } from '../../electron/core/workbench'
import { REPO, SAMPLE_CORPUS, tempDir } from './helpers'
import { formatMessage } from '../../electron/contract/messages'

function annotation(
  statements: Statement[],
  extra: Partial<SentenceAnnotation> = {},
): SentenceAnnotation {
  return {
    statements,
    uncertain: false,
    note: '',
    annotator: 'Anna',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-02T11:30:00.000Z',
    codebookVersion: 1,
    ...extra,
  }
}

/** The sample corpus with annotations that exercise every field an export must carry. */
async function annotatedSampleProject(dir: string): Promise<LowdbProjectRepository> {
  await createSampleProject(dir, SAMPLE_CORPUS)
  const repo = await openLowdbRepository(dir)
  const [first, second, third] = repo.listDocuments().map((d) => d.id)
  const doc = await repo.getDocument(first)
  const sentences = doc.units.filter((u) => u.kind === 'sentence')
  await repo.putAnnotation(
    first,
    sentences[0].id,
    annotation([
      {
        id: 's1',
        values: { actor: ['kim', 'trump'], stance: ['critical'], argument: ['denuclearisation'] },
        provenance: { trump: 'suggested-accepted' },
      },
      {
        id: 's2',
        values: { stance: ['supportive'], actor: ['experts'], argument: ['sanctions', 'war-risk'] },
      },
    ]),
  )
  await repo.putAnnotation(
    first,
    sentences[1].id,
    annotation([{ id: 's1', values: { stance: ['neutral'] } }], {
      uncertain: true,
      note: 'Zitat: "Er sagte <b>nein</b>" & ging.\nZweite Zeile – Größe, Übermaß, ß',
      annotator: 'Bernd',
    }),
  )
  await repo.putAnnotation(
    first,
    sentences[2].id,
    annotation(
      [
        {
          id: 's1',
          values: { argument: ['sanctions'] },
          provenance: { sanctions: 'suggested-accepted' },
        },
      ],
      {
        note: '=HYPERLINK("http://example.com","klick")',
        needsReview: 'The sentence was split; check its labels.',
        codebookVersion: 0,
      },
    ),
  )
  // A note-only annotation: one empty statement, as the editor stores it.
  const other = await repo.getDocument(second)
  await repo.putAnnotation(
    second,
    other.units[3].id,
    annotation([{ id: 's1', values: {} }], { note: '+49 30 1234' }),
  )
  // Marked done without a stance, with a suggestion dismissed as a false positive.
  await repo.putAnnotation(
    second,
    other.units[4].id,
    annotation([{ id: 's1', values: { actor: ['kim'] } }], { done: true, dismissed: ['trump'] }),
  )
  // An included heading with a label, and free metadata, set through replaceDocument.
  const third_ = await repo.getDocument(third)
  const heading = third_.units.findIndex((u) => u.kind !== 'sentence')
  const units = third_.units.map((u, i) => (i === heading ? { ...u, included: true } : u))
  await repo.replaceDocument(
    {
      ...third_,
      units,
      meta: { ...third_.meta, genre: 'Kommentar', extra: { Ressort: 'Politik', 'x-key': 'a"b' } },
    },
    {
      [units[heading].id]: annotation([{ id: 's1', values: { stance: ['mixed'] } }], {
        note: '-1',
      }),
    },
  )
  return repo
}

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir('export-roundtrip-')))
afterEach(() => cleanup())

describe('the round trip through an annotated export', () => {
  it('is what the import of the app does with an exported file, dropped or chosen', async () => {
    const source = await annotatedSampleProject(join(dir, 'source'))
    await exportProject(source, { format: 'jsonl', out: join(dir, 'sentences.jsonl') })
    const target = await openLowdbRepository(join(dir, 'target'), {
      create: { name: source.name, codebook: source.getCodebook() },
    })
    const bytes = await readFile(join(dir, 'sentences.jsonl'))
    const report = await importContents(target, [{ name: 'sentences.jsonl', bytes }])
    expect(report.failed).toEqual([])
    expect(report.imported).toHaveLength(source.listDocuments().length)
    for (const { id } of source.listDocuments())
      expect(await target.getAnnotations(id)).toStrictEqual(await source.getAnnotations(id))
    await target.close()
    await source.close()
  })

  it('restores documents and annotations exactly, and exports byte-identical files again', async () => {
    const source = await annotatedSampleProject(join(dir, 'source'))
    const first = await exportProject(source, { format: 'all', out: join(dir, 'first') })
    expect(first.annotated).toBe(4)
    const codebook = parseCodebookFile(await readFile(join(dir, 'first', 'codebook.json'), 'utf8'))
    expect(codebook).toStrictEqual(source.getCodebook()) // colours, hotkeys, aliases and all

    const target = await openLowdbRepository(join(dir, 'target'), {
      create: { name: source.name, codebook },
    })
    const report = await importAnnotatedExport(target, join(dir, 'first', 'sentences.jsonl'))
    expect(report.failed).toEqual([])
    expect(report.warnings).toEqual([])
    expect(report.imported.map((d) => d.id)).toEqual(source.listDocuments().map((d) => d.id))
    for (const { id } of source.listDocuments()) {
      expect(await target.getDocument(id)).toStrictEqual(await source.getDocument(id))
      expect(await target.getAnnotations(id)).toStrictEqual(await source.getAnnotations(id))
    }
    expect(target.listDocuments()).toStrictEqual(source.listDocuments())

    await exportProject(target, { format: 'all', out: join(dir, 'second') })
    const names = (await readdir(join(dir, 'first'))).sort()
    expect(names).toEqual([
      'README.md',
      'codebook.json',
      'network.graphml',
      'project.qdpx',
      'sentences.csv',
      'sentences.jsonl',
      'statements.csv',
    ])
    for (const name of names)
      expect(await readFile(join(dir, 'second', name)), name).toEqual(
        await readFile(join(dir, 'first', name)),
      )
    await source.close()
    await target.close()
  })

  it('re-imports an exported codebook only when it is valid, saying what is wrong', async () => {
    const source = await annotatedSampleProject(join(dir, 'source'))
    await exportProject(source, { format: 'codebook', out: join(dir, 'codebook.json') })
    const text = await readFile(join(dir, 'codebook.json'), 'utf8')
    expect(parseCodebookFile(`\ufeff${text}`)).toStrictEqual(source.getCodebook())
    expect(() => parseCodebookFile(text.replace('"#2e7d32"', '"green"'))).toThrow(
      /dimensions\.0\.labels\.0\.color: a colour is written #rrggbb/,
    )
    expect(() => parseCodebookFile(text.slice(0, 100))).toThrow(/not valid JSON/)
    await source.close()
  })

  it('refuses to rebuild documents from an export that leaves units out', async () => {
    const source = await annotatedSampleProject(join(dir, 'source'))
    const out = join(dir, 'annotated.jsonl')
    await exportProject(source, { format: 'jsonl', out, onlyAnnotated: true })
    const target = await openLowdbRepository(join(dir, 'target'), {
      create: { name: 'T', codebook: source.getCodebook() },
    })
    const report = await importAnnotatedExport(target, out)
    expect(report.imported).toEqual([])
    expect(report.failed.length).toBe(3) // every annotated document lacks its unlabelled units
    expect(formatMessage(report.failed[0].reason)).toMatch(
      /the export holds \d+ of the document's \d+ units/,
    )
    expect(target.listDocuments()).toEqual([])
    await source.close()
    await target.close()
  })

  it('skips documents already in the project and reports lines that are not JSON', async () => {
    const source = await annotatedSampleProject(join(dir, 'source'))
    const out = join(dir, 'all.jsonl')
    await exportProject(source, { format: 'jsonl', out })
    const text = await readFile(out, 'utf8')
    const report = await importAnnotatedExport(
      source,
      new TextEncoder().encode(`${text}{broken\n`),
      { name: 'x.jsonl' },
    )
    expect(report.imported).toEqual([])
    expect(report.skipped.map((s) => s.existingId)).toEqual(source.listDocuments().map((d) => d.id))
    expect(report.failed.map((f) => ({ ...f, reason: formatMessage(f.reason) }))).toEqual([
      { origin: `x.jsonl:${text.split('\n').length}`, reason: 'the line is not valid JSON' },
    ])
    await source.close()
  })

  it(
    'is what the CLI import restores, with the codebook exported beside it',
    { timeout: 60_000 },
    async () => {
      const source = await annotatedSampleProject(join(dir, 'source'))
      await exportProject(source, { format: 'all', out: join(dir, 'export') })
      const file = join(dir, 'export', 'sentences.jsonl')
      expect(await isAnnotatedExportFile(file)).toBe(true)
      expect(await isAnnotatedExportFile(join(SAMPLE_CORPUS, 'codebook.json'))).toBe(false)
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          join(REPO, 'electron', 'cli.ts'),
          'import',
          '--project',
          join(dir, 'cli'),
          '--json',
          file,
        ],
        { cwd: REPO, encoding: 'utf8' },
      )
      expect(r.stderr).toBe('')
      expect(r.status).toBe(0)
      expect(JSON.parse(r.stdout).imported).toHaveLength(5)
      const restored = await openLowdbRepository(join(dir, 'cli'))
      expect(restored.getCodebook()).toStrictEqual(source.getCodebook())
      for (const { id } of source.listDocuments())
        expect(await restored.getAnnotations(id)).toStrictEqual(await source.getAnnotations(id))
      await restored.close()
      await source.close()
    },
  )
})
