import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_STEP_MINUTES, type StoredMeeting, type StoredMeetingStep } from '../../shared/plan/index.ts'
import { usePlan } from '../plan/hooks.ts'
import { useActor } from '../plan/useActor.ts'
import { TextField } from '../ui/TextField.tsx'
import { useMeetingSteps } from './hooks.ts'
import { stepName } from './stepName.ts'

/**
 * The agenda: every step in order, the current one marked, skipped ones
 * greyed. Whoever leads may go to a step, skip it (or take the skip back),
 * move it earlier or later, give it a timer, and add a step of their own.
 */
export function AgendaList({ meeting, leads }: { meeting: StoredMeeting; leads: boolean }) {
  const { t } = useTranslation('meeting')
  const { steps, current } = useMeetingSteps(meeting.id)
  return (
    <section className="meeting-agenda stack" aria-labelledby="meeting-agenda-title">
      <h3 id="meeting-agenda-title">{t('running.agenda')}</h3>
      <ol className="meeting-steps">
        {steps.map((step, index) => (
          <AgendaStep key={step.id} meeting={meeting} step={step} index={index} count={steps.length} isCurrent={step.id === current?.id} leads={leads} />
        ))}
      </ol>
      {leads && <AddOwnStep meeting={meeting} after={steps.at(-1)?.id ?? null} />}
    </section>
  )
}

function AgendaStep({ meeting, step, index, count, isCurrent, leads }: { meeting: StoredMeeting; step: StoredMeetingStep; index: number; count: number; isCurrent: boolean; leads: boolean }) {
  const { t } = useTranslation('meeting')
  const { plan } = usePlan()
  const actor = useActor()
  const name = stepName(t, step)
  const [minutes, setMinutes] = useState(step.minutes === null ? '' : String(step.minutes))
  const classes = ['meeting-step', isCurrent ? 'meeting-step-current' : '', step.skipped ? 'meeting-step-skipped' : ''].filter(Boolean).join(' ')

  function setTimer(event: FormEvent) {
    event.preventDefault()
    const value = minutes.trim() === '' ? null : Number(minutes)
    plan.meetings.setTimer(meeting.id, step.id, value, actor)
  }

  return (
    <li className={classes} aria-current={isCurrent ? 'step' : undefined}>
      <span className="meeting-step-name">
        {name}
        {isCurrent && <strong className="badge">{t('running.now')}</strong>}
        {step.skipped && <span className="muted"> · {t('running.skipped')}</span>}
        {step.minutes !== null && <span className="muted"> · {step.minutes} min</span>}
      </span>
      {leads && (
        <div className="meeting-step-tools">
          {!isCurrent && (
            <button type="button" className="button button-small" aria-label={t('lead.goToLabel', { step: name })} onClick={() => plan.meetings.goTo(meeting.id, step.id, actor)}>
              {t('lead.goTo')}
            </button>
          )}
          <button
            type="button"
            className="button button-quiet button-small"
            aria-label={step.skipped ? t('lead.unskipLabel', { step: name }) : t('lead.skipLabel', { step: name })}
            onClick={() => plan.meetings.skip(meeting.id, step.id, !step.skipped, actor)}
          >
            {step.skipped ? t('lead.unskip') : t('lead.skip')}
          </button>
          <button type="button" className="button button-quiet button-small" disabled={index === 0} aria-label={t('lead.upLabel', { step: name })} onClick={() => plan.meetings.moveStep(meeting.id, step.id, index - 1, actor)}>
            ↑ {t('lead.up')}
          </button>
          <button type="button" className="button button-quiet button-small" disabled={index === count - 1} aria-label={t('lead.downLabel', { step: name })} onClick={() => plan.meetings.moveStep(meeting.id, step.id, index + 1, actor)}>
            ↓ {t('lead.down')}
          </button>
          {step.kind === 'eigen' && (
            <button type="button" className="button button-quiet button-small" aria-label={t('lead.removeLabel', { step: name })} onClick={() => plan.meetings.removeStep(meeting.id, step.id, actor)}>
              {t('lead.remove')}
            </button>
          )}
          <form className="meeting-step-timer" onSubmit={setTimer}>
            <label>
              <span className="visually-hidden">{t('lead.minutesLabel', { step: name })}</span>
              <input type="number" min={1} max={MAX_STEP_MINUTES} inputMode="numeric" value={minutes} placeholder={t('lead.minutes')} onChange={(e) => setMinutes(e.target.value)} />
            </label>
            <button type="submit" className="button button-quiet button-small" aria-label={`${t('lead.setTimer')}: ${name}`}>
              {t('lead.setTimer')}
            </button>
          </form>
        </div>
      )}
    </li>
  )
}

function AddOwnStep({ meeting, after }: { meeting: StoredMeeting; after: string | null }) {
  const { t } = useTranslation('meeting')
  const { plan } = usePlan()
  const actor = useActor()
  const [title, setTitle] = useState('')

  function add(event: FormEvent) {
    event.preventDefault()
    if (!title.trim()) return
    plan.meetings.addStep(meeting.id, title.trim(), after, actor)
    setTitle('')
  }

  return (
    <form className="meeting-own-step card stack" aria-label={t('lead.own')} onSubmit={add}>
      <h4>{t('lead.own')}</h4>
      <TextField label={t('lead.ownTitle')} hint={t('lead.ownHint')} value={title} onChange={setTitle} />
      <div className="button-row">
        <button type="submit" className="button button-small">
          {t('lead.ownAdd')}
        </button>
      </div>
    </form>
  )
}
