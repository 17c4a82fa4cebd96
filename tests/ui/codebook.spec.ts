import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Locator } from '@playwright/test'
import type { Codebook, SentenceAnnotation } from '../../electron/contract/model'
import type { WorkbenchPage } from '../support/workbenchPage'
import { annotationsOnDisk, codebookOnDisk, expect, test, type Harness } from './harness'

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)))
/** The first article of the sample corpus, open when the app starts. */
const FIRST_DOC = '000_21441c4ccb80678e'

const projectCodebook = codebookOnDisk

/** The first article's annotations as the disk holds them. */
function annotationsOfFirst(harness: Harness): Promise<Record<string, SentenceAnnotation>> {
  return annotationsOnDisk(harness, FIRST_DOC)
}

/**
 * Waits until a sentence's labels are on disk (ids per dimension, per statement). Reading is
 * retried: before the first save the file does not exist, and every durable write renames it.
 */
async function untilOnDisk(
  harness: Harness,
  unitId: string,
  values: Array<Record<string, string[]>>,
): Promise<void> {
  await expect(async () => {
    const stored = (await annotationsOfFirst(harness))[unitId]
    expect(stored?.statements.map((s) => s.values)).toEqual(values)
  }).toPass({ timeout: 15_000 })
}

async function focusedUnit(app: WorkbenchPage): Promise<string> {
  return (await app.focusedSentence.getAttribute('data-unit'))!
}

async function openEditor(app: WorkbenchPage): Promise<Locator> {
  await app.page.getByRole('button', { name: 'Codebook', exact: true }).click()
  const editor = app.page.getByRole('dialog', { name: 'Codebook' })
  await expect(editor).toBeVisible()
  return editor
}

function labelGroup(editor: Locator, name: string): Locator {
  return editor.getByRole('group', { name: `Label ${name}`, exact: true })
}

test('renaming a used label keeps its annotations and raises the codebook version', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Test Analyst' })
  await app.ready()
  await app.press('ArrowDown', '2')
  await expect(app.label('critical')).toHaveAttribute('aria-pressed', 'true')
  const unitId = await focusedUnit(app)
  await untilOnDisk(harness, unitId, [{ stance: ['critical'] }])
  expect((await projectCodebook(harness)).version).toBe(1)

  const editor = await openEditor(app)
  await expect(editor.getByText('Version 1', { exact: true })).toBeVisible()
  const save = editor.getByRole('button', { name: 'Save' })
  await expect(save).toBeDisabled()
  await labelGroup(editor, 'critical').getByRole('textbox', { name: 'Name' }).fill('sceptical')
  await expect(editor.getByText('Unsaved changes')).toBeVisible()
  await save.click()
  await expect(editor.getByRole('status')).toHaveText('Saved as version 2.')
  await expect(editor.getByText('Version 2', { exact: true })).toBeVisible()
  await editor.getByRole('button', { name: 'Close' }).click()
  await expect(editor).toBeHidden()

  await expect(app.label('sceptical')).toHaveAttribute('aria-pressed', 'true')
  await expect(app.label('critical')).toHaveCount(0)
  expect((await annotationsOfFirst(harness))[unitId].statements[0].values.stance).toEqual([
    'critical',
  ])
  const codebook = await projectCodebook(harness)
  expect(codebook.version).toBe(2)
  expect(codebook.dimensions[0].labels[1]).toMatchObject({
    id: 'critical',
    name: 'sceptical',
    hotkey: '2',
  })

  // Every annotation records the codebook version it was made under.
  await app.press('ArrowDown', '1')
  const next = await focusedUnit(app)
  await untilOnDisk(harness, next, [{ stance: ['supportive'] }])
  const onDisk = await annotationsOfFirst(harness)
  expect(onDisk[next].codebookVersion).toBe(2)
  expect(onDisk[unitId].codebookVersion).toBe(1)
})

