import { useTranslation } from 'react-i18next'
import { PARTNERSCHAPSKAART } from '../../../shared/plan/index.ts'
import { CardCredit } from './CardCredit.tsx'
import { CardVersions } from './CardVersions.tsx'
import { StepColumn } from './StepColumn.tsx'
import { StepStrip } from './StepStrip.tsx'
import { Succesvoorwaarden } from './Succesvoorwaarden.tsx'
import './partnerschapskaart.css'
import { SectionTitle } from '../../ui/SectionTitle.tsx'

/**
 * "De Partnerschapskaart": the five steps in the dialogue's order. In the
 * page they come in that order (waarden first, for keyboard and screen
 * reader); where all five fit side by side they are laid out right to left
 * like the printed card, waarden on the right; narrower, they follow each
 * other downwards.
 */
export function PartnerschapskaartSection() {
  const { t } = useTranslation('partnerschapskaart')
  return (
    <section className="partnerschapskaart stack" aria-labelledby="pk-title">
      <SectionTitle id="pk-title" title={t('title')} method={t('method')} />
      {/* One of the two shows, by the width the card runs across (partnerschapskaart.css). */}
      <p className="section-intro pk-intro-across">{t('introAcross')}</p>
      <p className="section-intro pk-intro-down">{t('introDown')}</p>
      <p className="section-intro">{t('introOrder')}</p>
      <StepStrip />
      <div className="pk-card-scroller">
        <ol className="pk-card" aria-label={t('cardLabel')}>
          {PARTNERSCHAPSKAART.map((prompt) => (
            <StepColumn key={prompt.step} prompt={prompt} />
          ))}
        </ol>
      </div>
      <Succesvoorwaarden />
      <CardVersions />
      <CardCredit />
    </section>
  )
}
