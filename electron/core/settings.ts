import { randomBytes } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import { DurableJsonFile } from './storage/durableFile'

/** Per-user settings, kept in the app's user-data folder (not in a project, which may be shared). */
export interface Settings {
  /** The coder's display name, shown to the team; it can change, the coder id does not. */
  annotator: string
  /**
   * The coder's identity, generated once for this person on this machine's user account:
   * annotations record it, and the coder's layer of a team project is named by it.
   */
  coderId: string
  /** A short code (initials) shown where space is tight. */
  initials?: string
  locale?: 'en' | 'de'
}

const SETTINGS_VERSION = 2

/** Coder ids name folders in a shared project: lower-case letters and digits only. */
export const CODER_ID = /^[a-z0-9][a-z0-9-]{2,39}$/

const settingsSchema = z.object({
  schemaVersion: z.number().int().min(1).max(SETTINGS_VERSION).optional(),
  annotator: z.string().max(100),
  coderId: z.string().regex(CODER_ID).optional(),
  initials: z.string().max(6).optional(),
  locale: z.enum(['en', 'de']).optional(),
})

type SettingsFile = z.infer<typeof settingsSchema>

/** A new coder id: random, so that two people never share one, and readable in a folder name. */
export function newCoderId(): string {
  return `c${randomBytes(6).toString('hex')}`
}

export interface SettingsStore {
  get(): Settings
  update(patch: Partial<Omit<Settings, 'coderId'>>): Promise<Settings>
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
  // Settings of version 1 had a name and no identity: the identity is made once, here, and kept.
  if (!db.data.coderId || db.data.schemaVersion !== SETTINGS_VERSION) {
    db.data = {
      ...db.data,
      coderId: db.data.coderId ?? newCoderId(),
      schemaVersion: SETTINGS_VERSION,
    }
    await db.write()
  }
  const current = (): Settings => {
    const { schemaVersion: _version, coderId, ...settings } = db.data
    return { ...settings, coderId: coderId as string }
  }
  return {
    get: current,
    async update(patch) {
      const { coderId: _fixed, ...allowed } = patch as Partial<Settings>
      db.data = { ...db.data, ...allowed, schemaVersion: SETTINGS_VERSION }
      await db.write()
      return current()
    },
  }
}
