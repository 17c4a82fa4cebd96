import { readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type {
  Codebook,
  SentenceAnnotation,
  SentenceAnnotationInput,
} from '../../electron/contract/model'
import {
  RESERVED_KEYS,
  codebookChanged,
  codebookProblems,
  labelForKey,
} from '../../electron/common/codebookRules'
import { formatMessage } from '../../electron/contract/messages'
import { parseCodebookFile, serializeCodebook } from '../../electron/core/codebook/codebookFile'
import { stripRemoved } from '../../electron/core/codebook/impact'
import { ProjectService } from '../../electron/core/project'
import { openSettings } from '../../electron/core/settings'
import {
  openLowdbRepository,
  type LowdbProjectRepository,
} from '../../electron/core/storage/lowdbRepository'
import { SAMPLE_CORPUS, readJsonFromDisk, sampleDocument, smallCodebook, tempDir } from './helpers'

/** The problems as the analyst reads them in English. */
function problemsInEnglish(codebook: Codebook) {
  return codebookProblems(codebook).map((p) => ({ ...p, message: formatMessage(p.message) }))
}

/** A deep copy to edit, so no test changes the shared fixture. */
function copy(codebook: Codebook = smallCodebook): Codebook {
  return structuredClone(codebook)
}

function withHotkey(labelId: string, hotkey: string, codebook: Codebook = copy()): Codebook {
  for (const d of codebook.dimensions)
    for (const l of d.labels) if (l.id === labelId) l.hotkey = hotkey
  return codebook
}

describe('codebookProblems', () => {
  it('finds nothing wrong with the shipped default codebook', async () => {
    const shipped = JSON.parse(
      await readFile(join(SAMPLE_CORPUS, 'codebook.json'), 'utf8'),
    ) as Codebook
    expect(codebookProblems(shipped)).toEqual([])
  })

  it('reports a hotkey collision on the later label, naming the label and dimension that hold the key', () => {
    expect(problemsInEnglish(withHotkey('trump', '1'))).toEqual([
      {
        message: 'The key "1" is already taken by "pro" (Stance); choose another key for "Trump".',
        dimensionId: 'actor',
        labelId: 'trump',
      },
    ])
  })

  it('treats upper and lower case as the same key', () => {
    const problems = problemsInEnglish(withHotkey('kim', 'T'))
    expect(problems.map((p) => p.labelId)).toEqual(['kim'])
    expect(problems[0].message).toContain('"t" is already taken by "Trump" (Actor)')
  })

  it('lets any number of labels go without a hotkey', () => {
    const codebook = copy()
    for (const d of codebook.dimensions) for (const l of d.labels) l.hotkey = ''
    expect(codebookProblems(codebook)).toEqual([])
  })

  it.each(RESERVED_KEYS)('refuses the command key %j as a label hotkey', (key) => {
    expect(problemsInEnglish(withHotkey('contra', key))).toEqual([
      {
        message: `The key "${key}" of "contra" is reserved for a command.`,
        dimensionId: 'stance',
        labelId: 'contra',
      },
    ])
  })

  it('refuses a label id used in two dimensions and two dimensions with one id', () => {
    const codebook = copy()
    codebook.dimensions[1].labels[1] = {
      ...codebook.dimensions[1].labels[1],
      id: 'pro',
      hotkey: 'q',
    }
    codebook.dimensions.push({ id: 'stance', name: 'Stance again', multi: false, labels: [] })
    expect(problemsInEnglish(codebook).map((p) => p.message)).toEqual([
      'The label id "pro" is used twice (in Stance and Actor).',
      'Two dimensions share the id "stance".',
    ])
  })
})

describe('labelForKey', () => {
  it('finds the label of a key in any case, and nothing for a free key', () => {
    expect(labelForKey(smallCodebook, 'K')).toMatchObject({
      dimension: { id: 'actor' },
      label: { id: 'kim' },
    })
    expect(labelForKey(smallCodebook, '2')?.label.id).toBe('contra')
    expect(labelForKey(smallCodebook, 'q')).toBeUndefined()
  })
})

describe('codebookChanged', () => {
  it('ignores the version and sees renames, recolourings and reorderings', () => {
    expect(codebookChanged(smallCodebook, { ...copy(), version: 7 })).toBe(false)
    const renamed = copy()
    renamed.dimensions[0].labels[0].name = 'in favour'
    expect(codebookChanged(smallCodebook, renamed)).toBe(true)
    const recoloured = copy()
    recoloured.dimensions[0].labels[0].color = '#123456'
    expect(codebookChanged(smallCodebook, recoloured)).toBe(true)
    const reordered = copy()
    reordered.dimensions.reverse()
    expect(codebookChanged(smallCodebook, reordered)).toBe(true)
  })
})

describe('stripRemoved', () => {
  const annotation: SentenceAnnotation = {
    statements: [
      {
        id: 's1',
        values: { stance: ['pro'], actor: ['trump', 'kim'] },
        provenance: { trump: 'suggested-accepted' },
      },
      { id: 's2', values: { stance: ['contra'], actor: ['trump'] } },
    ],
    uncertain: true,
    note: 'unclear speaker',
    annotator: 'Ana',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    codebookVersion: 1,
  }

  it('removes deleted labels with their provenance and keeps everything else', () => {
    expect(stripRemoved(annotation, new Set(['trump']), new Set())).toEqual({
      ...annotation,
      statements: [
        { id: 's1', values: { stance: ['pro'], actor: ['kim'] } },
        { id: 's2', values: { stance: ['contra'] } },
      ],
    })
  })

  it('removes every value of a deleted dimension', () => {
    expect(stripRemoved(annotation, new Set(), new Set(['actor']))?.statements).toEqual([
      { id: 's1', values: { stance: ['pro'] }, provenance: { trump: 'suggested-accepted' } },
      { id: 's2', values: { stance: ['contra'] } },
    ])
  })

  it('returns nothing when the annotation does not use what was removed', () => {
    expect(stripRemoved(annotation, new Set(['neutral']), new Set(['argument']))).toBeUndefined()
  })
})

describe('codebook files', () => {
  it('reads back what it writes, also with a byte-order mark or wrapped as { codebook }', () => {
    const text = serializeCodebook(smallCodebook)
    expect(parseCodebookFile(text)).toEqual(smallCodebook)
    expect(parseCodebookFile(`\uFEFF${text}`)).toEqual(smallCodebook)
    expect(parseCodebookFile(JSON.stringify({ codebook: smallCodebook }))).toEqual(smallCodebook)
  })

  it('refuses broken JSON, a wrong shape and a codebook that breaks a rule, saying why', () => {
    expect(() => parseCodebookFile('{ "dimensions": [')).toThrow(
      /^This is not a codebook: the file is not valid JSON/,
    )
    const badColour = copy()
    badColour.dimensions[0].labels[0].color = 'green'
    expect(() => parseCodebookFile(JSON.stringify(badColour))).toThrow(
      /^This is not a valid codebook: .*#rrggbb/,
    )
    expect(() => parseCodebookFile(JSON.stringify(withHotkey('kim', 't')))).toThrow(
      'The codebook breaks a rule: The key "t" is already taken by "Trump" (Actor); choose another key for "Kim".',
    )
  })
})

describe('saving a codebook in a project', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let repo: LowdbProjectRepository
  let service: ProjectService
  const doc = sampleDocument()
  const [first, second, third] = doc.units.map((u) => u.id)
  // Every save writes a new codebook version file (core/team/codebookVersions.ts): the newest.
  const codebookFile = () => {
    const versions = readdirSync(join(dir, 'p', 'codebook')).filter((f) => f.endsWith('.json'))
    return join(dir, 'p', 'codebook', versions.sort().at(-1) as string)
  }
  const annotationsFile = () => join(dir, 'p', 'annotations', 'solo', `${doc.id}.json`)

  function input(...statements: Array<Record<string, string[]>>): SentenceAnnotationInput {
    return {
      statements: statements.map((values, i) => ({ id: `s${i + 1}`, values })),
      uncertain: false,
      note: '',
    }
  }

  async function onDisk(): Promise<Record<string, SentenceAnnotation>> {
    return (
      await readJsonFromDisk<{ annotations: Record<string, SentenceAnnotation> }>(annotationsFile())
    ).annotations
  }

  beforeEach(async () => {
    ;({ dir, cleanup } = await tempDir('workbench-codebook-'))
    repo = await openLowdbRepository(join(dir, 'p'), { create: { name: 'T', codebook: copy() } })
    await repo.addDocument(doc)
    const settings = await openSettings(join(dir, 'settings.json'))
    await settings.update({ annotator: 'Ana' })
    service = new ProjectService(repo, settings, () => new Date('2026-03-01T10:00:00Z'))
    await service.saveAnnotation(
      doc.id,
      first,
      input({ stance: ['pro'], actor: ['trump', 'kim'] }, { actor: ['trump'] }),
    )
    await service.saveAnnotation(doc.id, second, input({ stance: ['contra'], actor: ['trump'] }))
    await service.saveAnnotation(doc.id, third, input({ stance: ['pro'] }))
  })
  afterEach(async () => {
    await repo.close()
    await cleanup()
  })

  it('keeps every annotation through a rename and raises the version by one', async () => {
    const renamed = copy()
    renamed.dimensions[1].labels[0].name = 'Donald Trump'
    expect(await service.codebookImpact(renamed)).toEqual({
      removedLabels: [],
      removedDimensions: [],
    })
    const before = await onDisk()
    expect(await service.saveCodebook(renamed)).toMatchObject({ version: 2 })
    expect(await onDisk()).toEqual(before)
    const stored = (await readJsonFromDisk<{ codebook: Codebook }>(codebookFile())).codebook
    expect(stored.version).toBe(2)
    expect(stored.dimensions[1].labels[0]).toMatchObject({ id: 'trump', name: 'Donald Trump' })
  })

  it('leaves the version alone when nothing changed, whatever version the caller sends', async () => {
    expect(await service.saveCodebook({ ...copy(), version: 1 })).toMatchObject({ version: 1 })
    const recoloured = { ...withHotkey('kim', 'j'), version: 99 }
    expect((await service.saveCodebook(recoloured)).version).toBe(2)
    expect((await readJsonFromDisk<{ codebook: Codebook }>(codebookFile())).codebook.version).toBe(
      2,
    )
  })

  it('refuses a codebook with a hotkey collision and stores nothing', async () => {
    await expect(service.saveCodebook(withHotkey('kim', '1'))).rejects.toThrow(
      'The key "1" is already taken by "pro" (Stance); choose another key for "Kim".',
    )
    expect((await readJsonFromDisk<{ codebook: Codebook }>(codebookFile())).codebook).toEqual(
      smallCodebook,
    )
  })

  it('says how many sentences and statements lose a deleted label, then strips it on save', async () => {
    const next = copy()
    next.dimensions[1].labels = next.dimensions[1].labels.filter((l) => l.id !== 'trump')
    next.dimensions[0].labels = next.dimensions[0].labels.filter((l) => l.id !== 'contra')
    expect(await service.codebookImpact(next)).toEqual({
      removedLabels: [
        { dimension: 'Stance', label: 'contra', statements: 1, sentences: 1 },
        { dimension: 'Actor', label: 'Trump', statements: 3, sentences: 2 },
      ],
      removedDimensions: [],
    })
    // Asking changes nothing.
    expect((await onDisk())[first].statements[1].values).toEqual({ actor: ['trump'] })

    await service.saveCodebook(next)
    const stored = await onDisk()
    expect(stored[first].statements.map((s) => s.values)).toEqual([
      { stance: ['pro'], actor: ['kim'] },
      {},
    ])
    expect(stored[second].statements.map((s) => s.values)).toEqual([{}])
    expect(stored[third].statements.map((s) => s.values)).toEqual([{ stance: ['pro'] }])
    expect(stored[first].codebookVersion).toBe(1)
    expect(service.listDocuments()[0].annotatedCount).toBe(2)
  })

  it('says how many statements lose a deleted dimension, then strips its values on save', async () => {
    const next = copy()
    next.dimensions = next.dimensions.filter((d) => d.id !== 'actor')
    const impact = await service.codebookImpact(next)
    expect(impact.removedDimensions).toEqual([{ dimension: 'Actor', statements: 3 }])
    expect(impact.removedLabels.map((l) => l.label)).toEqual(['Trump', 'Kim'])
    await service.saveCodebook(next)
    expect(JSON.stringify(await onDisk())).not.toMatch(/actor|trump|kim/)
  })

  it('stamps annotations made after a change with the new version', async () => {
    await service.saveCodebook(withHotkey('kim', 'j'))
    const saved = await service.saveAnnotation(doc.id, third, input({ stance: ['contra'] }))
    expect(saved?.codebookVersion).toBe(2)
    expect((await onDisk())[first].codebookVersion).toBe(1)
  })

  it('accepts labels added in a save at once, and refuses labels deleted in one', async () => {
    const next = copy()
    next.dimensions[1].labels.push({
      id: 'moon',
      name: 'Moon',
      color: '#00695c',
      hotkey: 'm',
      definition: '',
      examples: [],
    })
    next.dimensions[1].labels = next.dimensions[1].labels.filter((l) => l.id !== 'kim')
    await service.saveCodebook(next)
    expect(await service.saveAnnotation(doc.id, third, input({ actor: ['moon'] }))).toMatchObject({
      codebookVersion: 2,
    })
    await expect(service.saveAnnotation(doc.id, third, input({ actor: ['kim'] }))).rejects.toThrow(
      '"Actor" has no label "kim".',
    )
  })
})
