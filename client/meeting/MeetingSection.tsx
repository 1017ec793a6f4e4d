import { useTranslation } from 'react-i18next'
import { SectionTitle } from '../ui/SectionTitle.tsx'
import { useRunningMeeting } from './hooks.ts'
import { MeetingRecords } from './MeetingRecords.tsx'
import { RunningMeeting } from './RunningMeeting.tsx'
import { StartMeeting } from './StartMeeting.tsx'
import './meeting.css'

/**
 * "Samen aan tafel": the meedenkbijeenkomst (issue 10). While a meeting
 * runs, everyone here follows its current step and the gespreksleider leads
 * it; otherwise the household can start one. Earlier meetings' records stay
 * underneath.
 */
export function MeetingSection() {
  const { t } = useTranslation('meeting')
  const running = useRunningMeeting()
  return (
    <section className="meeting stack" aria-labelledby="meeting-title">
      <SectionTitle id="meeting-title" title={t('title')} method={t('method')} />
      {running ? (
        <RunningMeeting key={running.id} meeting={running} />
      ) : (
        <>
          <p className="section-intro">{t('intro')}</p>
          <StartMeeting />
        </>
      )}
      <MeetingRecords />
    </section>
  )
}
