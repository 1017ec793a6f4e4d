import { useRef, useState, type ComponentType, type ReactNode } from 'react'
import type { PersonId } from '../../../../shared/plan/index.ts'
import { TextAreaField } from '../../../ui/TextAreaField.tsx'
import { AtlasDialog } from './AtlasDialog.tsx'

/** What a person dialog of the netwerkatlas is given: the person it is about, and how to close it. */
export interface PersonDialogProps {
  person: PersonId
  onClose: () => void
}

/**
 * The one wrapper of the netwerkatlas's person dialogs (relatiekaart,
 * familiekaart, contactschema): shown while a person is chosen, and made
 * afresh for each person, so words typed for one never carry over to the next.
 *
 * @example export const ContactDialog = personDialog(ContactDetails)
 */
export function personDialog(Details: ComponentType<PersonDialogProps>): ComponentType<{ person: PersonId | null; onClose: () => void }> {
  return function PersonDialog({ person, onClose }) {
    return person ? <Details key={person} person={person} onClose={onClose} /> : null
  }
}

/**
 * The details of one person in an instrument: a dialog whose changes apply
 * at once, a note that is saved when the field or the dialog is left, and a
 * quiet button that takes the person out of the instrument (never off the
 * people list). `beforeClose` saves other typed fields (a birth year).
 */
export function PersonDetailsDialog({
  title,
  onClose,
  beforeClose,
  note,
  takeOutLabel,
  onTakeOut,
  children,
  after,
}: {
  title: string
  onClose: () => void
  beforeClose?: () => void
  /**
   * The person's note in this instrument: its label, what is stored, how to
   * store a change (`closing` when the dialog closes, so nothing can be
   * asked any more), and who can read it.
   */
  note: { label: string; stored: string; save: (note: string, options: { closing: boolean }) => void; says?: string | null }
  takeOutLabel: string
  onTakeOut: () => void
  /** The fields above the note. */
  children: ReactNode
  /** What follows the note (the familiekaart's lines). */
  after?: ReactNode
}) {
  const [typed, setTyped] = useState(note.stored)
  // Once the person is taken out, what was typed for them has nowhere to go.
  const takenOut = useRef(false)
  const saveNote = (closing: boolean) => {
    if (!takenOut.current && typed.trim() !== note.stored) note.save(typed.trim(), { closing })
  }
  return (
    <AtlasDialog
      isOpen
      onOpenChange={(open) => {
        if (open) return
        saveNote(true)
        if (!takenOut.current) beforeClose?.()
        onClose()
      }}
      title={title}
      footer={(close) => (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            takenOut.current = true
            onTakeOut()
            close()
          }}
        >
          {takeOutLabel}
        </button>
      )}
    >
      {children}
      <TextAreaField label={note.label} value={typed} onChange={setTyped} onBlur={() => saveNote(false)} {...(note.says ? { hint: note.says } : {})} />
      {after}
    </AtlasDialog>
  )
}
