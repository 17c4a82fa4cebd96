/**
 * What the analyst picked (files and folders) → the files to import. Folders are walked
 * recursively in a stable order; whatever cannot be imported becomes a problem with a reason.
 */
import { constants } from 'node:fs'
import { access, readdir, realpath, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import {
  MAX_FILE_BYTES,
  SUPPORTED_EXTENSIONS,
  extensionOf,
  tooLargeReason,
  unsupportedReason,
} from './readers'
import { msg, type Message, type MessageCode } from '../../../contract/messages'

export interface FoundFile {
  path: string
  name: string
  size: number
}

export interface FileProblem {
  path: string
  reason: Message
}

export interface CollectOptions {
  /** Overrides MAX_FILE_BYTES. */
  maxBytes?: number
}

// Numbers in names sort as numbers (artikel-2 before artikel-10), as file managers show them.
const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'variant' })

/**
 * Expands files and folders (recursively, sorted, skipping hidden files/folders) into importable
 * files; unsupported or oversize files become problems with clear reasons, never exceptions.
 */
export async function collectFiles(
  paths: string[],
  options: CollectOptions = {},
): Promise<{ files: FoundFile[]; problems: FileProblem[] }> {
  const limit = options.maxBytes ?? MAX_FILE_BYTES
  const files: FoundFile[] = []
  const problems: FileProblem[] = []
  const seen = new Set<string>()

  const visit = async (path: string, explicit: boolean): Promise<void> => {
    let info
    try {
      info = await stat(path)
    } catch (e) {
      problems.push({ path, reason: osReason(e) })
      return
    }
    // The same file reached twice (picked and inside a picked folder, or through a link to a
    // folder above it) is imported once and never loops.
    const real = await realpath(path).catch(() => resolve(path))
    if (seen.has(real)) return
    seen.add(real)

    if (info.isDirectory()) {
      let entries: string[]
      try {
        entries = await readdir(path)
      } catch (e) {
        problems.push({ path, reason: osReason(e) })
        return
      }
      for (const entry of entries.filter((n) => !isHidden(n)).sort(collator.compare)) {
        await visit(join(path, entry), false)
      }
      return
    }
    if (!info.isFile()) {
      if (explicit) problems.push({ path, reason: msg('import.notRegular') })
      return
    }
    const name = basename(path)
    const ext = extensionOf(name)
    if (!SUPPORTED_EXTENSIONS.includes(ext)) {
      problems.push({ path, reason: unsupportedReason(ext) })
    } else if (info.size > limit) {
      problems.push({ path, reason: tooLargeReason(info.size, limit) })
    } else if (info.size === 0) {
      problems.push({ path, reason: msg('import.empty') })
    } else {
      try {
        await access(path, constants.R_OK)
        files.push({ path, name, size: info.size })
      } catch (e) {
        problems.push({ path, reason: osReason(e) })
      }
    }
  }

  for (const p of paths) await visit(p, true)
  return { files, problems }
}

/**
 * Dot files and folders are hidden on macOS and Linux; `~$…` are Word's lock files next to open
 * documents, and Thumbs.db/desktop.ini are Windows' own. None of them is ever an article.
 */
function isHidden(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || /^(thumbs\.db|desktop\.ini)$/i.test(name)
}

const OS_REASONS: Record<string, MessageCode> = {
  ENOENT: 'import.os.ENOENT',
  EACCES: 'import.os.EACCES',
  EPERM: 'import.os.EACCES',
  EISDIR: 'import.os.EISDIR',
  ENOTDIR: 'import.os.ENOTDIR',
  ELOOP: 'import.os.ELOOP',
  EBUSY: 'import.os.EBUSY',
  EMFILE: 'import.os.EMFILE',
  ENAMETOOLONG: 'import.os.ENAMETOOLONG',
}

/** The operating system's reason in words, keeping the code for whoever has to dig deeper. */
function osReason(e: unknown): Message {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : ''
  const words = OS_REASONS[code]
  if (words) return msg('import.osReason', { reason: msg(words), code })
  const message = e instanceof Error ? e.message : String(e)
  return msg('import.unreadable', { detail: message })
}
