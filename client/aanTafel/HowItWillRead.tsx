import { useTranslation } from 'react-i18next'
import { usePlan } from '../plan/hooks.ts'
import { useMe } from '../plan/useMe.ts'

/**
 * Before anything is recorded "aan tafel": how it will read in the plan
 * ("Oma Riet — aan tafel, via de telefoon van Ans"), and that the person can
 * confirm or withdraw it later on their own device.
 */
export function HowItWillRead({ name }: { /** Who speaks, as the plan names them. */ name: string }) {
  const { t } = useTranslation('aanTafel')
  const { plan } = usePlan()
  const me = useMe()
  return (
    <div className="at-table-preview stack">
      <p>{t('record.shows')}</p>
      <p>
        <strong>{t('mark', { person: name, via: plan.people.get(me)?.name || t('ui:someone') })}</strong>
      </p>
      <p className="muted">{t('record.later', { person: name })}</p>
    </div>
  )
}
