import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { lazyView } from '../../app/lazyView.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { Ontmoeten } from './Ontmoeten.tsx'
import { RouteSteps } from './RouteSteps.tsx'
import { WaakvlamPanel } from './WaakvlamPanel.tsx'
import './route.css'

// Loaded once the plan has questions of its own: a first visit to a new plan (the first-visit budget) needs none of it.
const QuestionsAtTop = lazyView(() => import('../vragen/QuestionsAtTop.tsx'), 'QuestionsAtTop', { vragen: () => import('../vragen/i18n.ts') })

/**
 * "Waar staan we?": the plan's start. Where the household says it is on the
 * route, what usually comes next (an offer, never a gate), the household's
 * story and question with the method's five core values, and how much help
 * there is now (full, or a waakvlam). The plan's own questions ("Onze
 * vragen") come first, once there are any.
 */
export function RouteSection() {
  const { t } = useTranslation('route')
  const { plan } = usePlan()
  const hasQuestions = useLive(plan.vragen, () => plan.vragen.list().length > 0)
  return (
    <section className="route stack" aria-labelledby="route-title">
      <h2 id="route-title">{t('title')}</h2>
      <p className="section-intro">{t('intro')}</p>
      {hasQuestions && (
        <Suspense fallback={null}>
          <QuestionsAtTop />
        </Suspense>
      )}
      <RouteSteps />
      <Ontmoeten />
      <WaakvlamPanel />
    </section>
  )
}
