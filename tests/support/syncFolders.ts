/**
 * A sync engine in miniature, for tests that do not need a real one: carries every file the
 * app's .stignore leaves in from one project folder to another, when it is newer there than here
 * (a sync engine carries changes, not stale copies of files the other side never touched).
 */
import { cp, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

export async function syncOnce(from: string, to: string): Promise<void> {
  await cp(from, to, {
    recursive: true,
    force: true,
    preserveTimestamps: true,
    filter: async (source) => {
      const rel = relative(from, source)
      if (rel === '') return true
      const top = rel.split(sep)[0]
      if (top === 'local' || rel.endsWith('.json.tmp') || rel.endsWith('.json.bak')) return false
      const here = await stat(source)
      if (here.isDirectory()) return true
      const there = await stat(join(to, rel)).catch(() => null)
      return !there || there.mtimeMs < here.mtimeMs
    },
  })
}
