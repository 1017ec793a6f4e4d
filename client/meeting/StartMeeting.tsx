import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { GUEST_ROLES, type GuestRole, type PersonId } from '../../shared/plan/index.ts'
import { isHousehold } from '../../shared/protocol/roles.ts'
import { usePlan } from '../plan/hooks.ts'
import { useActor } from '../plan/useActor.ts'
import { ChoiceField } from '../ui/ChoiceField.tsx'
import { TextField } from '../ui/TextField.tsx'
import { PersonSelect } from './PersonSelect.tsx'

/**
 * The household starts a meedenkbijeenkomst and names who leads it: someone
 * of the household, a professional or a volunteer, from the people list; and
 * chooses what guests who join with the meeting's code may do.
 */
export function StartMeeting() {
  const { t } = useTranslation('meeting')
  const { plan, canWrite } = usePlan()
  const actor = useActor()
  const [title, setTitle] = useState('')
  const [leader, setLeader] = useState<PersonId | ''>(actor.person ?? '')
  const [guestRole, setGuestRole] = useState<GuestRole>('netwerk')
  const [missing, setMissing] = useState(false)

  if (!canWrite || !isHousehold(actor.role)) {
    return (
      <div className="card stack">
        <p>{t('start.none')}</p>
        <p className="muted">{t('start.onlyHousehold')}</p>
      </div>
    )
  }

  function start(event: FormEvent) {
    event.preventDefault()
    if (!leader) return setMissing(true)
    plan.meetings.start({ gespreksleider: leader, guestRole, title: title.trim() }, actor)
  }

  return (
    <form className="card stack" aria-labelledby="meeting-start-title" onSubmit={start} noValidate>
      <h3 id="meeting-start-title">{t('start.title')}</h3>
      <PersonSelect
        label={t('start.leader')}
        hint={t('start.leaderHint')}
        placeholder={t('start.chooseLeader')}
        value={leader}
        onChange={(person) => {
          setLeader(person)
          setMissing(false)
        }}
        error={missing ? t('start.leaderMissing') : null}
      />
      <TextField label={t('start.name')} hint={t('start.nameHint')} value={title} onChange={setTitle} />
      <ChoiceField legend={t('start.guestRole')} options={GUEST_ROLES.map((role) => ({ value: role, label: t(`start.guestRoles.${role}`) }))} value={guestRole} onChange={setGuestRole} />
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {t('start.submit')}
        </button>
      </div>
    </form>
  )
}
