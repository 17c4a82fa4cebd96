/**
 * Where an export's files go: one file, files beside each other in a folder, or a folder of
 * its own that replaces an earlier export as a whole. Worked out before any document is read,
 * so a typo in the path costs nothing; and asked about before anything is overwritten.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { msg } from '../../contract/messages'
import { ExportError } from './errors'
import {
  FOLDER_FILES,
  folderFileNames,
  SPLIT_NAMES,
  SPLITTABLE,
  splitFilePath,
  type ExportFormat,
  type ExportOptions,
} from './options'
import { checkFileTarget, folderTarget, isFolder } from './output'

export type SingleFormat = Exclude<ExportFormat, 'all'>

export interface Target {
  /** `folder`: written into a new folder renamed into place; `files`: each file staged alone. */
  kind: 'folder' | 'files'
  /** Per format, the paths it writes; relative to the folder for `folder`. */
  files: Map<SingleFormat, string[]>
  /** The prefix of the paths that makes them relative to the export (for the card). */
  base: string
}

/** True when the export writes a folder (everything, or a split into a chosen folder). */
export function writesFolder(options: Pick<ExportOptions, 'format' | 'split'>): boolean {
  return options.format === 'all' || options.split !== null
}

export async function chooseTarget(
  options: Pick<ExportOptions, 'out' | 'format' | 'split'>,
): Promise<Target> {
  const { out, format } = options
  const split = options.split !== null
  const inFolder = (folder: string, formats: SingleFormat[]) =>
    new Map(formats.map((f) => [f, filePaths(f, join(folder, FOLDER_FILES[f]), split)]))
  if (format === 'all') {
    const formats = Object.keys(FOLDER_FILES) as SingleFormat[]
    const state = await folderTarget(out, folderFileNames())
    // A folder of the analyst's own is never replaced: the files go in beside theirs.
    if (state === 'shared')
      return { kind: 'files', files: inFolder(out, formats), base: join(out, '/') }
    return { kind: 'folder', files: inFolder('', formats), base: '' }
  }
  if (await isFolder(out)) {
    if (!split) throw new ExportError(out, msg('export.reason.isFolder'))
    return { kind: 'files', files: inFolder(out, [format]), base: join(out, '/') }
  }
  const paths = filePaths(format, out, split)
  for (const path of paths) await checkFileTarget(path)
  return { kind: 'files', files: new Map([[format, paths]]), base: '' }
}

/**
 * The names of the files in a target folder that an export there would replace: for a folder
 * of an earlier export, everything in it (it is replaced as a whole); for a folder of the
 * analyst's own, the files of the same name. Empty when nothing would be lost.
 */
export async function filesToReplace(
  options: Pick<ExportOptions, 'out' | 'format' | 'split'>,
): Promise<string[]> {
  if (!(await isFolder(options.out))) return []
  const target = await chooseTarget(options)
  const present = await readdir(options.out)
  if (target.kind === 'folder') return present.sort()
  const written = new Set([...target.files.values()].flat().map((p) => p.slice(target.base.length)))
  return present.filter((name) => written.has(name)).sort()
}

/** The paths a format writes: the file, and with a split one file per split beside it. */
function filePaths(format: SingleFormat, out: string, split: boolean): string[] {
  if (!split || !SPLITTABLE.has(format)) return [out]
  return [out, ...SPLIT_NAMES.map((s) => splitFilePath(out, s))]
}
