import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { CORE_VALUES } from '../../../shared/plan/core.ts'
import { useSharedText, usePlan } from '../../plan/hooks.ts'
import { SharedTextArea } from '../../ui/SharedTextArea.tsx'
import { sectionOfPhase } from './phaseSections.ts'

/**
 * Ontmoeten starts from the household: its story (in "Ons verhaal") and its
 * own question, in its own words, with the five core values of the method
 * explained in one plain line each, for the people at the table to talk about.
 */
export function Ontmoeten() {
  const { t } = useTranslation('route')
  const { plan, canWrite } = usePlan()
  const question = useSharedText(plan.question)
  const story = sectionOfPhase('ontmoeten')
  return (
    <section className="route-ontmoeten card stack" aria-labelledby="route-ontmoeten-title">
      <h3 id="route-ontmoeten-title">{t('ontmoeten.title')}</h3>
      <p className="muted">{t('ontmoeten.intro')}</p>
      {canWrite ? (
        <SharedTextArea text={plan.question} label={t('ontmoeten.question')} hint={t('ontmoeten.questionHint')} rows={3} />
      ) : (
        <div className="field">
          <p className="route-question-label">{t('ontmoeten.question')}</p>
          <p className="route-question">{question}</p>
        </div>
      )}
      {story && (
        <p>
          <Link href={`/${story.id}`}>{t('ontmoeten.toStory', { section: t(story.labelKey) })}</Link>
        </p>
      )}
      <section className="stack" aria-labelledby="route-values-title">
        <h4 id="route-values-title">{t('ontmoeten.valuesTitle')}</h4>
        <p className="muted">{t('ontmoeten.valuesIntro')}</p>
        <dl className="route-values">
          {CORE_VALUES.map((value) => (
            <div key={value}>
              <dt>{t(`ontmoeten.values.${value}.name`)}</dt>
              <dd>{t(`ontmoeten.values.${value}.line`)}</dd>
            </div>
          ))}
        </dl>
        <p className="muted route-source">{t('ontmoeten.valuesSource')}</p>
      </section>
    </section>
  )
}
