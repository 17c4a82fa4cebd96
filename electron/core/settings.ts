import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import { DurableJsonFile } from './storage/durableFile'

/** Per-user settings, kept in the app's user-data folder (not in a project, which may be shared). */
export interface Settings {
  annotator: string
  locale?: 'en' | 'de'
}

const settingsSchema = z.object({
  annotator: z.string().max(100),
  locale: z.enum(['en', 'de']).optional(),
})

export interface SettingsStore {
  get(): Settings
  update(patch: Partial<Settings>): Promise<Settings>
}

export async function openSettings(file: string): Promise<SettingsStore> {
  await mkdir(dirname(file), { recursive: true })
  const db = new Low<Settings>(
    new DurableJsonFile<Settings>(file, (d) => settingsSchema.parse(d)),
    { annotator: '' },
  )
  try {
    await db.read()
  } catch {
    // Settings are small and re-entered in a moment; a damaged file must not stop the app.
    db.data = { annotator: '' }
  }
  return {
    get: () => ({ ...db.data }),
    async update(patch) {
      db.data = { ...db.data, ...patch }
      await db.write()
      return { ...db.data }
    },
  }
}
