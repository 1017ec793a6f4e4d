import { useState, type ReactNode } from 'react'
import type { PersonId } from '../../shared/plan/index.ts'
import { usePlan } from '../plan/hooks.ts'
import { useMe } from '../plan/useMe.ts'
import { AppDialog } from '../ui/AppDialog.tsx'

/**
 * The quiet button beside an answer that opens an "aan tafel" dialog. Shown
 * only to someone who may write and when there is someone else it could be
 * said for: never this device's own person, who answers for themselves.
 */
export function AtTableButton({
  people,
  text,
  label,
  title,
  children,
}: {
  people: readonly PersonId[]
  text: string
  /** The accessible name when the text alone does not say what it is about; it starts with `text`. */
  label?: string
  title: string
  /** The dialog's form, for the others it may be said for; `close` when done. */
  children: (others: readonly PersonId[], close: () => void) => ReactNode
}) {
  const { canWrite } = usePlan()
  const me = useMe()
  const [open, setOpen] = useState(false)
  const others = people.filter((person) => person !== me)
  if (!canWrite || others.length === 0) return null
  return (
    <>
      <button type="button" className="button button-quiet button-small at-table-button" aria-label={label} onClick={() => setOpen(true)}>
        {text}
      </button>
      <AppDialog isOpen={open} onOpenChange={setOpen} title={title}>
        {(close) => children(others, close)}
      </AppDialog>
    </>
  )
}