test('a hotkey collision is shown at once and blocks saving until it is fixed', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Test Analyst' })
  await app.ready()
  const editor = await openEditor(app)
  const save = editor.getByRole('button', { name: 'Save' })
  const critical = labelGroup(editor, 'critical')
  const hotkey = critical.getByRole('textbox', { name: 'Hotkey' })

  await hotkey.press('t')
  await expect(hotkey).toHaveValue('t')
  await expect(
    critical.getByText(
      'The key "t" is already taken by "Trump" (Actor); choose another key for "critical".',
    ),
  ).toBeVisible()
  await expect(labelGroup(editor, 'Trump').getByRole('listitem')).toHaveCount(0)
  await expect(editor.getByText('Fix one problem before saving.')).toBeVisible()
  await expect(save).toBeDisabled()

  await hotkey.press('?')
  await expect(
    critical.getByText('The key "?" of "critical" is reserved for a command.'),
  ).toBeVisible()
  await expect(save).toBeDisabled()

  await hotkey.press('Shift+Q')
  await expect(hotkey).toHaveValue('q')
  await expect(critical.getByRole('listitem')).toHaveCount(0)
  await expect(save).toBeEnabled()

  // Escape asks before unsaved changes are dropped; nothing reached the project.
  await app.page.keyboard.press('Escape')
  const discard = app.page.getByRole('alertdialog', { name: 'Discard unsaved changes?' })
  await discard.getByRole('button', { name: 'Keep editing' }).click()
  await expect(discard).toBeHidden()
  await expect(editor).toBeVisible()
  await app.page.keyboard.press('Escape')
  await discard.getByRole('button', { name: 'Discard changes' }).click()
  await expect(editor).toBeHidden()
  expect((await projectCodebook(harness)).dimensions[0].labels[1].hotkey).toBe('2')
  // The keys typed into the editor never reached the main screen.
  for (const name of ['critical', 'Trump'])
    await expect(app.label(name)).toHaveAttribute('aria-pressed', 'false')
})

test('a new label with a new hotkey codes sentences from the main screen', async ({ harness }) => {
  const app = await harness.start({ annotator: 'Test Analyst' })
  await app.ready()
  const editor = await openEditor(app)
  const actor = editor.getByRole('group', { name: 'Dimension Actor', exact: true })
  await actor.getByRole('textbox', { name: 'New label in Actor' }).fill('Moon Jae In')
  await actor.getByRole('button', { name: 'Add label' }).click()

  const moon = labelGroup(editor, 'Moon Jae In')
  await expect(moon.getByText('Id: moon-jae-in')).toBeVisible()
  await moon.getByRole('textbox', { name: 'Hotkey' }).press('m')
  await moon
    .getByRole('textbox', { name: 'Definition' })
    .fill('Moon Jae In, the South Korean president.')
  await moon.getByRole('textbox', { name: /^Aliases/ }).fill('Moon\nPräsident Moon\n')
  // Renaming keeps the id made from the first name.
  await moon.getByRole('textbox', { name: 'Name' }).fill('Moon (South Korea)')
  await expect(labelGroup(editor, 'Moon (South Korea)').getByText('Id: moon-jae-in')).toBeVisible()

  await app.page.keyboard.press('ControlOrMeta+s')
  await expect(editor.getByRole('status')).toHaveText('Saved as version 2.')
  await app.page.keyboard.press('Escape')
  await expect(editor).toBeHidden()

  await app.press('m')
  await expect(app.label('Moon (South Korea)')).toHaveAttribute('aria-pressed', 'true')
  const unitId = await focusedUnit(app)
  await untilOnDisk(harness, unitId, [{ actor: ['moon-jae-in'] }])
  const stored = (await annotationsOfFirst(harness))[unitId]
  expect(stored.codebookVersion).toBe(2)
  const label = (await projectCodebook(harness)).dimensions[1].labels.at(-1)
  expect(label).toEqual({
    id: 'moon-jae-in',
    name: 'Moon (South Korea)',
    color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    hotkey: 'm',
    definition: 'Moon Jae In, the South Korean president.',
    examples: [],
    aliases: ['Moon', 'Präsident Moon'],
  })
})

