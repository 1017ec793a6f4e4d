import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { useMeta, usePlan } from '../plan/hooks.ts'
import { useRelayAccess } from '../relay/useRelayAccess.ts'
import { useFormat } from '../ui/useFormat.ts'

/**
 * For everyone in a plan a professional started for a household (issue 11):
 * it says, until the handover, that the plan is the household's and whose
 * device holds it until then; the professional gets the way to the handover.
 * Gone once the relay's signed records say the plan changed hands.
 */
export function StartedForHousehold() {
  const meta = useMeta()
  if (!meta.startedForHouseholdBy) return null
  return <Notice startedBy={meta.startedForHouseholdBy} household={meta.householdName} />
}

function Notice({ startedBy, household }: { startedBy: string; household: string }) {
  const { t } = useTranslation('uitnodiging')
  const { planId, access, me } = usePlan()
  const format = useFormat()
  const { access: records } = useRelayAccess(planId)
  if (records?.handedOverAt != null) return null
  const mine = access.holdsKey && me === startedBy
  return (
    <section className="notice notice-calm stack" aria-labelledby="started-for-title">
      <p className="notice-title" id="started-for-title">
        {t('startedFor.title')}
      </p>
      <p>{mine ? t('startedFor.keyHolder', { household }) : t('startedFor.text', { name: format.name(startedBy), household })}</p>
      {mine && <Link href="/toegang">{t('startedFor.toHandOver')}</Link>}
    </section>
  )
}
