/**
 * Importing a REFI-QDA project written the way MAXQDA writes one (tests/fixtures/qdpx/README.md):
 * the source becomes a segmented document, the code tree a codebook, each user a coder with a
 * layer of their own, and what could not be mapped is in the report, one line per problem.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatMessage } from '../../electron/contract/messages'
import type { ImportReport } from '../../electron/contract/model'
import { importQdpx } from '../../electron/core/exchange/qdpxImport'
import { mapSourceText } from '../../electron/core/exchange/sourceText'
import { readViewSync } from '../../electron/core/storage/bulkRead'
import {
  openLowdbRepository,
  type LowdbProjectRepository,
} from '../../electron/core/storage/lowdbRepository'
import { readProfiles } from '../../electron/core/team/coders'
import { REPO, tempDir } from './helpers'

const FIXTURE = join(REPO, 'tests/fixtures/qdpx/maxqda-style')
const ANNA = 'qa1b2c3d40000'
const BEN = 'qb1b2c3d40000'

async function zipFolder(dir: string): Promise<Uint8Array> {
  const zip = new JSZip()
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const path = join(d, e.name)
      if (e.isDirectory()) await walk(path)
      else zip.file(relative(dir, path), await readFile(path))
    }
  }
  await walk(dir)
  return zip.generateAsync({ type: 'uint8array' })
}

function lines(report: ImportReport): string[] {
  return report.warnings.map((w) => formatMessage(w.message))
}

describe('qdpx import of a MAXQDA-style project', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let repo: LowdbProjectRepository
  let report: ImportReport

  beforeEach(async () => {
    ;({ dir, cleanup } = await tempDir('qdpx-import-'))
    repo = await openLowdbRepository(join(dir, 'project'), {
      create: { name: 'Leer', codebook: { version: 0, dimensions: [] } },
      lock: false,
    })
    report = await importQdpx(repo, await zipFolder(FIXTURE), 'gipfel.qdpx')
  })
  afterEach(async () => {
    await repo.close()
    await cleanup()
  })

  it('makes the source a segmented document without CR, with its variable as metadata', async () => {
    expect(report.failed).toEqual([])
    expect(report.imported.map((d) => [d.id, d.sentences])).toEqual([['Singapur-Gipfel', 4]])
    const doc = await repo.getDocument('Singapur-Gipfel')
    expect(doc.text).not.toContain('\r')
    expect(doc.text.startsWith('Gipfel in Singapur\n\nDonald Trump')).toBe(true)
    expect(doc.meta.extra).toEqual({ Zeitung: 'Der Tagesspiegel' })
  })

  it('turns two levels of codes into dimensions and labels, and flattens the third', () => {
    const codebook = repo.getCodebook()
    expect(codebook.dimensions.map((d) => [d.name, d.multi, d.labels.map((l) => l.name)])).toEqual([
      ['Haltung', false, ['positiv', 'negativ']],
      ['Akteure', false, ['USA', 'USA / Trump']],
      ['Codes', true, ['Wichtig']],
    ])
    const positiv = codebook.dimensions[0].labels[0]
    expect(positiv.color).toBe('#00aa00')
    expect(positiv.definition).toBe('Der Gipfel erscheint als Erfolg.')
  })

  it('gives each user a layer with the labels of the selections that cover whole sentences', async () => {
    const label = (coder: string, unit: string) => {
      const view = readViewSync(repo.path, 'Singapur-Gipfel', coder)!
      const a = view.annotations[unit]
      return a && { values: a.statements[0].values, note: a.note, annotator: a.annotator }
    }
    const [haltung, akteure] = repo.getCodebook().dimensions
    const [positiv, negativ] = haltung.labels.map((l) => l.id)
    const trump = akteure.labels[1].id
    // Sentences: u20-82 "Donald Trump …", u83-114 "Der Gipfel …", u116-149 "Kritiker …", u150-190 "Sie …".
    expect(label(ANNA, 'u20-82')).toEqual({
      values: { [haltung.id]: [positiv] },
      note: '',
      annotator: 'Anna Schmidt',
    })
    expect(label(ANNA, 'u116-149')).toEqual({
      values: { [haltung.id]: [negativ] },
      note: 'Kritik am Showcharakter',
      annotator: 'Anna Schmidt',
    })
    expect(label(ANNA, 'u150-190')?.values).toEqual({ [haltung.id]: [negativ] })
    expect(label(ANNA, 'u83-114')).toBeUndefined()
    expect(label(BEN, 'u20-82')?.values).toEqual({ [akteure.id]: [trump] })
    expect(label(BEN, 'u83-114')).toBeUndefined()
    const { profiles } = await readProfiles(repo.path)
    expect(profiles.get(ANNA)?.name).toBe('Anna Schmidt')
    expect(profiles.get(BEN)?.name).toBe('Ben Müller')
  })

  it('reports every selection it could not map, and why', () => {
    const said = lines(report)
    const expected = [
      'The code "Trump" lies deeper than two levels; it became the label "USA / Trump" of "Akteure".',
      '1 code without sub-codes became a label of the dimension "Codes".',
      '"Singapur-Gipfel", characters 85–95: "positiv" by Ben Müller covers only part of the sentence “Der Gipfel gilt als historisch.”; the sentence was not given the label.',
      '"Singapur-Gipfel", characters 0–18: "Wichtig" by Anna Schmidt covers no sentence (only a heading, a byline or blank text); it was not mapped.',
      '"Singapur-Gipfel", characters 85–116: coded with "Haltung", which holds sub-codes and became a dimension; it was not mapped.',
      '"Singapur-Gipfel", characters 22–84: a coding names a code that is not in the code system; it was not mapped.',
      '"Singapur-Gipfel", characters 96–138: "negativ" by Ben Müller covers only part of the sentence “Der Gipfel gilt als historisch.”; the sentence was not given the label.',
      '"Singapur-Gipfel", characters 96–138: "negativ" by Ben Müller covers only part of the sentence “Kritiker sprechen von einer Show.”; the sentence was not given the label.',
      '"Singapur-Gipfel": 1 coding of the whole source (without a selection) was not mapped.',
    ]
    for (const line of expected) expect(said).toContain(line)
    expect(said.filter((l) => /characters|whole source/.test(l))).toHaveLength(7)
    // And in German, for the analyst who works in German.
    expect(
      formatMessage(
        report.warnings.find((w) => w.message.code === 'qdpx.partialOverlap')!.message,
        'de',
      ),
    ).toContain('deckt nur einen Teil des Satzes')
  })

  it('changes nothing when the same project comes in again', async () => {
    const again = await importQdpx(repo, await zipFolder(FIXTURE), 'gipfel.qdpx')
    expect(again.imported).toEqual([])
    expect(again.skipped.map((s) => s.existingId)).toEqual(['Singapur-Gipfel'])
    expect(lines(again)).toContain(
      '4 sentences already had labels in the layers the project’s codings were meant for; they were kept and the codings not applied.',
    )
    expect(repo.getCodebook().dimensions.flatMap((d) => d.labels)).toHaveLength(5)
  })
})

describe('positions in a source as stored in the project', () => {
  const raw = '  Titel\r\n\r\nDie Schu\u0308ler kamen. Sie gingen.\r\n'
  const at = (text: string, from: string) => [...raw.replace(/\r\n/g, text)].join('').indexOf(from)

  it('count CRLF as two characters, NFD marks as their own, and land on the stored text', () => {
    const mapped = mapSourceText(raw)
    expect(mapped.text).toBe('Titel\n\nDie Schüler kamen. Sie gingen.')
    const start = [...raw].indexOf('S', 10)
    expect(mapped.text.slice(mapped.toText(start))).toBe('Schüler kamen. Sie gingen.')
    const sie = [...raw].join('').indexOf('Sie')
    expect(mapped.text.slice(mapped.toText(sie), mapped.toText(sie + 11))).toBe('Sie gingen.')
    expect(mapped.toText(0)).toBe(0)
  })

  it('count CRLF as one for ATLAS.ti', () => {
    const mapped = mapSourceText(raw, { crlfAsOne: true })
    const sie = at('\n', 'Sie')
    expect(mapped.text.slice(mapped.toText(sie), mapped.toText(sie + 11))).toBe('Sie gingen.')
  })
})

describe('a file that is not a REFI-QDA project', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let repo: LowdbProjectRepository
  beforeEach(async () => {
    ;({ dir, cleanup } = await tempDir('qdpx-bad-'))
    repo = await openLowdbRepository(join(dir, 'project'), {
      create: { name: 'Leer', codebook: { version: 0, dimensions: [] } },
      lock: false,
    })
  })
  afterEach(async () => {
    await repo.close()
    await cleanup()
  })

  it('is refused with a reason and changes nothing', async () => {
    const notZip = await importQdpx(repo, new TextEncoder().encode('kein Zip'), 'kaputt.qdpx')
    const empty = new JSZip()
    empty.file('sources/a.txt', 'Text.')
    const noQde = await importQdpx(
      repo,
      await empty.generateAsync({ type: 'uint8array' }),
      'leer.qdpx',
    )
    expect(formatMessage(notZip.failed[0].reason)).toMatch(
      /^kaputt\.qdpx is not a REFI-QDA project \(\.qdpx\): /,
    )
    expect(formatMessage(noQde.failed[0].reason)).toBe('leer.qdpx holds no project.qde.')
    expect(repo.listDocuments()).toEqual([])
    expect(repo.getCodebook().dimensions).toEqual([])
  })

  it('refuses a code system the codebook cannot hold before writing anything', async () => {
    const g = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
    const codes = Array.from(
      { length: 51 },
      (_, i) =>
        `<Code guid="${g(2 * i + 1)}" name="D${i}" isCodable="false"><Code guid="${g(2 * i + 2)}" name="positiv" isCodable="true"/></Code>`,
    ).join('')
    const zip = new JSZip()
    zip.file(
      'project.qde',
      `<?xml version="1.0" encoding="utf-8"?><Project name="x" xmlns="urn:QDA-XML:project:1.0"><CodeBook><Codes>${codes}</Codes></CodeBook><Sources><TextSource guid="${g(999)}" name="a" plainTextPath="internal://a.txt"/></Sources></Project>`,
    )
    zip.file('Sources/a.txt', 'Ein Satz.')
    const report = await importQdpx(
      repo,
      await zip.generateAsync({ type: 'uint8array' }),
      'gross.qdpx',
    )
    expect(report.failed.map((f) => f.reason.code)).toEqual(['qdpx.codebookRefused'])
    expect(repo.listDocuments()).toEqual([])
    expect(repo.getCodebook().dimensions).toEqual([])
  })

  it('reads Sources/ as NVivo writes it, cases, inline texts and repeated names, and keeps label ids unique across dimensions', async () => {
    const g = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
    const zip = new JSZip()
    zip.file(
      'project.qde',
      `<?xml version="1.0" encoding="utf-8"?><Project name="x" xmlns="urn:QDA-XML:project:1.0"><CodeBook><Codes>` +
        `<Code guid="${g(1)}" name="Ton" isCodable="false"><Code guid="${g(2)}" name="positiv" isCodable="true"/></Code>` +
        `<Code guid="${g(3)}" name="Bewertung" isCodable="false"><Code guid="${g(4)}" name="positiv" isCodable="true"/></Code>` +
        `</Codes></CodeBook><Variables><Variable guid="${g(31)}" name="source" typeOfVariable="Text"/></Variables>` +
        `<Sources><TextSource guid="${g(9)}" name="nvivo" plainTextPath="internal://${g(9)}.txt">` +
        `<PlainTextSelection guid="${g(10)}" startPosition="0" endPosition="9"><Coding guid="${g(11)}"><CodeRef targetGUID="${g(4)}"/></Coding></PlainTextSelection>` +
        `</TextSource><TextSource guid="${g(20)}" name="nvivo"><PlainTextContent>Ein anderer Text.</PlainTextContent></TextSource></Sources>` +
        `<Cases><Case guid="${g(30)}" name="Fall"><VariableValue><VariableRef targetGUID="${g(31)}"/><TextValue>taz</TextValue></VariableValue><SourceRef targetGUID="${g(9)}"/></Case></Cases>` +
        `</Project>`,
    )
    zip.file(`Sources/${g(9)}.txt`, 'Ein Satz. Noch einer.')
    const report = await importQdpx(
      repo,
      await zip.generateAsync({ type: 'uint8array' }),
      'nvivo.qdpx',
    )
    // Two sources of one name become two documents; a case's variable reaches its source.
    expect(report.imported.map((d) => d.id)).toEqual(['nvivo', 'nvivo-00000000'])
    expect((await repo.getDocument('nvivo')).meta.source).toBe('taz')
    const [ton, bewertung] = repo.getCodebook().dimensions
    expect([ton.labels[0].id, bewertung.labels[0].id]).toEqual(['positiv', 'positiv-2'])
    // Without users, the codings belong to whoever imports.
    const a = (await repo.getAnnotations('nvivo'))['u0-9']
    expect(a.statements[0].values).toEqual({ [bewertung.id]: ['positiv-2'] })
  })
})
