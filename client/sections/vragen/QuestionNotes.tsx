import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Question, QuestionNote, Stored } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { FormButtons } from '../../ui/FormButtons.tsx'
import { Heading } from '../../ui/Heading.tsx'
import { TextAreaField } from '../../ui/TextAreaField.tsx'
import { Unfold } from '../../ui/Unfold.tsx'
import { useFormat } from '../../ui/useFormat.ts'

/**
 * The information and answers linked to one question, and a way to add
 * information. In the informatieronde (`open`) the field shows at once;
 * otherwise it unfolds from a quiet "+ Informatie toevoegen".
 */
export function QuestionNotes({ question, open }: { question: Stored<Question>; open: boolean }) {
  const { t } = useTranslation('vragen')
  const { plan } = usePlan()
  const notes = useLive(plan.vragen.notes, () => plan.vragen.notes.list()).filter((n) => n.question === question.id)
  return (
    <div className="vragen-notes stack">
      {notes.length > 0 && <NoteList notes={notes} label={t('info.title')} />}
      <AddInformation question={question.id} about={question.text} open={open} />
    </div>
  )
}

/** Information on none of the questions in particular (also the network's answers shared without a question). */
export function GeneralInformation({ open, headingLevel }: { open: boolean; headingLevel: 3 | 4 }) {
  const { t } = useTranslation('vragen')
  const { plan } = usePlan()
  const id = useId()
  const notes = useLive(plan.vragen.notes, () => plan.vragen.notes.list()).filter((n) => n.question === null)
  if (notes.length === 0 && !open) return null
  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <Heading level={headingLevel} id={`${id}-title`}>
        {t('info.general')}
      </Heading>
      {notes.length > 0 && <NoteList notes={notes} label={t('info.general')} />}
      <AddInformation question={null} about={t('info.general')} open={open} />
    </section>
  )
}

function NoteList({ notes, label }: { notes: readonly Stored<QuestionNote>[]; label: string }) {
  const { t } = useTranslation('vragen')
  const format = useFormat()
  return (
    <ul className="vragen-note-list" aria-label={label}>
      {notes.map((note) => (
        <li key={note.id} className={`vragen-note vragen-note-${note.kind}`}>
          <span className="vragen-note-kind">{t(`info.kind.${note.kind}`)}:</span> {note.text}
          <span className="muted vragen-note-by">
            {' '}
            — {t('info.by', { name: format.name(note.createdBy), when: format.moment(note.sharedFrom?.writtenAt ?? note.createdAt) })}
            {note.sharedFrom?.room === 'netwerk' && ` · ${t('info.sharedFromNetwerk', { name: format.name(note.sharedFrom.sharedBy) })}`}
          </span>
        </li>
      ))}
    </ul>
  )
}

function AddInformation({ question, about, open }: { question: string | null; about: string; open: boolean }) {
  const { t } = useTranslation('vragen')
  if (open) return <InformationForm question={question} about={about} />
  return (
    <Unfold label={t('info.add')} accessibleName={t('info.addLabel', { question: about })}>
      {(close) => <InformationForm question={question} about={about} onDone={close} />}
    </Unfold>
  )
}

function InformationForm({ question, about, onDone }: { question: string | null; about: string; onDone?: () => void }) {
  const { t } = useTranslation('vragen')
  const { plan, canWrite } = usePlan()
  const me = useMe()
  const [text, setText] = useState('')
  if (!canWrite) return null
  function submit(event: FormEvent) {
    event.preventDefault()
    if (!text.trim()) return
    plan.vragen.addNote({ text: text.trim(), question, kind: 'informatie' }, me)
    setText('')
    onDone?.()
  }
  return (
    <form className="vragen-info-form stack" onSubmit={submit} aria-label={t('info.addLabel', { question: about })}>
      <TextAreaField label={t('info.label')} hint={t('info.hint')} value={text} onChange={setText} rows={2} autoFocus={onDone !== undefined} />
      <FormButtons submit={t('info.save')} onCancel={onDone} small />
    </form>
  )
}
