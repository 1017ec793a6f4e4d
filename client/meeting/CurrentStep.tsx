import { useTranslation } from 'react-i18next'
import type { StoredMeeting, StoredMeetingStep } from '../../shared/plan/index.ts'
import { useMeetingSteps } from './hooks.ts'
import { stepLine, stepName } from './stepName.ts'
import { StepTimer } from './StepTimer.tsx'

/** The step everyone follows: its place on the agenda, its name, the one sentence that says what it is for, and its timer. */
export function CurrentStep({ meeting, step }: { meeting: StoredMeeting; step: StoredMeetingStep }) {
  const { t } = useTranslation('meeting')
  const { steps } = useMeetingSteps(meeting.id)
  const number = steps.findIndex((s) => s.id === step.id) + 1
  return (
    <section className="meeting-now card" aria-labelledby="meeting-now-title" aria-live="polite">
      <p className="meeting-now-number">{t('running.stepOf', { number, count: steps.length })}</p>
      <h3 id="meeting-now-title" className="meeting-now-name">
        {stepName(t, step)}
      </h3>
      <p className="meeting-now-line">{stepLine(t, step)}</p>
      <StepTimer meeting={meeting} />
    </section>
  )
}
