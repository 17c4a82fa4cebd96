/**
 * The application menu in the analyst's language: every item is labelled from the catalogue,
 * because Electron's own role labels are English on Windows and Linux.
 */
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { menuTemplate } from '../../electron/main/menuTemplate'

/** Every label of the menu, submenus included, in order. */
function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.label ? [item.label] : []),
    ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
  ])
}

describe('the application menu', () => {
  it('is German for a German analyst, on Windows and Linux', () => {
    expect(labels(menuTemplate('de', { mac: false, packaged: true }))).toEqual([
      'Datei',
      'Beenden',
      'Bearbeiten',
      'Ausschneiden',
      'Kopieren',
      'Einfügen',
      'Alles auswählen',
      'Ansicht',
      'Originalgröße',
      'Vergrößern',
      'Verkleinern',
      'Vollbild',
      'Fenster',
      'Minimieren',
      'Fenster schließen',
    ])
  })

  it('labels every item but the separators and the macOS app menu', () => {
    for (const locale of ['en', 'de'] as const) {
      const unlabelled: MenuItemConstructorOptions[] = []
      const walk = (items: MenuItemConstructorOptions[]) => {
        for (const item of items) {
          if (!item.label && item.type !== 'separator' && item.role !== 'appMenu')
            unlabelled.push(item)
          if (Array.isArray(item.submenu)) walk(item.submenu)
        }
      }
      walk(menuTemplate(locale, { mac: true, packaged: false }))
      expect(unlabelled).toEqual([])
    }
  })

  it('has no Undo or Redo item, so Ctrl+Z reaches the coding undo', () => {
    const roles = JSON.stringify(menuTemplate('en', { mac: false, packaged: false }))
    expect(roles).not.toMatch(/"role":"(undo|redo)"/)
  })
})
