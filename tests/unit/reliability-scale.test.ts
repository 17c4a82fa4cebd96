/**
 * A codebook dimension declared ordinal or interval: the project's reliability report gives alpha
 * with that metric besides the nominal one, equal to `agreement --data` and to NLTK's
 * AnnotationTask (tests/python/reliability_reference.py) on the same numbers, and the dataset
 * card shows it. The codebook rules say in English and German what a scale needs.
 */
import { spawnSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codebookProblems } from '../../electron/common/codebookRules'
import { formatMessage } from '../../electron/contract/messages'
import type { Codebook, Label, SentenceAnnotation } from '../../electron/contract/model'
import { codebookSchema } from '../../electron/contract/schemas'
import { parseCodebookFile } from '../../electron/core/codebook/codebookFile'
import { reliabilitySection } from '../../electron/core/reliability/card'
import { agreementCommand } from '../../electron/core/reliability/cliCommand'
import type { CoderAnnotations, SentenceRef } from '../../electron/core/reliability/projectData'
import { reliabilityView } from '../../electron/core/reliability/view'
import { REPO, tempDir } from './helpers'

const PYTHON = '/usr/bin/python3'
const REFERENCE = join(REPO, 'tests', 'python', 'reliability_reference.py')
const missingModules = ['nltk', 'sklearn', 'statsmodels', 'numpy'].filter(
  (m) => spawnSync(PYTHON, ['-c', `import ${m}`]).status !== 0,
)

function label(id: string, value?: number): Label {
  return {
    id,
    name: id,
    color: '#336699',
    hotkey: '',
    definition: '',
    examples: [],
    ...(value === undefined ? {} : { value }),
  }
}

// The tone's labels are ranked in the codebook's order, which is not the alphabet's.
const TONE = ['negative', 'neutral', 'positive', 'enthusiastic']
const INTENSITY: Record<string, number> = { none: 0, some: 2.5, strong: 7, extreme: 10 }

const codebook: Codebook = {
  version: 3,
  dimensions: [
    { id: 'tone', name: 'Tone', multi: false, scale: 'ordinal', labels: TONE.map((l) => label(l)) },
    {
      id: 'intensity',
      name: 'Intensity',
      multi: false,
      scale: 'interval',
      labels: Object.entries(INTENSITY).map(([l, v]) => label(l, v)),
    },
  ],
}

const CODERS = ['c1', 'c2', 'c3']
// Per sentence, each coder's tone and intensity; null where the coder did not code it.
type Cell = [string, string] | null
const CODINGS: Cell[][] = [
  [
    ['negative', 'strong'],
    ['negative', 'strong'],
    ['neutral', 'extreme'],
  ],
  [['positive', 'some'], ['enthusiastic', 'some'], null],
  [
    ['neutral', 'none'],
    ['neutral', 'none'],
    ['neutral', 'some'],
  ],
  [
    ['enthusiastic', 'extreme'],
    ['positive', 'strong'],
    ['enthusiastic', 'extreme'],
  ],
  [null, ['negative', 'none'], ['negative', 'none']],
  [
    ['positive', 'some'],
    ['neutral', 'some'],
    ['positive', 'strong'],
  ],
  [['negative', 'extreme'], null, null],
  [
    ['neutral', 'some'],
    ['negative', 'none'],
    ['neutral', 'some'],
  ],
  [
    ['enthusiastic', 'strong'],
    ['enthusiastic', 'extreme'],
    ['positive', 'strong'],
  ],
  [
    ['negative', 'none'],
    ['negative', 'some'],
    ['negative', 'none'],
  ],
]

function annotation(tone: string, intensity: string): SentenceAnnotation {
  return {
    statements: [{ id: 's1', values: { tone: [tone], intensity: [intensity] } }],
    uncertain: false,
    note: '',
    annotator: '',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    codebookVersion: 3,
  }
}

const sentences: SentenceRef[] = CODINGS.map((_, i) => ({ documentId: 'd', unitId: `u${i}` }))
const layers: CoderAnnotations[] = CODERS.map((coder, c) => {
  const record: Record<string, SentenceAnnotation> = {}
  CODINGS.forEach((row, i) => {
    const cell = row[c]
    if (cell) record[`u${i}`] = annotation(...cell)
  })
  return { coder, annotations: new Map([['d', record]]) }
})

