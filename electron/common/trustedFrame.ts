/**
 * Whether an IPC call comes from the app's own page: the top-level frame (no parent) showing
 * the same document the app loaded. An iframe, or a page the window was navigated to, is not.
 */
export function isTrustedFrameUrl(frameUrl: string, isTopLevel: boolean, appUrl: string): boolean {
  if (!isTopLevel) return false
  let actual: URL
  let expected: URL
  try {
    actual = new URL(frameUrl)
    expected = new URL(appUrl)
  } catch {
    return false
  }
  return (
    actual.protocol === expected.protocol &&
    actual.host === expected.host &&
    actual.pathname === expected.pathname
  )
}
