import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { roleAccess } from '../../../shared/capabilities/access.ts'
import type { StoredMeeting } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useActor } from '../../plan/useActor.ts'
import { useLive } from '../../plan/useLive.ts'

/**
 * Privétijd: the gespreksleider starts it; the household and its network
 * then work in the network's own room (which the relay keeps closed to
 * professionals) and end it themselves. A professional's screen says so
 * kindly and offers to step out; nothing of the network's draft shows here.
 */
export function PrivetijdStep({ meeting, leads }: { meeting: StoredMeeting; leads: boolean }) {
  const { t } = useTranslation('meeting')
  const { plan, access, canWrite } = usePlan()
  const actor = useActor()
  const running = useLive(plan.meetings, () => plan.meetings.inPrivetijd(meeting.id))
  const ended = meeting.privetijd !== null && meeting.privetijd.endedAt !== null
  const inRoom = access.role !== null && roleAccess(access.role, 'netwerk') !== 'none'

  if (!running && !ended) {
    // The gespreksleider starts it, also a professional who leads: the start is a moment, not a look into the room.
    if (!leads) return null
    return (
      <div className="meeting-privetijd stack">
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => plan.meetings.startPrivetijd(meeting.id, actor)}>
            {t('step.privetijdStart')}
          </button>
        </div>
        <p className="muted">{t('step.privetijdStartHint')}</p>
      </div>
    )
  }
  if (ended) return <p className="muted">{t('step.privetijdEnded')}</p>
  if (!inRoom) return <StepOut />
  return (
    <div className="meeting-privetijd stack">
      <p className="notice">{t('step.privetijdRunning')}</p>
      {/* Ons netwerk's privétijd (helper "meeting-rooms": client/sections/onsNetwerk/Privetijd.tsx) comes here once it is on main. */}
      {canWrite && (
        <div className="button-row">
          <button type="button" className="button" onClick={() => plan.meetings.endPrivetijd(meeting.id, actor)}>
            {t('step.privetijdEnd')}
          </button>
        </div>
      )}
    </div>
  )
}

/** For a professional during privétijd: what is happening, and an offer to step out, in a friendly tone. */
function StepOut() {
  const { t } = useTranslation('meeting')
  const [out, setOut] = useState(false)
  return (
    <section className="meeting-step-out card stack" aria-labelledby="meeting-step-out-title">
      <h4 id="meeting-step-out-title">{t('step.professionalTitle')}</h4>
      <p>{t('step.professional')}</p>
      {out ? (
        <p role="status">{t('step.steppedOut')}</p>
      ) : (
        <div className="button-row">
          <button type="button" className="button" onClick={() => setOut(true)}>
            {t('step.stepOut')}
          </button>
        </div>
      )}
    </section>
  )
}