const view = reliabilityView(
  codebook,
  sentences,
  layers,
  CODERS.map((id) => ({ id, name: id.toUpperCase() })),
  { actor: null, argument: null, stance: null },
  { draws: 200, seed: 7 },
)

/** The same codings as numbers, one CSV per dimension, as `agreement --data` reads them. */
function csv(value: (cell: [string, string]) => number): string {
  const rows = CODINGS.map(
    (row, i) => `u${i},${row.map((cell) => (cell ? String(value(cell)) : '')).join(',')}`,
  )
  return `unit,${CODERS.join(',')}\n${rows.join('\n')}\n`
}

let dir: string
let cleanup: () => Promise<void>
let reference: Record<string, Record<string, number | null>> = {}
const files = { tone: '', intensity: '' }

beforeAll(async () => {
  ;({ dir, cleanup } = await tempDir('reliability-scale-'))
  files.tone = join(dir, 'tone.csv')
  files.intensity = join(dir, 'intensity.csv')
  await writeFile(
    files.tone,
    csv(([tone]) => TONE.indexOf(tone) + 1),
  )
  await writeFile(
    files.intensity,
    csv(([, intensity]) => INTENSITY[intensity]),
  )
  if (missingModules.length === 0) {
    const run = spawnSync(PYTHON, [REFERENCE, files.tone, files.intensity], { encoding: 'utf8' })
    if (run.status !== 0) throw new Error(run.stderr)
    reference = JSON.parse(run.stdout)
  }
}, 60_000)
afterAll(() => cleanup())

async function cli(file: string): Promise<Record<string, number | null>> {
  const out = await agreementCommand(['--data', file, '--json', '--draws', '0'])
  return JSON.parse(out.trim().split('\n').pop() as string)
}

describe('a dimension declared ordinal or interval', () => {
  const tone = view.variables.find((v) => v.id === 'tone')
  const intensity = view.variables.find((v) => v.id === 'intensity')

  it('gives alpha with its own metric besides the nominal one, with interval and verdict', () => {
    expect(tone?.alpha.metric).toBe('nominal')
    expect(tone?.scaleAlpha?.metric).toBe('ordinal')
    expect(intensity?.alpha.metric).toBe('nominal')
    expect(intensity?.scaleAlpha?.metric).toBe('interval')
    for (const a of [tone?.scaleAlpha, intensity?.scaleAlpha]) {
      expect(a?.interval?.draws).toBe(200)
      expect(a?.interval?.low).toBeLessThanOrEqual(a?.alpha.value as number)
      expect(a?.interval?.high).toBeGreaterThanOrEqual(a?.alpha.value as number)
      expect(['reliable', 'tentative', 'unreliable']).toContain(a?.verdict)
    }
    // The ranks and distances credit near misses that nominal alpha counts as plain disagreement.
    expect(tone?.scaleAlpha?.alpha.value).toBeGreaterThan(tone?.alpha.alpha.value as number)
    expect(intensity?.scaleAlpha?.alpha.value).toBeGreaterThan(
      intensity?.alpha.alpha.value as number,
    )
  })

  it('equals `agreement --data` on the same numbers to 1e-9', async () => {
    const toneCli = await cli(files.tone)
    const intensityCli = await cli(files.intensity)
    expect(
      Math.abs((tone?.scaleAlpha?.alpha.value as number) - (toneCli.alpha_ordinal as number)),
    ).toBeLessThan(1e-9)
    expect(
      Math.abs(
        (intensity?.scaleAlpha?.alpha.value as number) - (intensityCli.alpha_interval as number),
      ),
    ).toBeLessThan(1e-9)
    // The nominal alpha of the labels is the nominal alpha of their numbers.
    expect(
      Math.abs((tone?.alpha.alpha.value as number) - (toneCli.alpha_nominal as number)),
    ).toBeLessThan(1e-9)
  })

  it('equals NLTK’s AnnotationTask with the ordinal and interval distances to 1e-9', (ctx) => {
    if (missingModules.length > 0) {
      console.log(`skipped: ${PYTHON} lacks ${missingModules.join(', ')}`)
      ctx.skip()
    }
    const toneRef = reference[files.tone]
    const intensityRef = reference[files.intensity]
    expect(
      Math.abs((tone?.scaleAlpha?.alpha.value as number) - (toneRef.alpha_ordinal as number)),
    ).toBeLessThan(1e-9)
    expect(
      Math.abs(
        (intensity?.scaleAlpha?.alpha.value as number) - (intensityRef.alpha_interval as number),
      ),
    ).toBeLessThan(1e-9)
  })

  it('shows the ordinal alpha on the dataset card beside the nominal one, in English and German', () => {
    const card = { codebookVersion: 3, coders: 3, sample: null, report: view }
    const en = reliabilitySection(card, 'en', (t) => t).join('\n')
    const de = reliabilitySection(card, 'de', (t) => t).join('\n')
    const a = tone?.scaleAlpha
    const three = (x: number) => x.toFixed(3)
    expect(en).toContain(
      `| Tone | ordinal | ${three(a?.alpha.value as number)} | ${three(a?.interval?.low as number)} – ${three(a?.interval?.high as number)} |`,
    )
    expect(en).toContain(`| Tone | nominal | ${three(tone?.alpha.alpha.value as number)} |`)
    expect(en).toContain('| Intensity | interval |')
    expect(de).toContain(
      `| Tone | ordinal | ${three(a?.alpha.value as number).replace('.', ',')} |`,
    )
  })

  it('leaves a nominal dimension without a second alpha', () => {
    const plain = structuredClone(codebook)
    delete plain.dimensions[0].scale
    const v = reliabilityView(
      plain,
      sentences,
      layers,
      [],
      { actor: null, argument: null, stance: null },
      false,
    )
    expect(v.variables.find((x) => x.id === 'tone')?.scaleAlpha).toBeUndefined()
  })
})

