import { useTranslation } from 'react-i18next'
import type { StoredMeeting } from '../../shared/plan/index.ts'
import { usePlan } from '../plan/hooks.ts'
import { useActor } from '../plan/useActor.ts'
import { useLive } from '../plan/useLive.ts'
import { useMeetingSteps } from './hooks.ts'
import { stepName } from './stepName.ts'

/** The gespreksleider's two big buttons: back one step, on to the next (skipped steps passed over). */
export function LeadBar({ meeting }: { meeting: StoredMeeting }) {
  const { t } = useTranslation('meeting')
  const { plan } = usePlan()
  const actor = useActor()
  useMeetingSteps(meeting.id)
  const next = useLive(plan.meetings, () => plan.meetings.neighbour(meeting.id, 1))
  const previous = useLive(plan.meetings, () => plan.meetings.neighbour(meeting.id, -1))
  return (
    <nav className="meeting-lead-bar" aria-label={t('lead.title')}>
      <button type="button" className="button" disabled={!previous} onClick={() => plan.meetings.back(meeting.id, actor)}>
        ← {t('lead.previous')}
      </button>
      {next ? (
        <button type="button" className="button button-primary" onClick={() => plan.meetings.advance(meeting.id, actor)}>
          {t('lead.nextTo', { step: stepName(t, next) })} →
        </button>
      ) : (
        <p className="muted">{t('lead.last')}</p>
      )}
    </nav>
  )
}
