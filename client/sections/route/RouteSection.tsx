import { useTranslation } from 'react-i18next'
import { QuestionsAtTop } from '../vragen/QuestionsAtTop.tsx'
import { Ontmoeten } from './Ontmoeten.tsx'
import { RouteSteps } from './RouteSteps.tsx'
import { WaakvlamPanel } from './WaakvlamPanel.tsx'
import './route.css'

/**
 * "Waar staan we?": the plan's start. Where the household says it is on the
 * route, what usually comes next (an offer, never a gate), the household's
 * story and question with the method's five core values, and how much help
 * there is now (full, or a waakvlam). The plan's own questions ("Onze
 * vragen") come first, once there are any.
 */
export function RouteSection() {
  const { t } = useTranslation('route')
  return (
    <section className="route stack" aria-labelledby="route-title">
      <h2 id="route-title">{t('title')}</h2>
      <p className="section-intro">{t('intro')}</p>
      <QuestionsAtTop />
      <RouteSteps />
      <Ontmoeten />
      <WaakvlamPanel />
    </section>
  )
}
