import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonId, Plan } from '../../../shared/plan/index.ts'
import { usePlan, useRecords } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { usePassedAway } from '../../plan/usePassedAway.ts'
import { FormButtons } from '../../ui/FormButtons.tsx'
import { Heading } from '../../ui/Heading.tsx'
import { TextField } from '../../ui/TextField.tsx'
import { Unfold } from '../../ui/Unfold.tsx'
import { useFormat } from '../../ui/useFormat.ts'

/**
 * Actions the network drafts in its own room: what, and whom they want to
 * ask (people from the plan's list). Shared with the plan, the same people
 * are asked there (Basisteam.shareTo), where they answer on their own device.
 */
export function DraftActions({ ours, headingLevel }: { ours: Plan; headingLevel: 3 | 4 }) {
  const { t } = useTranslation('onsNetwerk')
  const format = useFormat()
  const id = useId()
  const actions = useLive(ours.basisteam, () => ours.basisteam.list())
  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <Heading level={headingLevel} id={`${id}-title`}>
        {t('actions.title')}
      </Heading>
      <p className="muted">{t('actions.intro')}</p>
      {actions.length === 0 ? (
        <p className="muted">{t('actions.none')}</p>
      ) : (
        <ul className="draft-list" aria-labelledby={`${id}-title`}>
          {actions.map((action) => (
            <li key={action.id} className="card">
              <p className="draft-question">{action.wat}</p>
              <p className="muted">{action.wie.length > 0 ? t('actions.asked', { names: format.names(action.wie.map((h) => h.person)) }) : t('actions.nobody')}</p>
            </li>
          ))}
        </ul>
      )}
      <Unfold label={t('actions.add')}>{(close) => <ActionForm ours={ours} onDone={close} />}</Unfold>
    </section>
  )
}

function ActionForm({ ours, onDone }: { ours: Plan; onDone: () => void }) {
  const { t } = useTranslation('onsNetwerk')
  const { plan } = usePlan()
  const me = useMe()
  const people = useRecords(plan.people)
  const passedAway = usePassedAway(plan)
  const [wat, setWat] = useState('')
  const [wie, setWie] = useState<PersonId[]>([])
  function submit(event: FormEvent) {
    event.preventDefault()
    if (!wat.trim()) return
    ours.basisteam.add({ wat: wat.trim(), wie }, me)
    onDone()
  }
  const toggle = (person: PersonId, on: boolean) => setWie((current) => (on ? [...current, person] : current.filter((p) => p !== person)))
  return (
    <form className="card stack" onSubmit={submit} aria-label={t('actions.add')}>
      <TextField label={t('actions.wat')} value={wat} onChange={setWat} autoComplete="off" autoFocus />
      <fieldset className="field">
        <legend>{t('actions.wie')}</legend>
        {people
          .filter((p) => !passedAway.includes(p.id))
          .map((person) => (
            <label key={person.id} className="radio">
              <input type="checkbox" checked={wie.includes(person.id)} onChange={(e) => toggle(person.id, e.target.checked)} />
              {person.name}
            </label>
          ))}
      </fieldset>
      <FormButtons submit={t('actions.save')} onCancel={onDone} />
    </form>
  )
}
