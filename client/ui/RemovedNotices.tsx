import { useTranslation } from 'react-i18next'
import { mayEraseForEveryone, type Actor } from '../../shared/plan/actor.ts'
import type { PersonId } from '../../shared/plan/index.ts'
import { hideHere, useHiddenHere } from '../device/hiddenHere.ts'
import { usePlan } from '../plan/hooks.ts'
import { useActor } from '../plan/useActor.ts'
import { keepFocusIfRemoved } from './focusAfterRemoval.ts'
import { focusNext, restoredKey } from './focusOnReplacement.ts'
import { useFormat } from './useFormat.ts'
import './ui.css'

export interface RemovedThing {
  id: string
  text: string
  /** Who wrote it: they (and the household) may erase it for everyone. */
  createdBy: PersonId | null
  removedBy: PersonId | null
  removedAt: number
}

/**
 * "Verwijderd door …": what someone removed stays visible to everyone, with
 * the way back, until its author or the household says it may go for good
 * ("niet meer tonen, voor niemand"); anyone else can stop showing it on
 * their own device. Shows nothing when nothing (left to show) was removed.
 * Focus follows: to the item put back (its "⋯" button, see MoreMenu's
 * `item`), or after a dismissal to the next notice, else the list's controls.
 */
export function RemovedNotices({
  items,
  onRestore,
  onDismiss,
  label,
}: {
  items: readonly RemovedThing[]
  onRestore: (id: string) => void
  /** Erases it for everyone; only offered to whom `mayEraseForEveryone` allows. */
  onDismiss: (id: string, actor: Actor) => void
  /** What the list is about, for screen readers ("Verwijderd bij Relaties"). */
  label?: string
}) {
  const { t } = useTranslation('ui')
  const format = useFormat()
  const { canWrite, planId } = usePlan()
  const actor = useActor()
  const hidden = useHiddenHere(planId)
  const shown = items.filter((item) => !hidden.has(item.id))
  if (shown.length === 0) return null
  return (
    <ul className="removed-notices" aria-label={label ?? t('removed.label')}>
      {shown.map((item) => (
        <li key={item.id} className="removed-notice">
          <p>
            <span className="removed-text">{item.text || t('removed.noText')}</span>{' '}
            <span className="muted">{t('removed.by', { name: format.name(item.removedBy), when: format.moment(item.removedAt) })}</span>
          </p>
          {canWrite && (
            <div className="button-row">
              <button type="button" className="button button-quiet" aria-label={t('removed.restoreLabel', { text: item.text })} onClick={(event) => {
                  keepFocusIfRemoved(event.currentTarget)
                  focusNext(restoredKey(item.id))
                  onRestore(item.id)
                }}>
                {t('removed.restore')}
              </button>
              {mayEraseForEveryone(item, actor) ? (
                <button type="button" className="button button-quiet" aria-label={t('removed.dismissLabel', { text: item.text })} onClick={(event) => {
                    keepFocusIfRemoved(event.currentTarget)
                    onDismiss(item.id, actor)
                  }}>
                  {t('removed.dismiss')}
                </button>
              ) : (
                <button type="button" className="button button-quiet" aria-label={t('removed.hideLabel', { text: item.text })} onClick={(event) => {
                    keepFocusIfRemoved(event.currentTarget)
                    hideHere(planId, item.id)
                  }}>
                  {t('removed.hide')}
                </button>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  )
}
