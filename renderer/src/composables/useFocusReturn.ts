/**
 * After a mouse click on a coding button, the keyboard goes back to the article: otherwise the
 * next Space or Enter would press that button again instead of acting as a coding key. A click
 * made with the keyboard (Enter or Space on a focused button: `detail` is 0) leaves the focus
 * where it is, so the Tab walk continues from there.
 */
export function backToArticle(event: MouseEvent): void {
  if (event.detail === 0) return
  document
    .querySelector<HTMLElement>('[data-coding-surface="article"]')
    ?.focus({ preventScroll: true })
}
