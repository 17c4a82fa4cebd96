/**
 * What core says to the analyst: message codes with parameters, one catalogue per language,
 * carried through the handler table and put into words in English and German.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  CATALOGUES,
  MERGE_CONFLICT,
  REVIEW_REASONS,
  formatMessage,
  msg,
  reviewMessage,
  type MessageText,
} from '../../electron/contract/messages'
import type { Codebook, ProjectInfo } from '../../electron/contract/model'
import { parseCodebookFile } from '../../electron/core/codebook/codebookFile'
import { UserError } from '../../electron/core/errors'
import { openSettings } from '../../electron/core/settings'
import { openWorkbench, type Workbench } from '../../electron/core/workbench'
import { rendererCatalogues } from '../support/catalogues'
import { SAMPLE_CORPUS, tempDir } from './helpers'

/** The parameter names a text uses, over all its forms. */
function placeholders(text: MessageText | string): string[] {
  const forms = typeof text === 'string' ? [text] : [text.one, text.other]
  return [...new Set(forms.flatMap((f) => [...f.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort()
}

/** A nested catalogue as dotted keys and texts. */
function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value)
    else for (const [k, v] of flatten(value as object, `${prefix}${key}.`)) out.set(k, v)
  }
  return out
}

describe('the message catalogue', () => {
  it('has a German text for every code, with the same parameters as the English one', () => {
    const codes = Object.keys(CATALOGUES.en) as Array<keyof typeof CATALOGUES.en>
    expect(Object.keys(CATALOGUES.de).sort()).toEqual([...codes].sort())
    // German may fold a grammatical word of the English (the kind of table unit) into its
    // phrasing; for a JSON syntax error it names the place instead of JSON.parse's message,
    // which is English on every system.
    const compared = (c: (typeof codes)[number], names: string[]) =>
      names.filter((n) => n !== 'unit' && !c.startsWith('json.syntax')).join()
    const differing = codes.filter(
      (c) =>
        compared(c, placeholders(CATALOGUES.en[c])) !== compared(c, placeholders(CATALOGUES.de[c])),
    )
    expect(differing).toEqual([])
  })

  it("has the renderer's German texts for every English key, with the same parameters", async () => {
    const catalogues = await rendererCatalogues()
    expect(Object.keys(catalogues.en)).toContain('jobs')
    const english = flatten(catalogues.en)
    const german = flatten(catalogues.de)
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort())
    const differing = [...english].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(german.get(key) ?? '').join(),
    )
    expect(differing).toEqual([])
  })

  it('puts parameters, nested messages and plural forms into words in both languages', () => {
    const locked = msg('storage.locked', {
      tool: msg('storage.tool.cli'),
      pid: '4711',
      host: 'laptop',
      since: '2026-12-02T08:00:00Z',
    })
    expect(formatMessage(locked)).toBe(
      'The project is already open in the command-line tool (process 4711 on laptop, since 2026-12-02T08:00:00Z). Close it there first: two programs writing the same project would lose labels.',
    )
    expect(formatMessage(locked, 'de')).toMatch(
      /^Das Projekt ist schon in dem Kommandozeilenwerkzeug geöffnet \(Prozess 4711 auf laptop/,
    )
    expect(formatMessage(msg('unitEdit.resegmentedChanged', { count: 1 }), 'de')).toBe(
      'Neu segmentiert: 1 Satz mit Labels hat sich geändert und ist zur Prüfung markiert.',
    )
    expect(formatMessage(msg('unitEdit.resegmentedChanged', { count: 1200 }), 'de')).toBe(
      'Neu segmentiert: 1.200 Sätze mit Labels haben sich geändert und sind zur Prüfung markiert.',
    )
    const rules = msg('codebook.fileBreaksRule', {
      problems: [
        msg('codebook.keyReserved', { key: '?', label: 'kritisch' }),
        msg('codebook.dimensionIdTwice', { id: 'stance' }),
      ],
    })
    expect(formatMessage(rules, 'de')).toBe(
      'Das Codebuch verstößt gegen eine Regel: Die Taste „?“ von „kritisch“ ist für einen Befehl reserviert. Zwei Dimensionen haben dieselbe Kennung „stance“.',
    )
  })

  it('shows the review reasons core stores in English in German, and any other reason as it is', () => {
    const german = (reason: string) => {
      const m = reviewMessage(reason)
      return typeof m === 'string' ? m : formatMessage(m, 'de')
    }
    expect(german(REVIEW_REASONS.split)).toBe(
      'geteilt: Beide Hälften haben die Labels des ganzen Satzes behalten',
    )
    expect(german(`${MERGE_CONFLICT}Haltung: kritisch vs neutral`)).toBe(
      'Konflikt beim Verbinden: Haltung: kritisch vs neutral',
    )
    expect(german('vom Team zu klären')).toBe('vom Team zu klären')
  })

  it("says what is wrong with a codebook file in the schema library's German", () => {
    const refusal = (() => {
      try {
        parseCodebookFile('{"version": "eins", "dimensions": []}')
      } catch (e) {
        return e as UserError
      }
      throw new Error('the file was accepted')
    })()
    expect(refusal.message).toBe(
      'This is not a valid codebook: version: Invalid input: expected number, received string.',
    )
    expect(formatMessage(refusal.toMessage(), 'de')).toBe(
      'Das ist kein gültiges Codebuch: version: Ungültige Eingabe: erwartet Zahl, erhalten string.',
    )
  })

  it('keeps the English text on a UserError for the CLI and the logs', () => {
    const e = new UserError('import.tooLarge', { size: '60 MB', limit: '50 MB' })
    expect(e.message).toBe('the file is 60 MB, more than the import limit of 50 MB')
    expect(e.toMessage()).toEqual({
      code: 'import.tooLarge',
      params: { size: '60 MB', limit: '50 MB' },
    })
  })
})

