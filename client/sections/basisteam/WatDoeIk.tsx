import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { consentOf, type Consent, type PersonId } from '../../../shared/plan/index.ts'
import { usePlan, useRecords } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { usePassedAway } from '../../plan/usePassedAway.ts'
import { useFormat } from '../../ui/useFormat.ts'
import { ActionCard } from './ActionCard.tsx'

/**
 * "Wat doe ik": only what is asked of one person, so a neighbour sees the
 * few things that concern them. Defaults to me; the household can look at
 * someone else's (e.g. oma, who does not use Kring herself).
 */
export function WatDoeIk() {
  const { t } = useTranslation('basisteam')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const id = useId()
  const people = useRecords(plan.people)
  const passedAway = usePassedAway(plan)
  const [person, setPerson] = useState<PersonId>(me)
  const actions = useLive(plan.basisteam, () => plan.basisteam.forPerson(person))
  const isMe = person === me
  const name = format.name(person)
  const groups: { consent: Consent; title: string }[] = [
    { consent: 'asked', title: isMe ? t('mine.asked') : t('mine.askedOther', { name }) },
    { consent: 'yes', title: isMe ? t('mine.doing') : t('mine.doingOther', { name }) },
    { consent: 'no', title: t('mine.declined') },
  ]

  return (
    <div className="wat-doe-ik stack">
      <div className="field">
        <label htmlFor={`${id}-person`}>{t('mine.forWhom')}</label>
        <select id={`${id}-person`} value={person} onChange={(e) => setPerson(e.target.value)}>
          <option value={me}>{t('mine.me')}</option>
          {people
            .filter((p) => p.id !== me && !passedAway.includes(p.id))
            .map((p) => (
              <option key={p.id} value={p.id}>
                {format.name(p.id)}
              </option>
            ))}
        </select>
      </div>
      {actions.length === 0 && <p className="muted">{isMe ? t('mine.nothing') : t('mine.nothingOther', { name })}</p>}
      {groups.map(({ consent, title }) => {
        const list = actions.filter((a) => consentOf(a, person) === consent)
        if (list.length === 0) return null
        return (
          <section key={consent} className="stack" aria-label={title}>
            <h3>{title}</h3>
            <ul className="actions">
              {list.map((action) => (
                <ActionCard key={action.id} action={action} />
              ))}
            </ul>
          </section>
        )
      })}
    </div>
  )
}
