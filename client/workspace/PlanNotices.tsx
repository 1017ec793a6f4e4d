import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { Plan, today } from '../../shared/plan/core.ts'
import { lazyView } from '../app/lazyView.ts'
import { usePlan } from '../plan/hooks.ts'
import { useInstrumentsLoaded } from '../plan/useInstruments.ts'
import { useLive } from '../plan/useLive.ts'
import { useMe } from '../plan/useMe.ts'
import { useFormat } from '../ui/useFormat.ts'

// Loaded only when something was said for me at the table: most visits never need it.
const PendingAtTable = lazyView(() => import('../aanTafel/PendingAtTable.tsx'), 'PendingAtTable', { aanTafel: () => import('../aanTafel/i18n.ts') })

/**
 * What the plan asks of me today, above every section: an evaluatiemoment
 * whose day has come and that I have not answered yet, a waakvlam check-in
 * day, and — for a professional — plainly that the plan is on a waakvlam and
 * what that means for them; and what someone recorded for me "aan tafel",
 * for me to confirm or withdraw (client/aanTafel/). Nothing when there is nothing.
 */
export function PlanNotices() {
  const { t } = useTranslation('workspace')
  const { plan, planId, access, canWrite } = usePlan()
  const me = useMe()
  const format = useFormat()
  const day = today()
  const invitations = useLive(plan.evaluatiemomenten, () => plan.evaluatiemomenten.invitations(day, me))
  const support = useLive(plan.waakvlam, () => plan.waakvlam.state())
  const myRole = useLive(plan.people, () => plan.people.get(me)?.role ?? null)
  const professional = (access.role ?? myRole) === 'professional'
  const checkInDue = support.level === 'waakvlam' && support.checkIn !== null && support.checkIn <= day
  // What was said for me at the table is read from the instruments it was said in, loaded once something may wait (useInstruments.ts).
  const mayWait = useLive(plan.atTableWaiting, () => plan.atTableWaiting.mayWaitFor(me))
  const instruments = useInstrumentsLoaded(mayWait)
  const saidForMe = useLive(instruments ? plan.aanTafel : Plan.instrumentsLoaded, () => instruments && plan.aanTafel.pendingFor(me).length > 0)

  if (invitations.length === 0 && !checkInDue && !(professional && support.level === 'waakvlam') && !(saidForMe && canWrite)) return null
  return (
    <aside className="plan-notices stack" aria-label={t('notices.label')}>
      {professional && support.level === 'waakvlam' && (
        <section className="notice notice-calm stack" aria-labelledby="notice-waakvlam-title">
          <p className="notice-title" id="notice-waakvlam-title">
            {t('notices.professionalTitle')}
          </p>
          <p>{t('notices.professional')}</p>
          <p>{t('notices.professionalOptions')}</p>
          {support.checkIn && <p>{t('notices.professionalCheckIn', { day: format.day(support.checkIn) })}</p>}
          <p>
            <Link href={`~/verlaten/${planId}`}>{t('notices.leave')}</Link>
          </p>
        </section>
      )}
      {canWrite &&
        invitations.map((moment) => (
          <p key={moment.id} className="notice notice-calm">
            {moment.note ? t('notices.evaluationWithNote', { note: moment.note }) : t('notices.evaluation')}{' '}
            <Link href={`/basisteam/terugkijken`}>{t('notices.evaluationLink')}</Link>
          </p>
        ))}
      {saidForMe && canWrite && (
        <Suspense fallback={null}>
          <PendingAtTable />
        </Suspense>
      )}
      {checkInDue && !professional && (
        <p className="notice notice-calm">
          {t('notices.checkInDue')} <Link href="/basisteam/lukt-het">{t('notices.checkInDueLink')}</Link>
        </p>
      )}
    </aside>
  )
}
