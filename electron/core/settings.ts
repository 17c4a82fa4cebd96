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

const SETTINGS_VERSION = 1

const settingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_VERSION).optional(),
  annotator: z.string().max(100),
  locale: z.enum(['en', 'de']).optional(),
})

type SettingsFile = Settings & { schemaVersion?: number }

export interface SettingsStore {
  get(): Settings
  update(patch: Partial<Settings>): Promise<Settings>
}

export async function openSettings(file: string): Promise<SettingsStore> {
  await mkdir(dirname(file), { recursive: true })
  const db = new Low<SettingsFile>(
    new DurableJsonFile<SettingsFile>(file, (d) => settingsSchema.parse(d)),
    { schemaVersion: SETTINGS_VERSION, annotator: '' },
  )
  try {
    await db.read()
  } catch {
    // Settings are small and re-entered in a moment; a damaged file must not stop the app.
    db.data = { schemaVersion: SETTINGS_VERSION, annotator: '' }
  }
  const current = (): Settings => {
    const { schemaVersion: _version, ...settings } = db.data
    return settings
  }
  return {
    get: current,
    async update(patch) {
      db.data = { ...db.data, ...patch, schemaVersion: SETTINGS_VERSION }
      await db.write()
      return current()
    },
  }
}
