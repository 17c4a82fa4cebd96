/**
 * Which coder uses this machine's copy of a project: local/coder.json, written by the app when
 * it opens the project, read by tools that have no user settings of their own (the CLI), so that
 * they read, and never write, the layer of the coder who works here.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeAtomically } from '../storage/durableFile'
import { CODER_ID } from '../settings'
import { LOCAL_DIR } from './layout'

const machineSchema = z.object({ coder: z.string().regex(CODER_ID), name: z.string().max(100) })

const file = (dir: string) => join(dir, LOCAL_DIR, 'coder.json')

export async function machineCoder(dir: string): Promise<z.infer<typeof machineSchema> | null> {
  try {
    return machineSchema.parse(JSON.parse(await readFile(file(dir), 'utf8')))
  } catch {
    return null
  }
}

export async function rememberMachineCoder(
  dir: string,
  coder: string,
  name: string,
): Promise<void> {
  const current = await machineCoder(dir)
  if (current?.coder === coder && current.name === name) return
  await writeAtomically(file(dir), `${JSON.stringify({ coder, name })}\n`)
}
