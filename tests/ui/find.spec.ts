import { expect, test } from './harness'

test('several words find the sentences holding all of them, in any order, highlighted', async ({
  harness,
}) => {
  const app = await harness.start({ annotator: 'Find Analyst' })
  await app.ready()
  await app.press('/')
  const find = app.page.getByRole('search')
  const box = find.getByRole('searchbox', { name: 'Search text' })
  const results = find.getByRole('list', { name: 'Results' })
  const count = find.getByRole('status')

  // Both words, in the other order than the text has them, umlauts loosely.
  await box.fill('Handschlag erneuten')
  await expect(count).toHaveText('1 sentence')
  await expect(results.getByRole('button')).toHaveCount(1)
  await expect(results.getByRole('button')).toContainText(
    'Natürlich wird vor allem die nordkoreanische Seite den erneuten Handschlag',
  )
  await expect(app.highlights(results)).toHaveText(['erneuten', 'Handschlag'])
  // A hit opens its sentence, and the keyboard is back in the article: Space codes on.
  await results.getByRole('button').click()
  await expect(app.focusedSentence).toHaveText(/^Natürlich wird vor allem die nordkoreanische/)
  await app.press('2', ' ')
  await expect(app.focusedSentence).toHaveText(/^Und auch Trump wird vermutlich wieder/)

  await box.fill('Pjoengjang Raketentest')
  await expect(count).toHaveText('2 sentences')
  await expect(app.highlights(results.getByRole('button').first())).toHaveText([
    'Pjöngjang',
    'Raketentest',
  ])

  await box.fill('Pjoengjang Raketentest Kimchi')
  await expect(count).toHaveText('No sentence found')
  await expect(results.getByRole('button')).toHaveCount(0)

  // The counts read naturally in German too.
  await app.press('Escape')
  await app.page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await app.press('/')
  const suche = app.page.getByRole('search')
  await suche.getByRole('searchbox').fill('Handschlag erneuten')
  await expect(suche.getByRole('status')).toHaveText('1 Satz')
  await suche.getByRole('searchbox').fill('Pjoengjang Raketentest')
  await expect(suche.getByRole('status')).toHaveText('2 Sätze')
})
