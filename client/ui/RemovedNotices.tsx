import { useTranslation } from 'react-i18next'
import type { PersonId } from '../../shared/plan/index.ts'
import { usePlan } from '../plan/hooks.ts'
import { useFormat } from './useFormat.ts'
import './ui.css'

export interface RemovedThing {
  id: string
  text: string
  removedBy: PersonId | null
  removedAt: number
}

/**
 * "Verwijderd door …": what someone removed stays visible to everyone, with
 * the way back, until someone says it may go for good. Shows nothing when
 * nothing was removed.
 */
export function RemovedNotices({
  items,
  onRestore,
  onDismiss,
  label,
}: {
  items: readonly RemovedThing[]
  onRestore: (id: string) => void
  onDismiss: (id: string) => void
  /** What the list is about, for screen readers ("Verwijderd bij Relaties"). */
  label?: string
}) {
  const { t } = useTranslation('ui')
  const format = useFormat()
  const { canWrite } = usePlan()
  if (items.length === 0) return null
  return (
    <ul className="removed-notices" aria-label={label ?? t('removed.label')}>
      {items.map((item) => (
        <li key={item.id} className="removed-notice">
          <p>
            <span className="removed-text">{item.text || t('removed.noText')}</span>{' '}
            <span className="muted">{t('removed.by', { name: format.name(item.removedBy), when: format.moment(item.removedAt) })}</span>
          </p>
          {canWrite && (
            <div className="button-row">
              <button type="button" className="button button-quiet" aria-label={t('removed.restoreLabel', { text: item.text })} onClick={() => onRestore(item.id)}>
                {t('removed.restore')}
              </button>
              <button type="button" className="button button-quiet" aria-label={t('removed.dismissLabel', { text: item.text })} onClick={() => onDismiss(item.id)}>
                {t('removed.dismiss')}
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  )
}
