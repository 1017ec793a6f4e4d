import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StoredMeeting } from '../../shared/plan/index.ts'
import { usePlan } from '../plan/hooks.ts'
import { useActor } from '../plan/useActor.ts'
import { useLive } from '../plan/useLive.ts'
import { useFormat } from '../ui/useFormat.ts'
import { isHousehold } from '../../shared/protocol/roles.ts'
import { AgendaList } from './AgendaList.tsx'
import { ChangeLeader } from './ChangeLeader.tsx'
import { CurrentStep } from './CurrentStep.tsx'
import { EndMeeting } from './EndMeeting.tsx'
import { MEETING_SECTION, useMeetingSteps, useShownPart, useTellPlace } from './hooks.ts'
import { MeetingJoinPanel } from './join/MeetingJoinPanel.tsx'
import { LeadBar } from './LeadBar.tsx'
import { ScreenLink } from './ScreenLink.tsx'
import { StepBody } from './steps/StepBody.tsx'
import { WhoIsHere } from './WhoIsHere.tsx'

/**
 * A meeting under way, as everyone sees it: the step everyone follows, what
 * it asks, who is here; and for whoever leads it (the gespreksleider or the
 * household), the controls to move on, change the agenda and finish.
 */
export function RunningMeeting({ meeting }: { meeting: StoredMeeting }) {
  const { t } = useTranslation('meeting')
  const { plan, planId, me, canWrite } = usePlan()
  const actor = useActor()
  const format = useFormat()
  const { current } = useMeetingSteps(meeting.id)
  const leads = useLive(plan.meetings, () => plan.meetings.mayLead(meeting.id, actor))
  // What the big screen shows during "Presentatie van het plan": chosen here when this device leads, else followed.
  const [myPart, setMyPart] = useState<string | null>(null)
  const followedPart = useShownPart(meeting)
  const presenting = current?.kind === 'presentatie'
  useTellPlace(meeting.id, MEETING_SECTION, leads && presenting ? (myPart ?? followedPart) : null)

  useEffect(() => {
    // Who was there goes into the record: noted once, when someone opens the meeting on their own device.
    if (canWrite && me) plan.meetings.arrive(meeting.id, me)
  }, [plan, meeting.id, me, canWrite])

  return (
    <div className="meeting-running stack">
      <p className="meeting-leader">
        {meeting.title && <strong>{meeting.title} · </strong>}
        {t('running.leader', { name: format.name(meeting.gespreksleider) })}
      </p>
      {current && <CurrentStep meeting={meeting} step={current} />}
      {leads && <LeadBar meeting={meeting} />}
      {current && <StepBody meeting={meeting} step={current} leads={leads} showing={leads ? (myPart ?? followedPart) : followedPart} onShow={setMyPart} />}
      <WhoIsHere meeting={meeting} />
      <AgendaList meeting={meeting} leads={leads} />
      {leads && (
        <div className="meeting-lead-extra stack">
          <ScreenLink />
          {isHousehold(actor.role) && canWrite && <ChangeLeader meeting={meeting} />}
          <MeetingJoinPanel planId={planId} role={meeting.guestRole} />
          <EndMeeting meeting={meeting} />
        </div>
      )}
    </div>
  )
}
