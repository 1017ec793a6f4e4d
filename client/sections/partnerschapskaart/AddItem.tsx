import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CardStep } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useMe } from '../../plan/useMe.ts'
import { TextAreaField } from '../../ui/TextAreaField.tsx'
import { Unfold } from '../../ui/Unfold.tsx'

/**
 * "Schrijf iets op" under a question: folded away until someone wants to
 * write, so the card reads as a conversation, not a form. The words go to the
 * group, or first into my own kladje.
 */
export function AddItem({ step, question, questionLabel }: { step: CardStep; question: string | null; questionLabel: string }) {
  const { t } = useTranslation('partnerschapskaart')
  const name = t('item.writeLabel', { question: questionLabel })
  return (
    <Unfold label={t('item.write')} accessibleName={name} className="button button-quiet pk-write">
      {(close) => <AddItemForm step={step} question={question} name={name} onClose={close} />}
    </Unfold>
  )
}

function AddItemForm({ step, question, name, onClose }: { step: CardStep; question: string | null; name: string; onClose: () => void }) {
  const { t } = useTranslation('partnerschapskaart')
  const { plan } = usePlan()
  const me = useMe()
  const [text, setText] = useState('')
  const [notes, setNotes] = useState('')
  const textRef = useRef<HTMLTextAreaElement>(null)

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

  return (
    <form className="pk-add stack" onSubmit={submit} aria-label={name}>
      <TextAreaField
        ref={textRef}
        label={t('item.text')}
        autoFocus
        value={text}
        onChange={setText}
        onKeyDown={(e) => {
          // Enter adds, as in a chat; Shift+Enter starts a new line.
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault()
            add(false)
          }
        }}
      />
      <TextAreaField label={t('item.notes')} rows={1} value={notes} onChange={setNotes} />
      <div className="button-row">
        <button type="submit" className="button button-primary button-small">
          {t('item.add')}
        </button>
        <button type="button" className="button button-small" onClick={() => add(true)}>
          {t('item.addDraft')}
        </button>
        <button type="button" className="button button-quiet button-small" onClick={onClose}>
          {t('item.close')}
        </button>
      </div>
    </form>
  )
}
