import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Codebook } from '../../electron/contract/model'
import { buildDocument } from '../../electron/core/corpus/document'

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)))
export const SAMPLE_CORPUS = join(REPO, 'corpus')

export async function tempDir(
  prefix = 'workbench-unit-',
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** Reads a JSON file straight from disk, bypassing every cache: what an analyst would find there. */
export async function readJsonFromDisk<T = Record<string, unknown>>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T
}

export const smallCodebook: Codebook = {
  version: 1,
  dimensions: [
    {
      id: 'stance',
      name: 'Stance',
      multi: false,
      labels: [
        { id: 'pro', name: 'pro', color: '#00aa00', hotkey: '1', definition: '', examples: [] },
        {
          id: 'contra',
          name: 'contra',
          color: '#aa0000',
          hotkey: '2',
          definition: '',
          examples: [],
        },
      ],
    },
    {
      id: 'actor',
      name: 'Actor',
      multi: true,
      labels: [
        {
          id: 'trump',
          name: 'Trump',
          color: '#0000aa',
          hotkey: 't',
          definition: '',
          examples: [],
          aliases: ['Trump'],
        },
        {
          id: 'kim',
          name: 'Kim',
          color: '#aa00aa',
          hotkey: 'k',
          definition: '',
          examples: [],
          aliases: ['Kim'],
        },
      ],
    },
  ],
}

export function sampleDocument(
  id = 'doc-1',
  text = 'Trump traf Kim in Hanoi. Das Treffen endete ohne Ergebnis. Beide reisten ab.',
) {
  return buildDocument({ id, text, meta: { title: `Title of ${id}` } })
}
