import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportOptionsSchema, networkDimensions } from '../../electron/contract/exportOptions'
import type { Codebook } from '../../electron/contract/model'
import { API_ARGUMENTS } from '../../electron/contract/validation'
import { resolveExportOptions } from '../../electron/core/export/options'
import { exportTarget } from '../../electron/core/exportJob'
import { ScriptedDialogs } from '../support/scriptedDialogs'
import { smallCodebook, tempDir } from './helpers'

const germanCodebook = async (): Promise<Codebook> =>
  JSON.parse(await readFile(new URL('../../corpus/codebook.de.json', import.meta.url), 'utf8'))

describe('the one export-options schema', () => {
  it('fills in every default in one place', () => {
    expect(exportOptionsSchema.parse({ format: 'jsonl' })).toEqual({
      format: 'jsonl',
      documents: {},
      onlyAnnotated: false,
      includeNonSentences: true,
      annotator: null,
      split: null,
      bom: false,
      oneHot: false,
      delimiter: ',',
      network: {},
      language: 'en',
      lineEndings: 'lf',
      layer: null,
    })
  })

  it('is what main checks the renderer with: the same rules, the same words', () => {
    const call = (options: object) => API_ARGUMENTS.startExport.safeParse([options])
    expect(call({ format: 'csv-sentences', delimiter: ';', language: 'de' }).success).toBe(true)
    const bad = call({ format: 'csv-sentences', delimiter: '|' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0].message).toBe('the delimiter is a comma, a semicolon or a tab')
    // The seed's range is the core's, not a looser one of its own.
    expect(call({ format: 'jsonl', split: { train: 1, dev: 0, test: 0, seed: -1 } }).success).toBe(
      false,
    )
    expect(() =>
      resolveExportOptions({ format: 'jsonl', out: 'x', delimiter: '|' as ',' }, smallCodebook),
    ).toThrow('Invalid export option delimiter: the delimiter is a comma, a semicolon or a tab')
  })

  it("finds the network's dimensions in the German default codebook", async () => {
    const codebook = await germanCodebook()
    expect(codebook.dimensions.map((d) => d.name)).toEqual(['Haltung', 'Akteur', 'Argument'])
    expect(networkDimensions(codebook)).toEqual({
      actor: 'actor',
      argument: 'argument',
      stance: 'stance',
    })
    // The same names under other ids.
    const renamed = {
      dimensions: codebook.dimensions.map((d, i) => ({ ...d, id: `dim${i}` })),
    }
    expect(networkDimensions(renamed)).toEqual({ actor: 'dim1', argument: 'dim2', stance: 'dim0' })
    // What the analyst chose wins; a role chosen as none stays none.
    expect(networkDimensions(renamed, { actor: 'dim2', argument: 'dim1', stance: null })).toEqual({
      actor: 'dim2',
      argument: 'dim1',
      stance: null,
    })
    // A codebook with a stance and nothing else has no network.
    expect(networkDimensions({ dimensions: [codebook.dimensions[0]] })).toEqual({
      actor: null,
      argument: null,
      stance: 'stance',
    })
  })
})

describe('where the app exports to', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => ({ dir, cleanup } = await tempDir('export-target-')))
  afterEach(() => cleanup())

  it('suggests the file name from the one table of names', async () => {
    const dialogs = new ScriptedDialogs()
    dialogs.answer('chooseSaveFile', join(dir, 'mine.csv'))
    expect(await exportTarget(dialogs, { format: 'csv-statements' })).toBe(join(dir, 'mine.csv'))
    expect(dialogs.asked).toEqual([
      { dialog: 'chooseSaveFile', args: ['statements.csv', 'dialog.filter.csv', ['csv']] },
    ])
  })

  it('asks before files in the chosen folder are replaced, and only then', async () => {
    const dialogs = new ScriptedDialogs()
    const empty = join(dir, 'empty')
    await mkdir(empty)
    dialogs.answer('chooseExportFolder', empty)
    expect(await exportTarget(dialogs, { format: 'all' })).toBe(empty)
    expect(dialogs.asked.map((a) => a.dialog)).toEqual(['chooseExportFolder'])

    // A folder of the analyst's own: only the files of the same name would go.
    const mine = join(dir, 'mine')
    await mkdir(mine)
    await writeFile(join(mine, 'notes.txt'), 'keep')
    dialogs.answer('chooseExportFolder', mine)
    expect(await exportTarget(dialogs, { format: 'all' })).toBe(mine)
    await writeFile(join(mine, 'sentences.csv'), 'old')
    await writeFile(join(mine, 'README.md'), 'old')
    dialogs.answer('chooseExportFolder', mine)
    dialogs.answer('confirmOverwrite', false)
    expect(await exportTarget(dialogs, { format: 'all' })).toBeNull()
    expect(dialogs.asked.at(-1)).toEqual({
      dialog: 'confirmOverwrite',
      args: [mine, ['README.md', 'sentences.csv']],
    })
    // A split export into the folder replaces only its own four files.
    await writeFile(join(mine, 'sentences.dev.jsonl'), 'old')
    dialogs.answer('chooseExportFolder', mine)
    dialogs.answer('confirmOverwrite', true)
    const split = { train: 0.8, dev: 0.1, test: 0.1, seed: 1 }
    expect(await exportTarget(dialogs, { format: 'jsonl', split })).toBe(mine)
    expect(dialogs.asked.at(-1)).toEqual({
      dialog: 'confirmOverwrite',
      args: [mine, ['sentences.dev.jsonl']],
    })
  })
})
