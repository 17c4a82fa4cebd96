/**
 * Positions count code points: a text with characters outside the Basic Multilingual Plane (an
 * emoji in a quote, a flag) round-trips with every selection on the same characters. Python
 * (which counts code points, as QualCoder does) reads the exported positions independently.
 */
import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SentenceAnnotation } from '../../electron/contract/model'
import { isAnnotatable } from '../../electron/contract/model'
import { buildDocument } from '../../electron/core/corpus/document'
import { importQdpx } from '../../electron/core/exchange/qdpxImport'
import { writeQdpx } from '../../electron/core/exchange/qdpxWrite'
import { CodePointMap } from '../../electron/core/exchange/positions'
import { openLowdbRepository } from '../../electron/core/storage/lowdbRepository'
import { smallCodebook, tempDir } from './helpers'

const TEXT =
  '„Das war großartig 😀", sagte Trump nach dem Treffen. Kim 🇰🇵 lächelte.\n\n' +
  'Beobachter blieben skeptisch 🤔. Danach: 𝔇𝔦𝔢 𝔅𝔬𝔪𝔟𝔢 bleibt.'

const PYTHON = '/usr/bin/python3'

function coded(coder: string): SentenceAnnotation {
  return {
    statements: [{ id: 's1', values: { stance: ['pro'] } }],
    uncertain: false,
    note: '',
    annotator: coder,
    coder,
    createdAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T09:00:00.000Z',
    codebookVersion: 1,
  }
}

describe('qdpx positions outside the Basic Multilingual Plane', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => ({ dir, cleanup } = await tempDir('qdpx-emoji-')))
  afterEach(() => cleanup())

  it('maps UTF-16 offsets to code points and back', () => {
    const map = new CodePointMap('a😀b')
    expect([0, 1, 3, 4].map((i) => map.toCodePoint(i))).toEqual([0, 1, 2, 3])
    expect([0, 1, 2, 3].map((i) => map.toUtf16(i))).toEqual([0, 1, 3, 4])
    expect(map.codePoints).toBe(3)
  })

  it.each(['lf', 'crlf'] as const)(
    'exports code point positions (%s line endings) and imports them onto the same sentences',
    async (lineEndings) => {
      const doc = buildDocument({ id: 'emoji', text: TEXT, meta: {} })
      const sentences = doc.units.filter(isAnnotatable)
      expect(sentences.length).toBeGreaterThanOrEqual(4)
      // 😀, the two halves of 🇰🇵 and 🤔 each count one code point but two UTF-16 units.
      const last = sentences[sentences.length - 1]
      expect(new CodePointMap(TEXT).toCodePoint(last.start)).toBe(last.start - 4)
      const annotations = Object.fromEntries(sentences.map((u) => [u.id, coded('c0a1b2c3d4e5f')]))
      const out = await writeQdpx({
        name: 'Emoji',
        documents: [doc],
        codebook: smallCodebook,
        coders: [{ id: 'c0a1b2c3d4e5f', name: 'Anna' }],
        layers: { c0a1b2c3d4e5f: { emoji: annotations } },
        lineEndings,
      })

      // What a code-point reader (Python, like QualCoder) finds at the exported positions.
      const zip = await JSZip.loadAsync(out.bytes)
      const source = Object.keys(zip.files).find(
        (p) => p.startsWith('sources/') && !zip.files[p].dir,
      )!
      await writeFile(join(dir, 'source.txt'), await zip.file(source)!.async('uint8array'))
      await writeFile(join(dir, 'project.qde'), out.xml)
      const script = `
import sys, xml.etree.ElementTree as ET
text = open(sys.argv[1], encoding='utf-8', newline='').read()
assert ('\\r\\n' in text) == (sys.argv[3] == 'crlf')
ns = {'q': 'urn:QDA-XML:project:1.0'}
for s in ET.parse(sys.argv[2]).getroot().iterfind('.//q:PlainTextSelection', ns):
    print(text[int(s.get('startPosition')):int(s.get('endPosition'))])
`
      const seen = execFileSync(
        PYTHON,
        ['-c', script, join(dir, 'source.txt'), join(dir, 'project.qde'), lineEndings],
        {
          encoding: 'utf8',
        },
      )
      expect(seen.trimEnd().split('\n')).toEqual(sentences.map((u) => TEXT.slice(u.start, u.end)))

      // And back: every selection lands on the sentence it came from.
      const repo = await openLowdbRepository(join(dir, 'project'), {
        create: { name: 'Emoji', codebook: smallCodebook },
        lock: false,
        coder: 'c0a1b2c3d4e5f',
      })
      try {
        const report = await importQdpx(repo, out.bytes, 'emoji.qdpx')
        expect(report.warnings.map((w) => w.message.code)).toEqual(['qdpx.coders'])
        const back = await repo.getAnnotations('emoji')
        expect(Object.keys(back).sort()).toEqual(Object.keys(annotations).sort())
        for (const a of Object.values(back))
          expect(a.statements[0].values).toEqual({ stance: ['pro'] })
      } finally {
        await repo.close()
      }
    },
  )
})
