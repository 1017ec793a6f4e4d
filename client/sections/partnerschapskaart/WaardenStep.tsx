import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { printedQuestion } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useFormat } from '../../ui/useFormat.ts'
import { Geslaagd } from '../waarden/Geslaagd.tsx'
import { ProposeValue } from '../waarden/ProposeValue.tsx'
import { ValueList } from '../waarden/ValueList.tsx'

/**
 * Step 1 of the card, the why: the group's values and everyone's "Ik vind …
 * geslaagd als …" — the same values as in the Waarden section, not a copy.
 */
export function WaardenStep() {
  const { t } = useTranslation('partnerschapskaart')
  const { plan } = usePlan()
  const format = useFormat()
  const shared = useLive(plan.waarden, () => plan.waarden.shared())
  const voorOns = printedQuestion('waarden.voor-ons')
  const label = voorOns ? format.wording(voorOns.question) : ''
  return (
    <>
      <section className="pk-question pk-question-4" aria-label={label}>
        <h4 className="pk-question-title">{label}</h4>
        <ValueList values={shared} label={label} />
        <ProposeValue scope="shared" />
      </section>
      <Geslaagd headingLevel={4} />
      <p className="pk-to-section">
        {t('waarden.toSection')} <Link href="/waarden">{t('waarden.toSectionLink')}</Link>
      </p>
    </>
  )
}
