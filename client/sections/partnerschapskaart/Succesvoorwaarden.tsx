import { useTranslation } from 'react-i18next'
import { stepPrompt } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { focusNext, useFocusWhenAsked } from '../../ui/focusOnReplacement.ts'
import { useFormat } from '../../ui/useFormat.ts'

/**
 * Relaties + handelen + condities = "succesvoorwaarden samenwerking", as one
 * summary. From here a line can become a spelregel: the card's outcome is a
 * set of explicit, jointly agreed rules.
 */
export function Succesvoorwaarden() {
  const { t } = useTranslation('partnerschapskaart')
  const { plan, canWrite } = usePlan()
  const me = useMe()
  const format = useFormat()
  const card = plan.partnerschapskaart
  const summary = useLive(card, () => card.succesvoorwaarden())
  const rules = useLive(plan.spelregels, () => plan.spelregels.list())
  const ruleTexts = new Set(rules.map((r) => r.text.trim()))
  const empty = Object.values(summary).every((items) => items.length === 0)

  return (
    <section className="pk-summary card stack" aria-labelledby="pk-summary-title">
      <h3 id="pk-summary-title">{t('succesvoorwaarden.title')}</h3>
      <p className="pk-formula">{t('succesvoorwaarden.formula')}</p>
      <p className="pk-step-plain">{t('succesvoorwaarden.plain')}</p>
      <p className="muted">{empty ? t('succesvoorwaarden.empty') : t('succesvoorwaarden.intro')}</p>
      {!empty && (
        <div className="pk-summary-columns">
          {(['relaties', 'handelen', 'condities'] as const).map((step) => {
            const title = format.wording(stepPrompt(step).title)
            return (
              <section key={step} className={`pk-summary-step pk-step-${step}`} aria-label={title}>
                <h4>{title}</h4>
                <ul>
                  {summary[step].map((item) => (
                    <li key={item.id}>
                      <span className="pk-summary-text">{item.text}</span>{' '}
                      {!canWrite ? null : ruleTexts.has(item.text.trim()) ? (
                        <IsRule id={item.id} />
                      ) : (
                        <button
                          type="button"
                          className="button button-quiet button-small"
                          aria-label={t('succesvoorwaarden.toRuleLabel', { text: item.text })}
                          onClick={() => {
                            focusNext(`rule:${item.id}`)
                            plan.spelregels.propose({ text: item.text, notes: item.notes }, me)
                          }}
                        >
                          {t('succesvoorwaarden.toRule')}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            )
          })}
        </div>
      )}
    </section>
  )
}

/** "Staat bij de spelregels", in the place of the button that made it so: focus lands here after that press (a text, so tabIndex -1). */
function IsRule({ id }: { id: string }) {
  const { t } = useTranslation('partnerschapskaart')
  const ref = useFocusWhenAsked<HTMLSpanElement>(`rule:${id}`)
  return (
    <span ref={ref} tabIndex={-1} className="muted pk-summary-rule">
      {t('succesvoorwaarden.isRule')}
    </span>
  )
}
