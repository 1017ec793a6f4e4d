import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonId } from '../../shared/plan/index.ts'
import { ChoiceField } from '../ui/ChoiceField.tsx'
import { FormButtons } from '../ui/FormButtons.tsx'
import { TextAreaField } from '../ui/TextAreaField.tsx'
import { useFormat } from '../ui/useFormat.ts'
import { AtTableButton } from './AtTableButton.tsx'
import { HowItWillRead } from './HowItWillRead.tsx'
import { useSeatAtTable } from './useSeatAtTable.ts'
import './strings.ts'
import './aanTafel.css'

/**
 * "Aan tafel" for a sentence in someone's own words (the "geslaagd als"
 * sentence): pick who speaks, write it down as they say it, and see how it
 * will read. The same visible route as RecordAtTable, with a text instead of
 * a choice.
 */
export function SentenceAtTable({
  people,
  label,
  hint,
  onWrite,
}: {
  /** Whom it may be written for: not this device's person, nor anyone who wrote their own. */
  people: readonly PersonId[]
  /** The field's label and hint, in the instrument's words. */
  label: string
  hint?: string
  onWrite: (person: PersonId, words: string) => boolean
}) {
  const { t } = useTranslation('aanTafel')
  return (
    <AtTableButton people={people} text={t('geslaagd.button')} title={t('geslaagd.title')}>
      {(others, close) => <SentenceForm people={others} label={label} hint={hint} onWrite={onWrite} onDone={close} />}
    </AtTableButton>
  )
}

function SentenceForm({ people, label, hint, onWrite, onDone }: { people: readonly PersonId[]; label: string; hint?: string; onWrite: (person: PersonId, words: string) => boolean; onDone: () => void }) {
  const { t } = useTranslation('aanTafel')
  const format = useFormat()
  const seat = useSeatAtTable()
  const id = useId()
  const [person, setPerson] = useState<PersonId | ''>('')
  const [words, setWords] = useState('')
  const name = person ? format.name(person) : ''

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!person || !words.trim()) return
    if (onWrite(person, words.trim())) seat(person)
    onDone()
  }

  return (
    <form className="stack" onSubmit={submit} aria-labelledby={`${id}-intro`}>
      <p id={`${id}-intro`}>{t('geslaagd.intro')}</p>
      <ChoiceField legend={t('record.who')} options={people.map((p) => ({ value: p, label: format.name(p) }))} value={person} onChange={setPerson} />
      {person && <TextAreaField label={label} hint={hint} value={words} onChange={setWords} rows={2} />}
      {person && <HowItWillRead name={name} />}
      <FormButtons submit={t('record.confirm', { person: name || t('ui:someone') })} onCancel={onDone} />
    </form>
  )
}
