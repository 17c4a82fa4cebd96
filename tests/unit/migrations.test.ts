import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  migrate,
  readProjectFile,
  SCHEMA_VERSION,
  type Migration,
} from '../../electron/core/storage/files'
import { openLowdbRepository } from '../../electron/core/storage/lowdbRepository'
import { readJsonFromDisk, smallCodebook, tempDir } from './helpers'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

describe('schema versions and migrations', () => {
  it('migrates step by step, in order, to the target version', () => {
    const steps: Record<number, Migration> = {
      1: (d) => ({ ...d, title: String(d.name).toUpperCase() }),
      2: (d) => ({ ...d, tags: [d.title] }),
    }
    const out = migrate({ schemaVersion: 1, name: 'gipfel' }, steps, 3)
    expect(out).toEqual({ schemaVersion: 3, name: 'gipfel', title: 'GIPFEL', tags: ['GIPFEL'] })
  })

  it('refuses a version it has no migration for, with the versions named', () => {
    expect(() => migrate({ schemaVersion: 1 }, {}, 2)).toThrow('no migration from schema 1 to 2')
  })

  it('leaves current files untouched', () => {
    const data = { schemaVersion: SCHEMA_VERSION, name: 'x' }
    expect(migrate(data)).toEqual(data)
  })

  it('stamps every stored file with the schema version', async () => {
    const repo = await openLowdbRepository(dir, { create: { name: 'V', codebook: smallCodebook } })
    await repo.close()
    for (const file of ['project.json', 'local/index.json'])
      expect(
        (await readJsonFromDisk<{ schemaVersion: number }>(join(dir, file))).schemaVersion,
      ).toBe(SCHEMA_VERSION)
  })

  it('names the problem when a file has no version or the wrong shape', async () => {
    expect(() => readProjectFile({ name: 'x' })).toThrow('project.json has no schema version')
    expect(() => readProjectFile({ schemaVersion: 1, name: 3 })).toThrow(
      /project\.json does not have the expected shape: name/,
    )
    await writeFile(join(dir, 'project.json'), JSON.stringify({ name: 'x' }))
    await expect(openLowdbRepository(dir)).rejects.toThrow(/has no schema version/)
  })
})