test('deleting a used label says what happens to annotations, and does it only when confirmed', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Test Analyst' })
  await app.ready()
  // Two sentences with "critical", the first one in two statements.
  const first = await focusedUnit(app)
  await app.press('2')
  await untilOnDisk(harness, first, [{ stance: ['critical'] }])
  await app.press('+', '2', 'ArrowDown', '2')
  const second = await focusedUnit(app)
  await untilOnDisk(harness, first, [{ stance: ['critical'] }, { stance: ['critical'] }])
  await untilOnDisk(harness, second, [{ stance: ['critical'] }])
  const coded = [first, second]

  // An unused label goes without a question.
  let editor = await openEditor(app)
  await labelGroup(editor, 'mixed').getByRole('button', { name: 'Delete label' }).click()
  await expect(labelGroup(editor, 'mixed')).toHaveCount(0)
  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(editor.getByRole('status')).toHaveText('Saved as version 2.')

  await labelGroup(editor, 'critical').getByRole('button', { name: 'Delete label' }).click()
  await editor.getByRole('button', { name: 'Save' }).click()
  const confirm = app.page.getByRole('alertdialog', { name: 'Delete labels from annotations?' })
  await expect(confirm).toContainText(
    '2 sentences (3 statements) lose the label “critical” (Stance).',
  )
  await expect(confirm).toContainText('This cannot be undone by Undo.')
  await expect(confirm).not.toContainText('mixed')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toBeHidden()
  expect((await projectCodebook(harness)).version).toBe(2)
  for (const id of coded)
    expect((await annotationsOfFirst(harness))[id].statements[0].values.stance).toEqual([
      'critical',
    ])

  await editor.getByRole('button', { name: 'Save' }).click()
  await confirm.getByRole('button', { name: 'Delete and save' }).click()
  await expect(editor.getByRole('status')).toHaveText('Saved as version 3.')
  await editor.getByRole('button', { name: 'Close' }).click()
  await expect(editor).toBeHidden()

  const onDisk = await annotationsOfFirst(harness)
  expect(JSON.stringify(onDisk)).not.toContain('critical')
  for (const id of coded)
    expect(onDisk[id].statements.every((s) => s.values.stance === undefined)).toBe(true)
  const codebook = await projectCodebook(harness)
  expect(codebook.version).toBe(3)
  expect(codebook.dimensions[0].labels.map((l) => l.id)).toEqual(['supportive', 'neutral'])
  await expect(app.label('critical')).toHaveCount(0)
  await expect(app.documentProgress).toContainText('0 of 28 coded')
  // The coding that named the deleted label is out of the undo history, as the dialog said.
  await expect(app.page.getByRole('button', { name: 'Undo' })).toBeDisabled()

  editor = await openEditor(app)
  await expect(editor.getByText('Version 3', { exact: true })).toBeVisible()
})

test('deleting a used dimension says how many statements lose their values in it', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Test Analyst' })
  await app.ready()
  const unitId = await focusedUnit(app)
  await app.press('1')
  await untilOnDisk(harness, unitId, [{ stance: ['supportive'] }])
  await app.press('n')
  await untilOnDisk(harness, unitId, [{ stance: ['supportive'], argument: ['denuclearisation'] }])
  const editor = await openEditor(app)
  const argument = editor.getByRole('group', { name: 'Dimension Argument', exact: true })
  await argument.getByRole('button', { name: 'Delete dimension' }).click()
  await expect(argument).toHaveCount(0)
  await editor.getByRole('button', { name: 'Save' }).click()
  const confirm = app.page.getByRole('alertdialog', { name: 'Delete labels from annotations?' })
  await expect(confirm.getByRole('listitem')).toHaveText([
    '1 statement loses every value in the dimension “Argument”.',
  ])
  await confirm.getByRole('button', { name: 'Delete and save' }).click()
  await expect(editor.getByRole('status')).toHaveText('Saved as version 2.')
  expect((await annotationsOfFirst(harness))[unitId].statements[0].values).toEqual({
    stance: ['supportive'],
  })
  expect((await projectCodebook(harness)).dimensions.map((d) => d.id)).toEqual(['stance', 'actor'])
})

test('labels and dimensions are reordered and recoloured, and the main screen follows', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Test Analyst' })
  await app.ready()
  const editor = await openEditor(app)
  await editor
    .getByRole('group', { name: 'Dimension Argument', exact: true })
    .getByRole('button', { name: 'Move dimension up' })
    .click()
  await labelGroup(editor, 'neutral').getByRole('button', { name: 'Move label up' }).click()
  await labelGroup(editor, 'supportive').getByLabel('Colour').fill('#00c853')
  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(editor.getByRole('status')).toHaveText('Saved as version 2.')
  await editor.getByRole('button', { name: 'Close' }).click()

  const codebook = await projectCodebook(harness)
  expect(codebook.dimensions.map((d) => d.id)).toEqual(['stance', 'argument', 'actor'])
  expect(codebook.dimensions[0].labels.map((l) => l.id)).toEqual([
    'supportive',
    'neutral',
    'critical',
    'mixed',
  ])
  expect(codebook.dimensions[0].labels[0].color).toBe('#00c853')
  await expect(
    app.codingPanel.getByRole('heading', { level: 3, name: /^(Stance|Argument|Actor)\b/ }),
  ).toHaveText([/^Stance/, /^Argument/, /^Actor/])
})

