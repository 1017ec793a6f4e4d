import { useEffect, useRef, useState, type ReactNode } from 'react'
import { usePlan } from '../plan/hooks.ts'

/**
 * A quiet "+ …" button that unfolds into a small form, so a page reads as a
 * conversation rather than a wall of empty fields. When the form closes,
 * focus returns to the button, so keyboard users keep their place.
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
  const wasOpen = useRef(false)

  useEffect(() => {
    if (!open && wasOpen.current) button.current?.focus()
    wasOpen.current = open
  }, [open])

  // A meelezer reads only: no forms to unfold.
  if (!canWrite) return null

  if (open) return <>{children(() => setOpen(false))}</>
  return (
    <button ref={button} type="button" className={className} aria-label={accessibleName} onClick={() => setOpen(true)}>
      + {label}
    </button>
  )
}
