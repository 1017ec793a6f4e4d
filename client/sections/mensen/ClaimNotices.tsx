import { useTranslation } from 'react-i18next'
import { isHousehold } from '../../../shared/protocol/roles.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useActor } from '../../plan/useActor.ts'
import { useLive } from '../../plan/useLive.ts'
import { useFormat } from '../../ui/useFormat.ts'

/**
 * "Oma Riet doet nu mee vanaf een eigen telefoon" (issue 11): who said, by a
 * link for several people, that they are someone on the list. Everyone sees
 * it; the household can undo it when it is not right, and then that phone is
 * asked again who it is.
 */
export function ClaimNotices() {
  const { t } = useTranslation('mensen')
  const { plan, canWrite } = usePlan()
  const actor = useActor()
  const format = useFormat()
  const claims = useLive(plan.personDevices, () => plan.personDevices.claims())
  if (claims.length === 0) return null
  const mayUndo = canWrite && isHousehold(actor.role)
  return (
    <section className="stack claim-notices" aria-labelledby="mensen-claims-title">
      <h3 id="mensen-claims-title">{t('claims.title')}</h3>
      <ul className="people">
        {claims.map((claim) => {
          const name = format.name(claim.person)
          return (
            <li key={claim.person} className="person claim">
              <div className="person-text">
                <p>{t('claims.joined', { name, when: format.moment(claim.at) })}</p>
              </div>
              {mayUndo && (
                <div className="person-actions">
                  <button type="button" className="button" aria-label={t('claims.undoLabel', { name })} onClick={() => plan.personDevices.undo(claim.person, actor)}>
                    {t('claims.undo')}
                  </button>
                </div>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
