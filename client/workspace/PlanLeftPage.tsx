import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { AppHeader } from '../app/AppHeader.tsx'
import { planPath } from '../app/planAddress.ts'
import { forgetPlanOnThisDevice } from '../device/forgetPlan.ts'

/**
 * `/#/verlaten/<planId>`: a professional who steps back (the plan is on a
 * waakvlam) takes the plan off this device. The plan itself stays with the
 * household and its network; to look in again later, they ask for a new
 * invitation. It asks first, and says plainly what happened.
 */
export function PlanLeftPage({ planId }: { planId: string }) {
  const { t } = useTranslation('workspace')
  const [state, setState] = useState<'asking' | 'working' | 'done' | 'failed'>('asking')

  function leave() {
    setState('working')
    forgetPlanOnThisDevice(planId)
      .then(() => setState('done'))
      .catch((error: unknown) => {
        console.error('Taking the plan off this device failed', error)
        setState('failed')
      })
  }

  return (
    <div className="page">
      <AppHeader />
      <main className="page-main stack" id="content" tabIndex={-1}>
        <h1>{state === 'done' ? t('left.doneTitle') : t('left.title')}</h1>
        {state === 'asking' && (
          <>
            <p>{t('left.what')}</p>
            <p>{t('left.later')}</p>
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={leave}>
                {t('left.confirm')}
              </button>
              <Link href={planPath(planId, 'route')} className="button">
                {t('left.back')}
              </Link>
            </div>
          </>
        )}
        <div role="status" className="stack">
          {state === 'working' && <p>{t('left.working')}</p>}
          {state === 'done' && <p>{t('left.done')}</p>}
          {state === 'failed' && <p className="field-error">{t('left.failed')}</p>}
        </div>
        {state === 'done' && <Link href="/">{t('left.toStart')}</Link>}
      </main>
    </div>
  )
}
