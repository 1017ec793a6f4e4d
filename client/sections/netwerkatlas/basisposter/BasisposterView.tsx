import { useTranslation } from 'react-i18next'
import { useMeta, usePlan } from '../../../plan/hooks.ts'
import { useLive } from '../../../plan/useLive.ts'
import { RemovedNotices } from '../../../ui/RemovedNotices.tsx'
import { PosterSectionCard } from './PosterSectionCard.tsx'
import './basisposter.css'

/**
 * De basisposter: the one-page picture of the household, the first thing a
 * visitor sees. Five questions, each with short items and a free text; it
 * prints on one page.
 */
export function BasisposterView() {
  const { t } = useTranslation('netwerkatlas')
  const { plan } = usePlan()
  const meta = useMeta()
  const poster = plan.netwerkatlas.basisposter
  const sections = useLive(poster, () => poster.sections())
  const removed = useLive(poster, () => poster.removed())

  return (
    <section className="atlas-instrument basisposter stack" aria-labelledby="basisposter-title">
      <h3 id="basisposter-title">{t('instruments.basisposter')}</h3>
      <p className="section-intro">{t('basisposter.intro')}</p>
      <article className="poster" aria-labelledby="basisposter-household">
        <h4 id="basisposter-household" className="poster-title">
          {meta.householdName || t('basisposter.us')}
        </h4>
        <div className="poster-grid">
          {sections.map(({ section, items }) => (
            <PosterSectionCard key={section} section={section} items={items} />
          ))}
        </div>
      </article>
      <RemovedNotices
        label={t('basisposter.removedLabel')}
        items={removed}
        onRestore={(id) => poster.restore(id)}
        onDismiss={(id, actor) => poster.dismiss(id, actor)}
      />
    </section>
  )
}
