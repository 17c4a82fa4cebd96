/**
 * The folder layout of a team project: every file has exactly one writer, so any file-sync
 * engine (git, Syncthing, Nextcloud, Dropbox) can carry the folder without ever having to merge
 * a file.
 *
 *   project.json                          name, creation         written once, by its creator
 *   documents/<id>.json                   one article            written once, at import; equal
 *                                                                 imports give equal bytes
 *   codebook/<version>-<coder>.json       one codebook version   written once, by its coder
 *   coders/<coder>.json                   a coder's name         written by that coder only
 *   annotations/<coder>/<id>.json         a coder's layer        written by that coder only
 *   local/                                this machine's state   never synced: index cache,
 *                                                                 lock, which coder works here
 */
import { writeFile, readFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'

/** Machine-local state: the index cache, the lock, which coder uses this machine. */
export const LOCAL_DIR = 'local'
export const CODEBOOK_DIR = 'codebook'
export const CODERS_DIR = 'coders'
export const ANNOTATIONS_DIR = 'annotations'
export const DOCUMENTS_DIR = 'documents'

/**
 * What sync must leave alone: this machine's state, and the durable writer's leftovers (a
 * temporary file is half a write; the backup is this machine's own previous version).
 */
const IGNORED = [`/${LOCAL_DIR}/`, '*.json.tmp', '*.json.bak']

const MARK = '# Written by Pressecoder: machine-local files that sync must not carry.'

export const GITIGNORE = `${MARK}\n${IGNORED.join('\n')}\n`
// Syncthing's patterns: a leading slash anchors at the folder root; (?d) lets Syncthing delete
// an ignored file when it stands in the way of removing a folder.
export const STIGNORE = `${MARK}\n(?d)/${LOCAL_DIR}\n(?d)*.json.tmp\n(?d)*.json.bak\n`

/**
 * Writes .gitignore and .stignore when they are missing or lack our lines; a file of the team's
 * own is kept and our lines are appended once.
 */
export async function writeIgnoreFiles(dir: string): Promise<void> {
  // Before local/ exists: a sync engine scanning the folder must never see the lock or index.
  for (const [name, content] of [
    ['.gitignore', GITIGNORE],
    ['.stignore', STIGNORE],
  ] as const) {
    const file = join(dir, name)
    const existing = await readFile(file, 'utf8').catch(() => '')
    if (existing.includes(MARK)) continue
    const joined = existing && !existing.endsWith('\n') ? `${existing}\n` : existing
    await writeFile(file, joined + content)
  }
  await mkdir(join(dir, LOCAL_DIR), { recursive: true })
}

export function layerDir(dir: string, coderId: string): string {
  return join(dir, ANNOTATIONS_DIR, coderId)
}

/**
 * The copies sync engines make when two machines changed one file: Syncthing's
 * `name.sync-conflict-20240101-120000-ABCDEFG.json`, Nextcloud's `name (conflicted copy
 * 2024-01-01 120000).json` and Dropbox's `name (Ana's conflicted copy 2024-01-01).json`. With one
 * writer per file they should never arise; when they do (a folder copied by hand, two machines
 * using one coder id) they are reported and never read as data.
 */
const CONFLICT_COPY = [/\.sync-conflict-\d{8}-\d{6}(-[A-Z0-9]{7})?/, /\(.*conflicted copy.*\)/i]

export function isConflictCopy(name: string): boolean {
  return CONFLICT_COPY.some((p) => p.test(name))
}

/** Files of ours in flight or left over, which are neither data nor news. */
export function isTransient(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.endsWith('.tmp') ||
    name.endsWith('.bak') ||
    name.startsWith('~syncthing~')
  )
}
