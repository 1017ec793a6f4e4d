import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { usePlan } from '../../plan/hooks.ts'
import { useRelayAccess } from '../../relay/useRelayAccess.ts'
import { useFormat } from '../../ui/useFormat.ts'

/**
 * "Wie beheert dit plan" (issue 11), for everyone in the plan: the people
 * whose devices hold the plan key, and when the plan last changed hands. Read
 * from the relay's signed records and checked on this device, so nobody can
 * write themselves into it.
 */
export function WhoManages() {
  const { t } = useTranslation('toegang')
  const { planId, access: device } = usePlan()
  const format = useFormat()
  const id = useId()
  const { access, stale } = useRelayAccess(planId)
  const names = (access?.managers ?? []).map((person) => format.name(person))
  return (
    <section className="card stack who-manages" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('manages.title')}</h3>
      {access === null ? (
        <p className="muted">{t('manages.unknown')}</p>
      ) : (
        <>
          <p>{names.length > 0 ? t('manages.people', { names: format.list(names) }) : t('manages.nobodyNamed')}</p>
          <p className="muted">{access.handedOverAt === null ? t('manages.neverHandedOver') : t('manages.handedOver', { date: format.moment(access.handedOverAt) })}</p>
          {stale && <p className="muted">{t('manages.stale')}</p>}
        </>
      )}
      {device.holdsKey && <p className="your-role">{t('manages.thisDevice')}</p>}
    </section>
  )
}
