import { useTranslation } from 'react-i18next'
import type { StoredMeeting } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useActor } from '../../plan/useActor.ts'
import { useLive } from '../../plan/useLive.ts'
import { opensNetwerk } from '../../sections/onsNetwerk/opensNetwerk.ts'
import { Privetijd } from '../../sections/onsNetwerk/Privetijd.tsx'

/**
 * Privétijd: the gespreksleider starts it (also a professional who leads:
 * starting is a moment, not a look into the room); the household and its
 * network then work on their draft in the network's own room, which the
 * relay keeps closed to professionals (Privetijd, client/sections/onsNetwerk/),
 * and end it themselves. A professional's screen says so kindly there.
 */
export function PrivetijdStep({ meeting, leads }: { meeting: StoredMeeting; leads: boolean }) {
  const { t } = useTranslation('meeting')
  const { plan, access, canWrite } = usePlan()
  const actor = useActor()
  const running = useLive(plan.meetings, () => plan.meetings.inPrivetijd(meeting.id))
  const started = meeting.privetijd !== null
  return (
    <div className="meeting-privetijd stack">
      {leads && canWrite && !started && (
        <div className="stack">
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => plan.meetings.startPrivetijd(meeting.id, actor)}>
              {t('step.privetijdStart')}
            </button>
          </div>
          <p className="muted">{t('step.privetijdStartHint')}</p>
        </div>
      )}
      <Privetijd />
      {running && canWrite && opensNetwerk(access) && (
        <div className="button-row">
          <button type="button" className="button" onClick={() => plan.meetings.endPrivetijd(meeting.id, actor)}>
            {t('step.privetijdEnd')}
          </button>
        </div>
      )}
    </div>
  )
}
