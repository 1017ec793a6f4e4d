import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CardStep } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useMe } from '../../plan/useMe.ts'

/**
 * "Schrijf iets op" under a question: folded away until someone wants to
 * write, so the card reads as a conversation, not a form. The words go to the
 * group, or first into my own kladje.
 */
export function AddItem({ step, question, questionLabel }: { step: CardStep; question: string | null; questionLabel: string }) {
  const { t } = useTranslation('partnerschapskaart')
  const { plan } = usePlan()
  const me = useMe()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [notes, setNotes] = useState('')
  const textRef = useRef<HTMLTextAreaElement>(null)
  const toggleRef = useRef<HTMLButtonElement>(null)
  const closed = useRef(false)

  // Back to the button that opened the form, so keyboard users keep their place.
  useEffect(() => {
    if (!open && closed.current) toggleRef.current?.focus()
  }, [open])

  function add(draft: boolean) {
    if (!text.trim()) return
    plan.partnerschapskaart.addItem({ step, question, text: text.trim(), notes: notes.trim(), draft }, me)
    setText('')
    setNotes('')
    textRef.current?.focus()
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    add(false)
  }

  if (!open) {
    return (
      <button
        ref={toggleRef}
        type="button"
        className="button button-quiet pk-write"
        aria-expanded={false}
        aria-label={t('item.writeLabel', { question: questionLabel })}
        onClick={() => setOpen(true)}
      >
        + {t('item.write')}
      </button>
    )
  }

  return (
    <form className="pk-add stack" onSubmit={submit} aria-label={t('item.writeLabel', { question: questionLabel })}>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('item.text')}</label>
        <textarea
          ref={textRef}
          id={`${id}-text`}
          rows={2}
          autoFocus
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds, as in a chat; Shift+Enter starts a new line.
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault()
              add(false)
            }
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>{t('item.notes')}</label>
        <textarea id={`${id}-notes`} rows={1} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary button-small">
          {t('item.add')}
        </button>
        <button type="button" className="button button-small" onClick={() => add(true)}>
          {t('item.addDraft')}
        </button>
        <button
          type="button"
          className="button button-quiet button-small"
          onClick={() => {
            closed.current = true
            setOpen(false)
          }}
        >
          {t('item.close')}
        </button>
      </div>
    </form>
  )
}
