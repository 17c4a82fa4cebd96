/**
 * Every catalogue of the interface, as i18n/index.ts merges them: `en.ts` and `de.ts` at the top,
 * each `<name>.en.ts` / `<name>.de.ts` under `<name>`. Read from the folder, so that a catalogue
 * added later is compared and checked without anyone remembering to list it here.
 */
import { readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const I18N = resolve(fileURLToPath(new URL('../../renderer/src/i18n', import.meta.url)))

export type Catalogues = Record<'en' | 'de', Record<string, unknown>>

export async function rendererCatalogues(): Promise<Catalogues> {
  const out: Catalogues = { en: {}, de: {} }
  for (const file of (await readdir(I18N)).sort()) {
    const match = /^(?:(\w+)\.)?(en|de)\.ts$/.exec(file)
    if (!match) continue
    const [, name, locale] = match as unknown as [string, string | undefined, 'en' | 'de']
    const tree = ((await import(join(I18N, file))) as { default: Record<string, unknown> }).default
    if (name) out[locale][name] = tree
    else Object.assign(out[locale], tree)
  }
  return out
}
