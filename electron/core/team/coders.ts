/**
 * Coder profiles: coders/<coder-id>.json holds the name (and initials) a coder chose, written by
 * that coder only, so every machine can show names for the ids annotations record.
 */
import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { msg } from '../../contract/messages'
import { DurableJsonFile } from '../storage/durableFile'
import { CODER_ID } from '../settings'
import { CODERS_DIR, isConflictCopy, isTransient } from './layout'
import type { TeamProblem } from './problems'
import { bySchema, readUntrusted } from './untrusted'

const profileSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string().regex(CODER_ID),
  name: z.string().max(100),
  initials: z.string().max(6).optional(),
})

export type CoderProfile = Omit<z.infer<typeof profileSchema>, 'schemaVersion'>

export function coderFile(dir: string, id: string): string {
  return join(dir, CODERS_DIR, `${id}.json`)
}

/** Writes the coder's own profile when it says something other than what is on disk. */
export async function writeProfile(dir: string, profile: CoderProfile): Promise<void> {
  const file = new DurableJsonFile(coderFile(dir, profile.id), (d) => profileSchema.parse(d))
  const current = await file.read().catch(() => null)
  const next = { schemaVersion: 1 as const, ...profile }
  if (current && JSON.stringify(current) === JSON.stringify(next)) return
  await mkdir(join(dir, CODERS_DIR), { recursive: true })
  await file.write(next)
}

/** Every readable profile, by coder id; the rest are reported. */
export async function readProfiles(
  dir: string,
): Promise<{ profiles: Map<string, CoderProfile>; problems: TeamProblem[] }> {
  const profiles = new Map<string, CoderProfile>()
  const problems: TeamProblem[] = []
  const names = await readdir(join(dir, CODERS_DIR)).catch(() => [] as string[])
  for (const name of names.sort()) {
    const path = join(CODERS_DIR, name)
    if (isConflictCopy(name)) {
      problems.push({ path, kind: 'conflict-copy', message: msg('team.conflictCopy', { path }) })
      continue
    }
    if (isTransient(name) || !name.endsWith('.json')) continue
    try {
      const data = await readUntrusted(join(dir, CODERS_DIR, name), bySchema(profileSchema))
      if (`${data.id}.json` !== name) throw new Error(`it names the coder "${data.id}"`)
      const { schemaVersion: _v, ...profile } = data
      profiles.set(data.id, profile)
    } catch (e) {
      problems.push({
        path,
        kind: 'refused',
        message: msg('team.fileRefused', { path, detail: (e as Error).message }),
      })
    }
  }
  return { profiles, problems }
}
