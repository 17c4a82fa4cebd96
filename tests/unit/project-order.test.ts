/**
 * Every write of the project service (labels, unit edits, codebook, metadata) runs in the order
 * it was asked for. Measured before the fix through this very handler table: of 29 labels saved
 * while a neighbouring sentence was being split, 0 were on disk after reopening.
 */
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type {
  Codebook,
  DocumentView,
  ProjectInfo,
  SentenceAnnotationInput,
} from '../../electron/contract/model'
import { buildDocument } from '../../electron/core/corpus/document'
import { noDialogs } from '../../electron/core/dialogs'
import { createHandlers, type Handlers } from '../../electron/core/handlers'
import { JobRunner } from '../../electron/core/jobs'
import { ProjectService } from '../../electron/core/project'
import { openSettings, type SettingsStore } from '../../electron/core/settings'
import {
  openLowdbRepository,
  type LowdbProjectRepository,
} from '../../electron/core/storage/lowdbRepository'
import { smallCodebook, tempDir } from './helpers'

const SENTENCES = 31
const text = Array.from({ length: SENTENCES }, (_, i) => `Satz Nummer ${i + 1} steht hier.`).join(
  ' ',
)
const doc = buildDocument({ id: 'doc-1', text, meta: { title: 'Viele Sätze' } })

let dir: string
let cleanup: () => Promise<void>
let repo: LowdbProjectRepository
let settings: SettingsStore
let handlers: Handlers

const stance = (label: string): SentenceAnnotationInput => ({
  statements: [{ id: 's1', values: { stance: [label] } }],
  uncertain: false,
  note: '',
})

async function open(): Promise<void> {
  repo = await openLowdbRepository(join(dir, 'p'), { lock: 'the test' })
  handlers = createHandlers(new ProjectService(repo, settings), {
    dialogs: noDialogs,
    jobs: new JobRunner(),
    log: () => {},
  })
}

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  const created = await openLowdbRepository(join(dir, 'p'), {
    create: { name: 'T', codebook: smallCodebook },
  })
  await created.addDocument(doc)
  await created.close()
  settings = await openSettings(join(dir, 'settings.json'))
  await settings.update({ annotator: 'Ana' })
  await open()
})
afterEach(async () => {
  await repo.close()
  await cleanup()
})

async function reopen(): Promise<void> {
  await repo.close()
  await open()
}

describe('one order for every write', () => {
  it('keeps every label saved while a neighbouring sentence is split, merged or re-segmented', async () => {
    expect(doc.units).toHaveLength(SENTENCES)
    const split = doc.units[0]
    const edits = [
      handlers.splitUnit(doc.id, split.id, split.start + 'Satz Nummer'.length),
      handlers.updateDocumentMeta(doc.id, { title: 'Neuer Titel' }),
    ]
    const saves = doc.units
      .slice(2)
      .map((u) => handlers.saveAnnotation(doc.id, u.id, stance('pro')))
    const answers = await Promise.all([...edits, ...saves])
    expect(answers.filter((a) => !a.ok)).toEqual([])
    await reopen()
    const view = await handlers.getDocument(doc.id)
    if (!view.ok) throw new Error(view.error)
    const { annotations, document } = view.value as DocumentView
    const kept = doc.units.slice(2).filter((u) => annotations[u.id]?.statements.length)
    expect(kept).toHaveLength(SENTENCES - 2)
    expect(document.units).toHaveLength(SENTENCES + 1)
    expect(document.meta.title).toBe('Neuer Titel')
  })

  it('a label saved while a codebook save deletes it is either refused or removed, never left behind', async () => {
    const withoutContra: Codebook = {
      ...smallCodebook,
      dimensions: smallCodebook.dimensions.map((d) =>
        d.id === 'stance' ? { ...d, labels: d.labels.filter((l) => l.id !== 'contra') } : d,
      ),
    }
    const [before, codebook, after] = await Promise.all([
      handlers.saveAnnotation(doc.id, doc.units[0].id, stance('contra')),
      handlers.saveCodebook(withoutContra),
      handlers.saveAnnotation(doc.id, doc.units[1].id, stance('contra')),
    ])
    // Asked before the codebook save: saved, then stripped by it. Asked after: refused.
    expect(before.ok).toBe(true)
    expect(codebook.ok).toBe(true)
    expect(after).toMatchObject({ ok: false, error: '"Stance" has no label "contra".' })
    await reopen()
    const view = await handlers.getDocument(doc.id)
    if (!view.ok) throw new Error(view.error)
    const labels = Object.values((view.value as DocumentView).annotations).flatMap((a) =>
      a.statements.flatMap((s) => Object.values(s.values).flat()),
    )
    expect(labels).not.toContain('contra')
    const project = await handlers.getProject()
    if (!project.ok) throw new Error(project.error)
    expect((project.value as ProjectInfo).codebook.dimensions[0].labels.map((l) => l.id)).toEqual([
      'pro',
    ])
  })
})