describe('the codebook rules for scales', () => {
  const problems = (c: Codebook, language: 'en' | 'de' = 'en') =>
    codebookProblems(c).map((p) => formatMessage(p.message, language))

  it('accept the ordinal and interval dimensions above', () => {
    expect(codebookProblems(codebook)).toEqual([])
  })

  it('ask for a number on every label of an interval or ratio scale', () => {
    const c = structuredClone(codebook)
    delete c.dimensions[1].labels[2].value
    expect(problems(c)).toEqual([
      'On the interval scale of "Intensity" every label needs a number: give "strong" one.',
    ])
    expect(problems(c, 'de')).toEqual([
      'Auf der Intervallskala von „Intensity“ braucht jedes Label eine Zahl: Geben Sie „strong“ eine.',
    ])
    c.dimensions[1].scale = 'ratio'
    c.dimensions[1].labels[2].value = -1
    expect(problems(c)).toEqual([
      'A ratio scale starts at zero: "strong" in "Intensity" has -1; choose the interval scale or a value of 0 or more.',
    ])
  })

  it('keep a multiple-choice dimension nominal and a scale at two labels or more', () => {
    const c = structuredClone(codebook)
    c.dimensions[0].multi = true
    c.dimensions[1].labels = c.dimensions[1].labels.slice(0, 1)
    expect(problems(c)).toEqual([
      '"Tone" is a multiple-choice dimension, which is always nominal; only a single-choice dimension can have the ordinal scale.',
      'The interval scale of "Intensity" needs at least two labels; it has 1.',
    ])
    expect(problems(c, 'de')).toEqual([
      '„Tone“ ist eine Mehrfachauswahl und damit immer nominal; nur eine Einfachauswahl kann die Ordinalskala haben.',
      'Die Intervallskala von „Intensity“ braucht mindestens zwei Labels; sie hat 1.',
    ])
  })

  it('refuse a codebook file with an unknown scale or a label value that is no number', () => {
    const c = structuredClone(codebook) as unknown as { dimensions: Record<string, unknown>[] }
    c.dimensions[0].scale = 'logarithmic'
    expect(codebookSchema.safeParse(c).success).toBe(false)
    expect(() => parseCodebookFile(JSON.stringify(c))).toThrow(/not a valid codebook/)
    const d = structuredClone(codebook) as unknown as {
      dimensions: { labels: Record<string, unknown>[] }[]
    }
    d.dimensions[1].labels[0].value = 'zero'
    expect(() => parseCodebookFile(JSON.stringify(d))).toThrow(/not a valid codebook/)
    const e = structuredClone(codebook)
    delete e.dimensions[1].labels[0].value
    expect(() => parseCodebookFile(JSON.stringify(e))).toThrow(
      /every label needs a number: give "none" one/,
    )
  })
})
