import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { usePlan } from '../plan/hooks.ts'

/**
 * A quiet "+ …" button that unfolds into a small form, so a page reads as a
 * conversation rather than a wall of empty fields. The button is replaced by
 * the form, so focus moves into the form's first field (a keyboard or screen
 * reader user would otherwise be left on the page body); Escape folds it
 * away again, and when the form closes focus returns to the button, so
 * keyboard users keep their place.
 */
export function Unfold({
  label,
  accessibleName,
  children,
  className = 'button button-quiet button-small unfold',
}: {
  /** The button's visible words, after the "+". */
  label: string
  /** A fuller name for screen readers ("Schrijf iets op bij: Hoe communiceren we?"); must contain `label`. */
  accessibleName?: string
  children: (close: () => void) => ReactNode
  className?: string
}) {
  const { canWrite } = usePlan()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const content = useRef<HTMLDivElement>(null)
  const wasOpen = useRef(false)

  useEffect(() => {
    if (!open && wasOpen.current) button.current?.focus()
    // A form that chose its own field (autoFocus) keeps it.
    if (open && !wasOpen.current && content.current && !content.current.contains(document.activeElement)) firstField(content.current)?.focus()
    wasOpen.current = open
  }, [open])

  // A meelezer reads only: no forms to unfold.
  if (!canWrite) return null

  function closeOnEscape(event: KeyboardEvent<HTMLDivElement>) {
    // A menu or dialog opened from the form handles its own Escape (and may be portalled outside this element).
    if (event.key !== 'Escape' || event.defaultPrevented || !event.currentTarget.contains(event.target as Node)) return
    event.preventDefault()
    setOpen(false)
  }

  if (open)
    return (
      <div ref={content} className="unfolded" onKeyDown={closeOnEscape}>
        {children(() => setOpen(false))}
      </div>
    )
  return (
    <button ref={button} type="button" className={className} aria-label={accessibleName} onClick={() => setOpen(true)}>
      + {label}
    </button>
  )
}

/** The first field a person can type in or choose with, else the first control. */
function firstField(within: HTMLElement): HTMLElement | null {
  const usable = (selector: string) => [...within.querySelectorAll<HTMLElement>(selector)].find((el) => !el.matches(':disabled') && el.getClientRects().length > 0) ?? null
  return usable('input:not([type=hidden]), textarea, select, [contenteditable=true]') ?? usable('button, [href], [tabindex]:not([tabindex="-1"])')
}
