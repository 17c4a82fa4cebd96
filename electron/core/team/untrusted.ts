/**
 * Reading a file another machine wrote: validated like an import, never repaired, never written.
 * (The durable adapter's read would restore a damaged file from its backup, i.e. write it; a
 * file of another coder is theirs to write, so here a bad file is only refused.)
 */
import { readFile, stat } from 'node:fs/promises'
import type { z } from 'zod'
import { describe } from '../storage/files'

/** Larger than any file the app writes (a 1-MB article with its units is ~3 MB); a guard, no more. */
const MAX_BYTES = 64 * 1024 * 1024

export class RefusedFile extends Error {}

/** A validator from a zod schema, whose error names the first problems. */
export function bySchema<T extends z.ZodTypeAny>(schema: T): (data: unknown) => z.infer<T> {
  return (data) => {
    const parsed = schema.safeParse(data)
    if (!parsed.success)
      throw new Error(`it does not have the expected shape: ${describe(parsed.error)}`)
    return parsed.data
  }
}

export async function readUntrusted<T>(file: string, validate: (data: unknown) => T): Promise<T> {
  const info = await stat(file)
  if (!info.isFile()) throw new RefusedFile('it is not a file')
  if (info.size > MAX_BYTES) throw new RefusedFile(`it is too large (${info.size} bytes)`)
  let data: unknown
  try {
    data = JSON.parse(await readFile(file, 'utf8'))
  } catch {
    throw new RefusedFile('it is not valid JSON (truncated, or not written by the app)')
  }
  try {
    return validate(data)
  } catch (e) {
    throw new RefusedFile((e as Error).message)
  }
}
