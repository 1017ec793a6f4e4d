import { useCallback, type RefCallback } from 'react'

// Where focus goes when a press replaces the pressed control with another one.
// Where it goes when a press takes the control away with its item: focusAfterRemoval.ts.

/** The control asked to take focus when it appears (see focusNext). */
let asked: string | null = null

/**
 * Before a press that removes the pressed control (an answer replaces its
 * buttons, a dialog's work replaces the button that opened it): asks the
 * control that takes its place, named by `key`, to take focus when it
 * appears. Otherwise a keyboard or screen reader user is left on the page
 * body. The ask holds for this task only: React renders what the press
 * changed before the next one, and a change arriving later (from another
 * device) never moves focus.
 */
export function focusNext(key: string): void {
  asked = key
  setTimeout(() => {
    if (asked === key) asked = null
  })
}

/**
 * A ref for the control that takes a pressed one's place (see focusNext): it
 * takes focus when it appears while asked for. The element must be
 * focusable (a control, or tabIndex={-1} for a text).
 */
export function useFocusWhenAsked<T extends HTMLElement>(key: string): RefCallback<T> {
  return useCallback(
    (element: T | null) => {
      if (!element || asked !== key) return
      asked = null
      element.focus()
      // A dialog that made this control keeps focus inside until it has closed, and then leaves it on the body; take it then.
      requestAnimationFrame(() => {
        if (element.isConnected && (document.activeElement === null || document.activeElement === document.body)) element.focus()
      })
    },
    [key],
  )
}

/** The focusNext key of an item put back from its "verwijderd" notice: its "⋯" button takes focus (MoreMenu). */
export function restoredKey(id: string): string {
  return `restored:${id}`
}
