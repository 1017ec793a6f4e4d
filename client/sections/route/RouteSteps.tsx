import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'wouter'
import { nextPhase, ROUTE_PHASES, type RoutePhase } from '../../../shared/plan/core.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { useFormat } from '../../ui/useFormat.ts'
import { sectionOfPhase } from './phaseSections.ts'

/**
 * The four phases, where the household said it is, and what usually comes
 * next as a question. Any phase can be chosen from any other: ahead,
 * skipping one, or back. Nothing is ticked off and nothing is locked.
 */
export function RouteSteps() {
  const { t } = useTranslation('route')
  const { plan, canWrite } = usePlan()
  const me = useMe()
  const format = useFormat()
  const [, navigate] = useLocation()
  const current = useLive(plan.route, () => plan.route.current())
  const here = current?.phase ?? null
  const next = here === null ? 'ontmoeten' : nextPhase(here)

  function goTo(phase: RoutePhase, open: boolean) {
    plan.route.goTo(phase, me)
    const section = sectionOfPhase(phase)
    if (open && section) navigate(`/${section.id}`)
  }

  return (
    <>
      <ol className="route-steps" aria-label={t('stepsLabel')}>
        {ROUTE_PHASES.map((phase, index) => {
          const isHere = phase === here
          const name = t(`phases.${phase}.name`)
          const section = sectionOfPhase(phase)
          return (
            <li key={phase} className={isHere ? 'route-step route-step-here card' : 'route-step card'} aria-current={isHere ? 'step' : undefined}>
              <h3 className="route-step-name">
                <span className="route-step-number" aria-hidden="true">
                  {index + 1}
                </span>
                {name}
              </h3>
              <p>{t(`phases.${phase}.line`)}</p>
              {isHere ? (
                <p className="route-here">
                  <strong>{t('now')}</strong> <span className="muted">{t('chosenBy', { name: format.name(current!.createdBy), date: format.date(current!.createdAt) })}</span>
                </p>
              ) : (
                <>
                  {here === null && phase === 'ontmoeten' && <p className="muted">{t('usualStart')}</p>}
                  {canWrite && (
                    <button type="button" className="button button-quiet button-small" aria-label={t('chooseLabel', { phase: name })} onClick={() => goTo(phase, false)}>
                      {t('choose')}
                    </button>
                  )}
                </>
              )}
              {section && (
                <p>
                  <Link href={`/${section.id}`}>{t('workOn', { section: t(section.labelKey) })}</Link>
                </p>
              )}
            </li>
          )
        })}
      </ol>
      <section className="route-offer card stack" aria-labelledby="route-offer-title">
        <h3 id="route-offer-title">{t('offerTitle')}</h3>
        {next ? (
          <>
            <p>{t(`phases.${next}.offer`)}</p>
            {canWrite && (
              <div className="button-row">
                <button type="button" className="button button-primary" onClick={() => goTo(next, true)}>
                  {t('offerYes', { phase: t(`phases.${next}.name`) })}
                </button>
              </div>
            )}
            <p className="muted">{t('offerStay')}</p>
          </>
        ) : (
          <p>{t('afterLast')}</p>
        )}
      </section>
    </>
  )
}
