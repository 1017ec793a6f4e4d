import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StoredMeeting } from '../../shared/plan/index.ts'
import { usePlan } from '../plan/hooks.ts'
import { useLive } from '../plan/useLive.ts'

/**
 * The current step's timer, when the gespreksleider set one: the time left
 * (or how far over), counted on each device from when the step began. It
 * is not a live region: a screen reader is not told every second.
 */
export function StepTimer({ meeting, large = false }: { meeting: StoredMeeting; large?: boolean }) {
  const { t } = useTranslation('meeting')
  const { plan } = usePlan()
  const timer = useLive(plan.meetings, () => plan.meetings.timer(meeting.id))
  const now = useNow(timer !== null)
  if (!timer) return null
  const left = timer.startedAt + timer.minutes * 60_000 - now
  const time = clock(Math.abs(left))
  return (
    <p className={`meeting-timer${left < 0 ? ' meeting-timer-over' : ''}${large ? ' meeting-timer-large' : ''}`} aria-live="off">
      <span className="visually-hidden">{t('timer.label')}: </span>
      {left >= 0 ? t('timer.left', { time }) : t('timer.over', { time })}
    </p>
  )
}

/** "12:05": minutes and seconds (hours folded into minutes: a step is never a day). */
export function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/** The time now, once a second while `running`. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!running) return
    const tick = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(tick)
  }, [running])
  return now
}
