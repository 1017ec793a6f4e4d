import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonId, StoredMeeting } from '../../shared/plan/index.ts'
import { usePlan } from '../plan/hooks.ts'
import { useActor } from '../plan/useActor.ts'
import { PersonSelect } from './PersonSelect.tsx'

/** The household names another gespreksleider while the meeting runs (someone has to leave early, or wants to hand over). */
export function ChangeLeader({ meeting }: { meeting: StoredMeeting }) {
  const { t } = useTranslation('meeting')
  const { plan } = usePlan()
  const actor = useActor()
  const [person, setPerson] = useState<PersonId | ''>('')

  function change(event: FormEvent) {
    event.preventDefault()
    if (person) plan.meetings.setGespreksleider(meeting.id, person, actor)
    setPerson('')
  }

  return (
    <form className="stack" onSubmit={change}>
      <PersonSelect label={t('running.changeLeader')} placeholder={t('start.chooseLeader')} value={person} onChange={setPerson} leaveOut={meeting.gespreksleider ? [meeting.gespreksleider] : []} />
      <div className="button-row">
        <button type="submit" className="button button-small" disabled={!person}>
          {t('running.changeLeaderSubmit')}
        </button>
      </div>
    </form>
  )
}
