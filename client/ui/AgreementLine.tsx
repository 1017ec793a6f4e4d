import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonId } from '../../shared/plan/index.ts'
import { usePlan } from '../plan/hooks.ts'
import { focusNext, useFocusWhenAsked } from './focusOnReplacement.ts'
import { useFormat } from './useFormat.ts'
import './ui.css'

/**
 * Who agreed (and when) and who has not yet, for a card step or a
 * spelregel, with my own "Ik ben het hiermee eens" / "Toch niet". Agreement
 * is personal, never a vote: nothing is counted or coloured. Each of the two
 * buttons replaces the other, so pressing one puts focus on the other: a
 * keyboard or screen reader user hears what changed and keeps their place.
 */
export function AgreementLine({
  agreedBy,
  asked,
  onAgree,
  onWithdraw,
  agreeLabel,
  subject,
  aboutAgreement,
  children,
}: {
  /** Person → when they agreed. */
  agreedBy: Readonly<Record<PersonId, number>>
  /** Everyone whose agreement is asked (see useParticipants). */
  asked: readonly PersonId[]
  onAgree: () => void
  onWithdraw: () => void
  agreeLabel: string
  /** What is agreed on, for screen readers ("Relaties"). */
  subject: string
  /** Shown after a person's agreement, e.g. that it was given at the table for them (client/aanTafel/). */
  aboutAgreement?: (person: PersonId) => ReactNode
  /** More ways to agree, after my own (the "aan tafel" control). */
  children?: ReactNode
}) {
  const { t } = useTranslation('ui')
  const { me, canWrite } = usePlan()
  const format = useFormat()
  const agreed = Object.entries(agreedBy).sort(([, a], [, b]) => a - b)
  const notYet = asked.filter((id) => !(id in agreedBy))
  const mine = me !== null ? agreedBy[me] : undefined
  const id = useId()
  const agreeButton = useFocusWhenAsked<HTMLButtonElement>(`${id}-agree`)
  const withdrawButton = useFocusWhenAsked<HTMLButtonElement>(`${id}-withdraw`)

  return (
    <div className="agreement" role="group" aria-label={t('agreement.label', { subject })}>
      {agreed.length > 0 ? (
        <p className="agreement-who">
          <span className="agreement-heading">{t('agreement.agreed')}</span>{' '}
          {agreed.map(([person, at], index) => (
            <span key={person} className="agreement-person">
              {format.name(person)}
              <span className="muted">, {format.moment(at)}</span>
              {aboutAgreement?.(person)}
              {index < agreed.length - 1 ? ' · ' : ''}
            </span>
          ))}
        </p>
      ) : (
        notYet.length === 0 && <p className="agreement-who muted">{t('agreement.nobodyYet')}</p>
      )}
      {notYet.length > 0 && (
        <p className="agreement-who">
          <span className="agreement-heading">{t('agreement.notYet')}</span>{' '}
          {notYet.map((person, index) => (
            <span key={person} className="agreement-person">
              {format.name(person)}
              {index < notYet.length - 1 ? ', ' : ''}
            </span>
          ))}
        </p>
      )}
      {canWrite && (
        <div className="button-row">
          {mine === undefined ? (
            <button ref={agreeButton} type="button" className="button" aria-label={t('agreement.agreeLabel', { label: agreeLabel, subject })} onClick={() => {
                focusNext(`${id}-withdraw`)
                onAgree()
              }}>
              {agreeLabel}
            </button>
          ) : (
            <>
              <p className="agreement-mine">{t('agreement.youAgreed')}</p>
              <button ref={withdrawButton} type="button" className="button button-quiet" aria-label={t('agreement.withdrawLabel', { subject })} onClick={() => {
                  focusNext(`${id}-agree`)
                  onWithdraw()
                }}>
                {t('agreement.withdraw')}
              </button>
            </>
          )}
          {children}
        </div>
      )}
    </div>
  )
}
