import { useTranslation } from 'react-i18next'
import type { CardStep } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { useFormat } from '../../ui/useFormat.ts'
import { CardItemRow } from './CardItemRow.tsx'

/**
 * "Mijn kladje": what I jotted for myself on this step, kept visibly apart
 * from the group's text until I bring it in.
 */
export function MyDrafts({ step }: { step: CardStep }) {
  const { t } = useTranslation('partnerschapskaart')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const card = plan.partnerschapskaart
  const drafts = useLive(card, () => card.drafts(me, step))
  if (drafts.length === 0) return null
  return (
    <section className="pk-drafts" aria-label={t('drafts.title')}>
      <h4>{t('drafts.title')}</h4>
      <p className="muted">{t('drafts.intro')}</p>
      <ul className="pk-items">
        {drafts.map((item, index) => {
          const resolved = card.resolveQuestion(item.question)
          const under = resolved?.kind === 'printed' ? format.wording(resolved.aspect ?? resolved.question) : resolved?.kind === 'own' ? resolved.question.text : undefined
          return <CardItemRow key={item.id} item={item} index={index} count={drafts.length} under={under} />
        })}
      </ul>
    </section>
  )
}