test('the codebook is exported to a file and a changed file is imported, reviewed and saved', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Test Analyst' })
  await app.ready()
  const editor = await openEditor(app)
  const status = editor.getByRole('status')

  const exported = join(harness.dataDir, 'shared', 'codebook.json')
  await mkdir(join(harness.dataDir, 'shared'))
  harness.dialogs.answer('chooseSaveFile', exported)
  await editor.getByRole('button', { name: 'Export to file…' }).click()
  await expect(status).toHaveText(`Codebook written to ${exported}`)
  const file = JSON.parse(await readFile(exported, 'utf8')) as Codebook
  expect(file).toEqual(await projectCodebook(harness))
  expect(file.dimensions[0].labels[1]).toMatchObject({
    id: 'critical',
    color: '#c62828',
    hotkey: '2',
  })
  expect(file.dimensions[1].labels[0].aliases).toContain('Donald Trump')

  file.dimensions[0].labels[1].color = '#ff00aa'
  file.dimensions[1].labels.push({
    id: 'moon',
    name: 'Moon Jae In',
    color: '#00695c',
    hotkey: 'm',
    definition: 'The South Korean president.',
    examples: [],
    aliases: ['Moon'],
  })
  const changed = join(harness.dataDir, 'shared', 'codebook-changed.json')
  await writeFile(changed, JSON.stringify(file, null, 2))

  // A file that is not a codebook is refused with a message, and the draft stays as it was.
  const broken = join(harness.dataDir, 'shared', 'broken.json')
  await writeFile(broken, '{ "dimensions": [')
  harness.dialogs.answer('chooseCodebookFile', broken)
  await editor.getByRole('button', { name: 'Import from file…' }).click()
  await expect(editor.getByRole('alert')).toContainText(
    'This is not a codebook: the file is not valid JSON',
  )

  harness.dialogs.answer('chooseCodebookFile', changed)
  await editor.getByRole('button', { name: 'Import from file…' }).click()
  await expect(status).toContainText('Codebook read from the file.')
  await expect(editor.getByRole('alert')).toHaveCount(0)
  await expect(labelGroup(editor, 'critical').getByLabel('Colour')).toHaveValue('#ff00aa')
  await expect(
    labelGroup(editor, 'Moon Jae In').getByRole('textbox', { name: 'Hotkey' }),
  ).toHaveValue('m')
  // Not in the project before the analyst saves.
  expect((await projectCodebook(harness)).version).toBe(1)

  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(status).toContainText('Saved as version 2.')
  const codebook = await projectCodebook(harness)
  expect(codebook.version).toBe(2)
  expect(codebook.dimensions[0].labels[1].color).toBe('#ff00aa')
  expect(codebook.dimensions[1].labels.at(-1)).toEqual(file.dimensions[1].labels.at(-1))
})

test('the editor shows the default codebook with its dimensions, and speaks German', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Test Analyst' })
  await app.ready()
  const editor = await openEditor(app)
  for (const name of ['Stance', 'Actor', 'Argument'])
    await expect(
      editor.getByRole('group', { name: `Dimension ${name}`, exact: true }),
    ).toBeVisible()
  const stance = editor.getByRole('group', { name: 'Dimension Stance', exact: true })
  await expect(stance.getByRole('checkbox', { name: /multi-choice/ })).not.toBeChecked()
  await expect(
    editor
      .getByRole('group', { name: 'Dimension Actor' })
      .getByRole('checkbox', { name: /multi-choice/ }),
  ).toBeChecked()
  await expect(stance.getByRole('checkbox', { name: /^Required/ })).toBeChecked()

  const critical = labelGroup(editor, 'critical')
  const details = critical.getByRole('button', { name: 'Details' })
  await details.click()
  await expect(details).toHaveAttribute('aria-expanded', 'true')
  await expect(critical.getByRole('textbox', { name: 'Definition' })).toHaveValue(
    /summit diplomacy as failed/,
  )
  await expect(critical.getByRole('textbox', { name: 'Examples (one per line)' })).toHaveValue(
    'Viel Aufregung, kein Fortschritt.\nDas macht dieses Treffen so gefährlich.',
  )
  // The README's picture, only on request (npm run screenshots): npm test leaves the tree clean.
  if (process.env.SCREENSHOTS === '1') {
    await mkdir(join(REPO, 'docs', 'screenshots'), { recursive: true })
    await app.page.screenshot({ path: join(REPO, 'docs', 'screenshots', 'codebook.png') })
  }

  await editor.getByRole('button', { name: 'Close' }).click()
  await app.page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await app.page.getByRole('button', { name: 'Codebuch', exact: true }).click()
  const german = app.page.getByRole('dialog', { name: 'Codebuch' })
  await expect(german.getByRole('button', { name: 'Speichern' })).toBeDisabled()
  await expect(
    german.getByRole('group', { name: 'Label critical' }).getByRole('textbox', { name: 'Taste' }),
  ).toHaveValue('2')
})