describe('a workbench in German', () => {
  let dir: string
  let cleanup: () => Promise<void>
  let workbench: Workbench | undefined

  beforeEach(async () => {
    ;({ dir, cleanup } = await tempDir('workbench-messages-'))
  })
  afterEach(async () => {
    await workbench?.close()
    workbench = undefined
    await cleanup()
  })

  const open = (systemLocale: 'en' | 'de') =>
    openWorkbench({
      projectDir: join(dir, 'project'),
      settingsFile: join(dir, 'settings.json'),
      sampleCorpusDir: SAMPLE_CORPUS,
      systemLocale,
    })

  it('starts a new project with a German name and the German codebook, label ids and keys unchanged', async () => {
    workbench = await open('de')
    const info = await workbench.handlers.getProject()
    if (!info.ok) throw new Error(info.error)
    const project = info.value as ProjectInfo
    expect(project.name).toBe('Beispielkorpus')
    expect(project.codebook.dimensions.map((d) => d.name)).toEqual([
      'Haltung',
      'Akteur',
      'Argument',
    ])
    expect(project.codebook.dimensions[0].labels.map((l) => l.name)).toEqual([
      'unterstützend',
      'kritisch',
      'neutral',
      'gemischt',
    ])
    const english = JSON.parse(
      await readFile(join(SAMPLE_CORPUS, 'codebook.json'), 'utf8'),
    ) as Codebook
    const shape = (c: Codebook) =>
      c.dimensions.map((d) => [d.id, d.multi, d.labels.map((l) => [l.id, l.hotkey, l.color])])
    expect(shape(project.codebook)).toEqual(shape(english))
  })

  it('follows the language chosen in the app over the system language', async () => {
    await (await openSettings(join(dir, 'settings.json'))).update({ locale: 'en' })
    workbench = await open('de')
    expect(workbench.locale()).toBe('en')
    const info = await workbench.handlers.getProject()
    expect(info.ok && (info.value as { name: string }).name).toBe('Sample corpus')
  })

  it('answers a refused call with the code, its parameters and the English text', async () => {
    workbench = await open('de')
    const result = await workbench.handlers.getDocument('kein-solches-dokument')
    expect(result).toEqual({
      ok: false,
      error: 'There is no document "kein-solches-dokument" in this project.',
      code: 'document.notFound',
      params: { documentId: 'kein-solches-dokument' },
    })
    if (result.ok) return
    expect(formatMessage(result, 'de')).toBe(
      'Das Dokument „kein-solches-dokument“ gibt es in diesem Projekt nicht.',
    )
    const refused = await workbench.handlers.getDocument(42)
    expect(refused.ok === false && refused.code).toBe('api.refused')
  })
})
