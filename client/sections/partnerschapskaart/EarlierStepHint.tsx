import { useTranslation } from 'react-i18next'
import { stepPrompt, type CardStep, type PersonId } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useFormat } from '../../ui/useFormat.ts'

/**
 * A gentle note on a later step while an earlier one is not yet agreed by
 * everyone asked: the same people as that step's "Nog niet", whether they
 * have the plan open now or not. It only informs: the card moves on "zodra daar
 * overeenstemming over is bereikt", but Kring never blocks anyone.
 */
export function EarlierStepHint({ step, asked }: { step: CardStep; asked: readonly PersonId[] }) {
  const { t } = useTranslation('partnerschapskaart')
  const { plan, me } = usePlan()
  const format = useFormat()
  const agreement = plan.partnerschapskaart.agreement
  // Subscribes; openEarlierStep reads the same cached agreements.
  useLive(agreement, () => agreement.all())
  const open = agreement.openEarlierStep(step, asked)
  if (!open) return null
  const earlier = format.wording(stepPrompt(open.step).title)
  const onlyMe = open.notYet.length === 1 && open.notYet[0] === me
  return (
    <p className="pk-hint" role="note">
      {onlyMe ? t('earlierHintMe', { step: earlier }) : t('earlierHint', { step: earlier, names: format.names(open.notYet), count: open.notYet.length })}
    </p>
  )
}
