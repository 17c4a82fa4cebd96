import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { REPO } from './helpers'

const eslint = new ESLint({ cwd: REPO })

/** The layering rule's messages for a piece of code placed at `filePath`. */
async function layeringErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('the layering lint', () => {
  it('fails when core or the contract imports electron', async () => {
    const code = "import { app } from 'electron'\nexport const x = app\n"
    expect(await layeringErrors(code, 'electron/core/storage/example.ts')).toEqual([
      expect.stringMatching(/core runs without Electron/),
    ])
    expect(await layeringErrors(code, 'electron/contract/example.ts')).toEqual([
      expect.stringMatching(/shared with the renderer: no electron/),
    ])
  })

  it('fails when the contract imports Node, or the renderer imports main, preload or core', async () => {
    expect(
      await layeringErrors(
        "import { readFile } from 'node:fs'\nexport const r = readFile\n",
        'electron/contract/x.ts',
      ),
    ).toHaveLength(1)
    for (const target of [
      '../../electron/main/window',
      '../../electron/preload/index',
      '../../electron/core/project',
    ])
      expect(
        await layeringErrors(
          `import * as m from '${target}'\nexport const x = m\n`,
          'renderer/src/x.ts',
        ),
      ).toEqual([
        expect.stringMatching(
          /the renderer may import only electron\/contract and electron\/common/,
        ),
      ])
  })

  it('lets each layer import what is below it', async () => {
    expect(
      await layeringErrors(
        "import type { Api } from '../../electron/contract/api'\nexport type A = Api\n",
        'renderer/src/x.ts',
      ),
    ).toEqual([])
    expect(
      await layeringErrors(
        "import { readFile } from 'node:fs/promises'\nexport const r = readFile\n",
        'electron/core/x.ts',
      ),
    ).toEqual([])
    expect(
      await layeringErrors(
        "import { app } from 'electron'\nexport const a = app\n",
        'electron/main/x.ts',
      ),
    ).toEqual([])
  })
})
