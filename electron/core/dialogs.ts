/**
 * The file dialogs core needs, as an interface: main implements it with Electron's dialogs, the
 * UI tests with answers they set up in advance. Paths never come from the renderer, so a
 * compromised page cannot make the app read or write files the analyst did not choose.
 */
import type { MessageCode } from '../contract/messages'

export interface Dialogs {
  /** Files to import; empty when cancelled. */
  chooseImportFiles(): Promise<string[]>
  /** A folder to import; null when cancelled. */
  chooseImportFolder(): Promise<string | null>
  /** A codebook JSON file to read; null when cancelled. */
  chooseCodebookFile(): Promise<string | null>
  /**
   * Where to save a file (`suggested` is a file name, `filter` names the kind of file in the
   * dialog's file-type list); null when cancelled.
   */
  chooseSaveFile(
    suggested: string,
    filter: MessageCode,
    extensions: string[],
  ): Promise<string | null>
  /** A folder to export into; null when cancelled. */
  chooseExportFolder(): Promise<string | null>
  /**
   * Asks whether an export may replace these files (names) in `folder`; false when the analyst
   * declines or closes the question.
   */
  confirmOverwrite(folder: string, names: string[]): Promise<boolean>
}

/** For the CLI and tests that need no dialogs: every dialog is cancelled. */
export const noDialogs: Dialogs = {
  chooseImportFiles: async () => [],
  chooseImportFolder: async () => null,
  chooseCodebookFile: async () => null,
  chooseSaveFile: async () => null,
  chooseExportFolder: async () => null,
  confirmOverwrite: async () => false,
}
