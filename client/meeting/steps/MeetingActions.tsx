import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonId } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { ActionCard } from '../../sections/basisteam/ActionCard.tsx'
import { TextField } from '../../ui/TextField.tsx'
import { PersonSelect } from '../PersonSelect.tsx'

/**
 * Wie doet wat, at the table: ask someone to do something (an action of the
 * basisteam, "gevraagd" until their own "ja, dat doe ik" in their "wat doe
 * ik"), and the actions so far as the basisteam shows them, with each
 * person's answer and the visible "aan tafel" route for someone without a
 * screen of their own.
 */
export function MeetingActions() {
  const { t } = useTranslation('meeting')
  const { plan, me, canWrite } = usePlan()
  const actions = useLive(plan.basisteam, () => plan.basisteam.list())
  const [wat, setWat] = useState('')
  const [wie, setWie] = useState<PersonId | ''>('')

  function ask(event: FormEvent) {
    event.preventDefault()
    if (!wat.trim() || !wie || !me) return
    plan.basisteam.add({ wat: wat.trim(), wie: [wie] }, me)
    setWat('')
    setWie('')
  }

  return (
    <section className="card stack" aria-labelledby="meeting-actions-title">
      <h4 id="meeting-actions-title">{t('team.actions')}</h4>
      {actions.length === 0 ? (
        <p className="muted">{t('team.actionNone')}</p>
      ) : (
        <ul className="actions">
          {actions.map((action, index) => (
            <ActionCard key={action.id} action={action} index={index} count={actions.length} />
          ))}
        </ul>
      )}
      {canWrite && (
        <form className="stack" aria-label={t('team.actionAsk')} onSubmit={ask}>
          <h5>{t('team.actionAsk')}</h5>
          <TextField label={t('team.actionWat')} value={wat} onChange={setWat} />
          <PersonSelect label={t('team.actionWie')} placeholder={t('team.choose')} value={wie} onChange={setWie} />
          <div className="button-row">
            <button type="submit" className="button button-primary button-small" disabled={!wat.trim() || !wie}>
              {t('team.actionSubmit')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
