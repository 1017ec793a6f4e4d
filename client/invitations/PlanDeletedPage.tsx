import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { AppHeader } from '../app/AppHeader.tsx'
import { forgetPlanOnThisDevice } from '../device/forgetPlan.ts'
import { noteDeletedHere } from '../device/keptDecisions.ts'
import { loadRefusal } from '../device/tokens.ts'
import { forget } from '../device/outbox.ts'
import { sendOutbox } from '../relay/outboxSender.ts'
import { useOutboxEntries } from '../relay/useOutboxEntries.ts'
import './invitations.css'

/**
 * `/#/verwijderd/<planId>`: removes the plan from this device (it is closed
 * here, so its local copies can go), sends a queued deletion to the relay and
 * says plainly what happened: gone here, and gone on the server too or as
 * soon as there is a connection.
 */
export function PlanDeletedPage({ planId }: { planId: string }) {
  const { t } = useTranslation('uitnodiging')
  const [local, setLocal] = useState<'working' | 'done' | 'failed'>('working')
  const entries = useOutboxEntries(planId)
  const deletion = entries.find((entry) => entry.kind === 'deletion')
  const [confirmed, setConfirmed] = useState(false)

  useEffect(() => {
    let current = true
    // A device the relay told "deleted" remembers that beyond its copy, so it never brings the plan to a relay again.
    void loadRefusal(planId)
      .then(async (refusal) => refusal === 'deleted' && (await noteDeletedHere(planId)))
      .then(() => forgetPlanOnThisDevice(planId))
      .then(() => current && setLocal('done'))
      .catch((error: unknown) => {
        console.error('Removing the plan from this device failed', error)
        if (current) setLocal('failed')
      })
    void sendOutbox().catch((error: unknown) => console.error('Sending the deletion failed', error))
    return () => {
      current = false
    }
  }, [planId])

  // Once the relay has it, the queue need not keep it; this page remembers that it was confirmed.
  useEffect(() => {
    if (deletion?.confirmedAt == null) return
    setConfirmed(true)
    void forget(planId, [deletion.id])
  }, [deletion, planId])

  return (
    <div className="page">
      <AppHeader />
      <main className="page-main stack" id="content" tabIndex={-1}>
        <h1>{t('deleted.title')}</h1>
        <div role="status" className="stack">
          <p>{local === 'working' ? t('deleted.working') : local === 'done' ? t('deleted.local') : t('toegang:deletePlan.failed')}</p>
          {confirmed && <p className="deleted-confirmed">{t('deleted.confirmed')}</p>}
          {!confirmed && deletion?.refusedWith && <p className="field-error">{t('deleted.refused')}</p>}
          {!confirmed && deletion && !deletion.refusedWith && <p>{t('deleted.waiting')}</p>}
        </div>
        <Link href="/">{t('deleted.toStart')}</Link>
      </main>
    </div>
  )
}
