import { useTranslation } from 'react-i18next'
import { Ontmoeten } from './Ontmoeten.tsx'
import { RouteSteps } from './RouteSteps.tsx'
import { WaakvlamPanel } from './WaakvlamPanel.tsx'
import './route.css'

/**
 * "Waar staan we?": the plan's start. Where the household says it is on the
 * route, what usually comes next (an offer, never a gate), the household's
 * story and question with the method's five core values, and how much help
 * there is now (full, or a waakvlam).
 */
export function RouteSection() {
  const { t } = useTranslation('route')
  return (
    <section className="route stack" aria-labelledby="route-title">
      <h2 id="route-title">{t('title')}</h2>
      <p className="section-intro">{t('intro')}</p>
      <RouteSteps />
      <Ontmoeten />
      <WaakvlamPanel />
    </section>
  )
}
