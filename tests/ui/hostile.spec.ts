import { buildDocument } from '../../electron/core/corpus/document'
import { expect, test } from './harness'

const PAYLOAD = `<img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script>`

// Article text, metadata, notes and label names come from outside (imported files, shared
// codebooks); none of them may run as code or turn into markup.
test('hostile text in articles, metadata, notes and label names shows as text', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: `Ana ${PAYLOAD}` })
  await app.ready()
  const { service } = harness.workbench!
  await service.repo.addDocument(
    buildDocument({
      id: 'hostile',
      text: `Überschrift ${PAYLOAD}\n\nDer Satz ${PAYLOAD} endet hier. Ein <b>zweiter</b> Satz folgt.`,
      meta: {
        title: `Titel ${PAYLOAD}`,
        source: `<a href="javascript:window.__pwned='link'">Quelle</a>`,
      },
    }),
  )
  const codebook = structuredClone(service.repo.getCodebook())
  codebook.dimensions[0].labels[0].name = `pro ${PAYLOAD}`
  await service.saveCodebook(codebook)

  const again = await harness.restart()
  await again.ready()
  await again.document(/Titel <img/).click()
  await expect(
    again.page.getByRole('heading', { level: 2, name: `Titel ${PAYLOAD}` }),
  ).toBeVisible()
  await expect(again.focusedSentence).toHaveText(`Der Satz ${PAYLOAD} endet hier.`)
  await again.press('1', '#')
  await again.page.keyboard.type(`Notiz ${PAYLOAD}`)
  await again.press('Escape')
  await again.waitSaved()
  await expect(again.label(`pro ${PAYLOAD}`)).toHaveAttribute('aria-pressed', 'true')
  await again.press('?')
  await expect(again.page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
    `pro ${PAYLOAD}`,
  )
  await again.press('Escape')

  // Nothing ran, and no element came out of the text.
  expect(
    await again.page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
  ).toBeUndefined()
  expect(
    await again.page
      .locator('main img, main script, main b, aside img, nav a[href^="javascript"]')
      .count(),
  ).toBe(0)
  // The note is stored verbatim: escaping belongs to whoever displays or exports it.
  const stored = await harness.workbench!.service.getDocument('hostile')
  expect(Object.values(stored.annotations)[0].note).toBe(`Notiz ${PAYLOAD}`)
})
