import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { MEETING_SECTION, useRunningMeeting, useTellPlace } from './hooks.ts'

/**
 * Above every section while a meeting runs: someone who chose to look
 * elsewhere in the plan sees, calmly, that the meeting goes on, and one
 * link back to it. It also tells the others where this device is (place.ts),
 * so "Wie is er" can say so. Part of the frame, so its words are the
 * workspace's (the meeting's own load with the meeting).
 */
export function FollowMeeting({ sectionId }: { sectionId: string }) {
  const { t } = useTranslation('workspace')
  const running = useRunningMeeting()
  const elsewhere = running !== null && sectionId !== MEETING_SECTION
  // On the meeting's own section RunningMeeting tells the place, with what the big screen shows.
  useTellPlace(elsewhere ? running.id : null, sectionId, null, !elsewhere && running !== null)
  if (!elsewhere) return null
  return (
    <aside className="follow-meeting" aria-label={t('meeting.label')}>
      <span>{t('meeting.running')}</span> <Link href={`/${MEETING_SECTION}`}>{t('meeting.back')}</Link>
    </aside>
  )
}
