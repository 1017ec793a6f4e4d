import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Plan } from '../../../shared/plan/index.ts'
import { useConnectionStatus, usePlan } from '../../plan/hooks.ts'
import type { PlanConnection } from '../../sync/planConnection.ts'
import { useLoaded, usePlanConnection } from '../../workspace/usePlanConnection.ts'
import { DraftActions } from './DraftActions.tsx'
import { DraftAnswers } from './DraftAnswers.tsx'
import { DraftNotes } from './DraftNotes.tsx'
import { ShareWithPlan } from './ShareWithPlan.tsx'

/**
 * The network's room (`<planId>.netwerk`, a Y.Doc of its own with its own
 * local copy and connection): a draft of their plan — answers to the plan's
 * questions, actions, notes — and "Delen met het plan" to bring chosen
 * parts into the shared plan. Only rendered for devices that open the room.
 */
export function NetwerkRoom({ headingLevel, shareFirst = false }: { headingLevel: 3 | 4; shareFirst?: boolean }) {
  const { t } = useTranslation('onsNetwerk')
  const { planId } = usePlan()
  const room = usePlanConnection(planId, 'netwerk')
  return room ? <Opened room={room} headingLevel={headingLevel} shareFirst={shareFirst} /> : <p className="muted">{t('loading')}</p>
}

function Opened({ room, headingLevel, shareFirst }: { room: PlanConnection; headingLevel: 3 | 4; shareFirst: boolean }) {
  const { t } = useTranslation('onsNetwerk')
  const { canWrite, me } = usePlan()
  const loaded = useLoaded(room)
  // What I write in this room is mine in "wie schreef wat", as in the plan room (PlanConnection.announce).
  useEffect(() => room.plan.authors.writeAs(canWrite ? me : null), [room, me, canWrite])
  if (!loaded) return <p className="muted">{t('loading')}</p>
  const ours: Plan = room.plan
  const share = <ShareWithPlan ours={ours} headingLevel={headingLevel} />
  return (
    <div className="netwerk-room stack">
      <RoomStatus room={room} />
      {shareFirst && share}
      <DraftAnswers ours={ours} headingLevel={headingLevel} />
      <DraftActions ours={ours} headingLevel={headingLevel} />
      <DraftNotes ours={ours} headingLevel={headingLevel} />
      {!shareFirst && share}
    </div>
  )
}

/** Where this room's words are: on this device only, with the household and the network, or waiting for a connection. */
function RoomStatus({ room }: { room: PlanConnection }) {
  const { t } = useTranslation('onsNetwerk')
  const status = useConnectionStatus(room)
  return (
    <p className={`sync-status sync-status-${status} room-status`} data-status={status}>
      <span className="sync-status-icon" aria-hidden="true" />
      <span>{t(`status.${status}`)}</span>
    </p>
  )
}
