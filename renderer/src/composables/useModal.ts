import { onBeforeUnmount, type Ref } from 'vue'

const FOCUSABLE =
  'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled)'

/**
 * The keyboard of a modal dialog: Escape closes it, Tab and Shift+Tab stay inside it, and no key
 * reaches the coding shortcuts behind it. The focus goes back where it was when the dialog
 * closes. Bind the returned handler to the dialog's keydown.
 */
export function useModal(
  root: Ref<HTMLElement | null>,
  close: () => void,
): { onKey: (e: KeyboardEvent) => void } {
  const before = document.activeElement as HTMLElement | null
  onBeforeUnmount(() => before?.focus?.())

  function onKey(event: KeyboardEvent): void {
    event.stopPropagation()
    if (event.key === 'Escape') {
      event.preventDefault()
      close()
      return
    }
    if (event.key !== 'Tab' || !root.value) return
    const focusable = [...root.value.querySelectorAll<HTMLElement>(FOCUSABLE)]
    const first = focusable[0]
    const last = focusable[focusable.length - 1]
    const outside = !focusable.includes(document.activeElement as HTMLElement)
    if (event.shiftKey && (document.activeElement === first || outside)) {
      event.preventDefault()
      last?.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first?.focus()
    }
  }

  return { onKey }
}
