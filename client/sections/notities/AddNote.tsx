import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { TextAreaField } from '../../ui/TextAreaField.tsx'
import { Unfold } from '../../ui/Unfold.tsx'

/** "+ Notitie toevoegen": unfolds into one text field. */
export function AddNote({ onAdd }: { onAdd: (text: string) => void }) {
  const { t } = useTranslation('notities')
  return <Unfold label={t('add')}>{(close) => <NoteForm onAdd={onAdd} onDone={close} />}</Unfold>
}

function NoteForm({ onAdd, onDone }: { onAdd: (text: string) => void; onDone: () => void }) {
  const { t } = useTranslation('notities')
  const [text, setText] = useState('')
  function submit(event: FormEvent) {
    event.preventDefault()
    if (!text.trim()) return
    onAdd(text.trim())
    onDone()
  }
  return (
    <form className="stack card" onSubmit={submit}>
      <TextAreaField label={t('text')} value={text} onChange={setText} rows={3} autoFocus />
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {t('save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </form>
  )
}
