import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonId } from '../../shared/plan/index.ts'
import { ChoiceField } from '../ui/ChoiceField.tsx'
import { FormButtons } from '../ui/FormButtons.tsx'
import { useFormat } from '../ui/useFormat.ts'
import { AtTableButton } from './AtTableButton.tsx'
import { HowItWillRead } from './HowItWillRead.tsx'
import { useSeatAtTable } from './useSeatAtTable.ts'
import './strings.ts'
import './aanTafel.css'

export interface AtTableChoice<C extends string> {
  value: C
  label: string
}

/**
 * The one visible way to record someone's word on another person's device
 * ("aan tafel", issue 10): a quiet button beside the answers, never the
 * default, that opens a dialog where you pick who speaks and what they say,
 * see how it will read in the plan ("Oma Riet — aan tafel, via de telefoon
 * van Ans") and that they can confirm or withdraw it on their own device.
 * Nothing is pre-chosen: no person, and no answer when there is a choice.
 */
export function RecordAtTable<C extends string>({
  people,
  subject,
  choices,
  onRecord,
}: {
  /** Whom it may be said for (never this device's own person). */
  people: readonly PersonId[]
  /** What it is about, for the button's accessible name and the dialog ("Boodschappen op dinsdag"). */
  subject: string
  /** What they can say; one choice is recorded without asking. */
  choices: readonly AtTableChoice<C>[]
  /** Records it; returns whether the plan took it. */
  onRecord: (person: PersonId, choice: C) => boolean
}) {
  const { t } = useTranslation('aanTafel')
  return (
    <AtTableButton people={people} text={t('record.button')} label={t('record.buttonLabel', { subject })} title={t('record.title')}>
      {(others, close) => <RecordForm people={others} subject={subject} choices={choices} onRecord={onRecord} onDone={close} />}
    </AtTableButton>
  )
}

function RecordForm<C extends string>({
  people,
  subject,
  choices,
  onRecord,
  onDone,
}: {
  people: readonly PersonId[]
  subject: string
  choices: readonly AtTableChoice<C>[]
  onRecord: (person: PersonId, choice: C) => boolean
  onDone: () => void
}) {
  const { t } = useTranslation('aanTafel')
  const format = useFormat()
  const seat = useSeatAtTable()
  const id = useId()
  const [person, setPerson] = useState<PersonId | ''>('')
  const [choice, setChoice] = useState<C | ''>(choices.length === 1 ? choices[0]!.value : '')
  const name = person ? format.name(person) : ''

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!person || !choice) return
    if (onRecord(person, choice)) seat(person)
    onDone()
  }

  return (
    <form className="stack" onSubmit={submit} aria-labelledby={`${id}-subject`}>
      <p>{t('record.intro')}</p>
      <p id={`${id}-subject`} className="at-table-subject">
        <strong>{subject}</strong>
      </p>
      <ChoiceField legend={t('record.who')} options={people.map((p) => ({ value: p, label: format.name(p) }))} value={person} onChange={setPerson} />
      {person && choices.length > 1 && <ChoiceField legend={t('record.what', { person: name })} options={choices} value={choice} onChange={setChoice} />}
      {person && choice && <HowItWillRead name={name} />}
      <FormButtons submit={t('record.confirm', { person: name || t('ui:someone') })} onCancel={onDone} />
    </form>
  )
}
