import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { planPath } from '../app/planAddress.ts'
import { listPlans, type DevicePlan } from '../device/plans.ts'

/** "Jouw plannen op dit apparaat": every plan opened here, the most recent first. */
export function PlansOnThisDevice() {
  const { t, i18n } = useTranslation('start')
  const [plans, setPlans] = useState<DevicePlan[] | null>(null)

  useEffect(() => {
    let current = true
    void listPlans().then((found) => current && setPlans(found))
    return () => {
      current = false
    }
  }, [])

  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' })

  return (
    <section className="stack" aria-labelledby="plans-title">
      <h1 id="plans-title">{t('plans.title')}</h1>
      {plans === null ? (
        <p className="muted">{t('common:loading')}</p>
      ) : plans.length === 0 ? (
        <p className="muted">{t('plans.empty')}</p>
      ) : (
        <ul className="choice-list">
          {plans.map((plan) => (
            <li key={plan.planId}>
              <Link href={planPath(plan.planId)} className="choice">
                <span className="choice-title">{plan.householdName || t('plans.unnamed')}</span>
                <span className="choice-detail">{t('plans.lastOpened', { date: date.format(plan.lastOpened) })}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
