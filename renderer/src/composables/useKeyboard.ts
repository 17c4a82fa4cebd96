import { onBeforeUnmount, onMounted } from 'vue'
import type { Codebook } from '../../../electron/contract/model'
import { labelForKey } from '../../../electron/common/codebookRules'
import type { useCoding } from './useCoding'

/** True when the key press belongs to a text field and must not act as a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag !== 'INPUT') return false
  const type = (target as HTMLInputElement).type
  return !['checkbox', 'radio', 'button', 'submit', 'range', 'color'].includes(type)
}

/**
 * True when Enter and Space are coding keys for a press on this target: the focus is in the
 * article, on the coding panel itself, or nowhere. On a button, a link or a list item they keep
 * their own meaning (activate it), so every control works from the keyboard alone.
 */
export function isCodingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement) || target === document.body) return true
  if (target.closest('[data-coding-surface="article"]')) {
    // The include buttons of headings inside the article are controls too.
    return !target.closest('button, a[href], input, select, textarea')
  }
  return target.matches('[data-coding-surface="panel"]')
}

export interface ScreenCommands {
  openShortcuts: () => void
  focusNote: () => void
  openFind: () => void
}

/**
 * The annotation screen's keyboard map. Labels are matched on `KeyboardEvent.key` (the character
 * the layout produces), so a label's key is the one printed on the analyst's keyboard, on
 * QWERTZ as on QWERTY. Nothing fires while a text field or a modal dialog has the keyboard.
 * Tab and Shift+Tab are never taken: they walk the controls (toolbar, documents, article,
 * coding panel); ← and → choose the statement.
 */
export function useKeyboard(
  coding: ReturnType<typeof useCoding>,
  codebook: () => Codebook,
  screen: ScreenCommands,
): void {
  function onKey(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.isComposing) return
    if (document.querySelector('[role="dialog"][aria-modal="true"]')) return
    const typing = isTyping(event.target)
    const mod = event.ctrlKey || event.metaKey
    if (mod && !event.altKey) {
      const key = event.key.toLowerCase()
      const shortcut: Record<string, () => void> = {
        z: () => void (event.shiftKey ? coding.redo() : coding.undo()),
        y: () => void coding.redo(),
        f: () => screen.openFind(),
      }
      // In a text field Ctrl+Z is the field's own undo.
      if (shortcut[key] && !(typing && key !== 'f')) {
        event.preventDefault()
        shortcut[key]()
      }
      return
    }
    if (typing || event.altKey) return
    if ((event.key === 'Enter' || event.key === ' ') && !isCodingTarget(event.target)) return
    const commands: Record<string, () => void> = {
      ArrowDown: () => coding.move(1),
      ArrowUp: () => coding.move(-1),
      ArrowRight: () => coding.cycleStatement(1),
      ArrowLeft: () => coding.cycleStatement(-1),
      PageDown: () => void coding.moveDocument(1),
      PageUp: () => void coding.moveDocument(-1),
      ' ': () => coding.nextUncoded(),
      Enter: () =>
        event.shiftKey ? coding.acceptAllSuggestionsInDocument() : coding.acceptSuggestions(),
      '+': () => coding.newStatement(),
      '-': () => coding.dropStatement(),
      '!': () => coding.toggleUncertain(),
      '#': () => screen.focusNote(),
      '?': () => screen.openShortcuts(),
      '/': () => screen.openFind(),
      Delete: () => coding.clear(),
      Backspace: () => coding.clear(),
    }
    const command = commands[event.key]
    if (command) {
      event.preventDefault()
      command()
      return
    }
    const hit = labelForKey(codebook(), event.key)
    if (hit) {
      event.preventDefault()
      coding.toggleByKey(hit.dimension, hit.label.id)
    }
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
