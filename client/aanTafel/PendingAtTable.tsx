import { useTranslation } from 'react-i18next'
import { stepPrompt, type AtTableAct, type CardStep, type Plan } from '../../shared/plan/index.ts'
import { usePlan } from '../plan/hooks.ts'
import { useLive } from '../plan/useLive.ts'
import { useMe } from '../plan/useMe.ts'
import { useFormat } from '../ui/useFormat.ts'
import './strings.ts'
import './aanTafel.css'

/**
 * On the person's own device: what someone recorded for them at the table,
 * each with "Ja, dat klopt" (it becomes their own word) and "Nee,
 * intrekken" (it is taken back). Nothing when nothing waits.
 */
export function PendingAtTable() {
  const { t } = useTranslation('aanTafel')
  const { plan, canWrite } = usePlan()
  const me = useMe()
  const pending = useLive(plan.aanTafel, () => plan.aanTafel.pendingFor(me))
  if (pending.length === 0 || !canWrite) return null
  return (
    <section className="notice notice-calm stack" aria-labelledby="at-table-pending-title">
      <p className="notice-title" id="at-table-pending-title">
        {t('pending.title')}
      </p>
      <p>{t('pending.intro')}</p>
      <ul className="at-table-pending">
        {pending.map((act) => (
          <li key={`${act.instrument}:${act.id}`}>
            <ConfirmAtTable act={act} />
          </li>
        ))}
      </ul>
    </section>
  )
}

/** One act said for me at the table, with "Ja, dat klopt" and "Nee, intrekken"; also shown where the answer itself is (basisteam). */
export function ConfirmAtTable({ act }: { act: AtTableAct }) {
  const { t } = useTranslation('aanTafel')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const subject = useSubject(plan, act)
  return (
    <div className="stack" role="group" aria-label={subject} data-at-table-act={act.instrument}>
      <p>{t('pending.item', { by: format.name(act.by), subject, said: t(`pending.said.${act.said}`) })}</p>
      <div className="button-row">
        <button type="button" className="button button-primary button-small" aria-label={t('pending.confirmLabel', { subject })} onClick={() => plan.aanTafel.confirm(act, me)}>
          {t('pending.confirm')}
        </button>
        <button type="button" className="button button-small" aria-label={t('pending.withdrawLabel', { subject })} onClick={() => plan.aanTafel.withdraw(act, me)}>
          {t('pending.withdraw')}
        </button>
      </div>
    </div>
  )
}

/** What the act is about, in words: the action's "wat", the card step's title, the geslaagd sentence. */
function useSubject(plan: Plan, act: AtTableAct): string {
  const { t } = useTranslation('aanTafel')
  const format = useFormat()
  const action = useLive(plan.basisteam, () => (act.instrument === 'basisteam' ? plan.basisteam.list().find((a) => a.id === act.id) : undefined))
  const entry = useLive(plan.geslaagd, () => (act.instrument === 'geslaagd' ? plan.geslaagd.list().find((e) => e.person === act.person) : undefined))
  switch (act.instrument) {
    case 'basisteam':
      return action?.wat ?? ''
    case 'partnerschapskaart':
      return format.wording(stepPrompt(act.id as CardStep).title)
    case 'geslaagd':
      return entry?.condition ? `${t('pending.subject.geslaagd')} ${entry.condition}` : t('pending.subject.geslaagd')
    case 'rollen':
    case 'team':
      return t(`pending.subject.${act.instrument}`)
    default:
      return act.instrument
  }
}
