import { useTranslation } from 'react-i18next'
import { PARTNERSCHAPSKAART } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useFormat } from '../../ui/useFormat.ts'

/**
 * The card in miniature: the five steps in the card's order (right to left on
 * a wide screen), each with who agrees so far, and a way to jump to it.
 */
export function StepStrip() {
  const { t } = useTranslation('partnerschapskaart')
  const { plan } = usePlan()
  const format = useFormat()
  const agreements = useLive(plan.partnerschapskaart.agreement, () => plan.partnerschapskaart.agreement.all())

  function goTo(step: string) {
    const heading = document.getElementById(`pk-step-${step}-title`)
    heading?.scrollIntoView({ block: 'start', inline: 'nearest', behavior: 'smooth' })
    heading?.focus({ preventScroll: true })
  }

  return (
    <nav className="pk-strip" aria-label={t('stripLabel')}>
      <ol>
        {PARTNERSCHAPSKAART.map((prompt) => {
          const title = format.wording(prompt.title)
          const agreed = Object.keys(agreements[prompt.step])
          return (
            <li key={prompt.step} className={`pk-strip-step pk-step-${prompt.step}`}>
              <button type="button" className="pk-strip-button" aria-label={t('goToStep', { number: prompt.number, title })} onClick={() => goTo(prompt.step)}>
                <span className="pk-strip-number">{prompt.number}</span> <span className="pk-strip-title">{title}</span>
              </button>
              <p className="pk-strip-agreed">{agreed.length > 0 ? t('stripAgreed', { names: format.names(agreed) }) : t('stripNobody')}</p>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
