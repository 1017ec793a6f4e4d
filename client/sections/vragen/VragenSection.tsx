import { useTranslation } from 'react-i18next'
import { OnzeVragen } from './OnzeVragen.tsx'

/** The section "Onze vragen", outside meetings too: the same questions the meeting's "Vragen voor het plan" fills. */
export function VragenSection() {
  const { t } = useTranslation('vragen')
  return (
    <section className="vragen stack" aria-labelledby="vragen-title">
      <h2 id="vragen-title">{t('title')}</h2>
      <p className="section-intro">{t('intro')}</p>
      <OnzeVragen />
    </section>
  )
}
