import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Plan } from '../../../shared/plan/index.ts'
import { useRecords } from '../../plan/hooks.ts'
import { useMe } from '../../plan/useMe.ts'
import { FormButtons } from '../../ui/FormButtons.tsx'
import { Heading } from '../../ui/Heading.tsx'
import { TextAreaField } from '../../ui/TextAreaField.tsx'
import { Unfold } from '../../ui/Unfold.tsx'
import { useFormat } from '../../ui/useFormat.ts'

/** The network's own notes, in its room until they choose to share one. */
export function DraftNotes({ ours, headingLevel }: { ours: Plan; headingLevel: 3 | 4 }) {
  const { t } = useTranslation('onsNetwerk')
  const format = useFormat()
  const id = useId()
  const notes = useRecords(ours.notes)
  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <Heading level={headingLevel} id={`${id}-title`}>
        {t('notes.title')}
      </Heading>
      {notes.length === 0 ? (
        <p className="muted">{t('notes.none')}</p>
      ) : (
        <ul className="draft-list" aria-labelledby={`${id}-title`}>
          {notes.map((note) => (
            <li key={note.id} className="card">
              <p className="draft-note">{note.text}</p>
              <p className="muted">{t('by', { name: format.name(note.createdBy), when: format.moment(note.createdAt) })}</p>
            </li>
          ))}
        </ul>
      )}
      <Unfold label={t('notes.add')}>{(close) => <NoteForm ours={ours} onDone={close} />}</Unfold>
    </section>
  )
}

function NoteForm({ ours, onDone }: { ours: Plan; onDone: () => void }) {
  const { t } = useTranslation('onsNetwerk')
  const me = useMe()
  const [text, setText] = useState('')
  function submit(event: FormEvent) {
    event.preventDefault()
    if (!text.trim()) return
    ours.notes.add({ text: text.trim() }, me)
    onDone()
  }
  return (
    <form className="card stack" onSubmit={submit} aria-label={t('notes.add')}>
      <TextAreaField label={t('notes.label')} value={text} onChange={setText} rows={3} autoFocus />
      <FormButtons submit={t('notes.save')} onCancel={onDone} />
    </form>
  )
}
