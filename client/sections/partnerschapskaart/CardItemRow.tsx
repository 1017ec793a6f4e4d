import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StoredCardItem } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useMe } from '../../plan/useMe.ts'
import { EditDialog } from '../../ui/EditDialog.tsx'
import { focusNext, useFocusWhenAsked } from '../../ui/focusOnReplacement.ts'
import { MoreMenu, type MoreMenuAction } from '../../ui/MoreMenu.tsx'
import { moveActions } from '../../ui/moveActions.ts'
import { useFormat } from '../../ui/useFormat.ts'
import { useRemoval } from '../../ui/useRemoval.tsx'
import { CardToAction } from './CardToAction.tsx'

/**
 * One short text on the card, with its notes and who wrote it. The "⋯" menu
 * changes, moves (the keyboard way to reorder) and removes it; removing
 * someone else's words asks first.
 */
export function CardItemRow({ item, index, count, under }: { item: StoredCardItem; index: number; count: number; under?: string }) {
  const { t } = useTranslation('partnerschapskaart')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const removal = useRemoval()
  const [editing, setEditing] = useState(false)
  const card = plan.partnerschapskaart
  // A draft put forward moves from my kladje into the group's list: focus follows it there.
  const arrived = useFocusWhenAsked<HTMLLIElement>(`card-item:${item.id}`)

  const actions: MoreMenuAction[] = [
    { id: 'edit', label: t('ui:edit'), onAction: () => setEditing(true) },
    ...moveActions(t, index, count, (to) => card.moveItem(item.id, to, me)),
    { id: 'remove', label: t('ui:remove.action'), onAction: () => removal.request({ author: item.createdBy, text: item.text, remove: () => card.removeItem(item.id, me) }) },
  ]

  return (
    <li ref={item.draft ? undefined : arrived} tabIndex={item.draft ? undefined : -1} className={item.draft ? 'pk-item pk-item-draft' : 'pk-item'}>
      <div className="pk-item-head">
        <p className="pk-item-text">{item.text}</p>
        <MoreMenu item={item.id} label={t('ui:more', { text: item.text })} actions={actions} />
      </div>
      {item.notes && <p className="pk-item-notes">{item.notes}</p>}
      {under && <p className="pk-item-meta">{t('drafts.under', { question: under })}</p>}
      {!item.draft && <p className="pk-item-meta">{t('item.by', { name: format.name(item.createdBy) })}</p>}
      {!item.draft && item.step === 'acties' && <CardToAction item={item} />}
      {item.draft && (
        <div className="button-row">
          <button type="button" className="button button-small" aria-label={t('drafts.putForwardLabel', { text: item.text })} onClick={() => {
              focusNext(`card-item:${item.id}`)
              card.putForward(item.id, me)
            }}>
            {t('drafts.putForward')}
          </button>
        </div>
      )}
      <EditDialog
        isOpen={editing}
        onOpenChange={setEditing}
        title={t('item.editTitle')}
        fields={[
          { name: 'text', label: t('item.textLabel'), value: item.text, multiline: true },
          { name: 'notes', label: t('item.notes'), value: item.notes, multiline: true },
        ]}
        onSave={(patch) => card.editItem(item.id, patch, me)}
      />
      {removal.dialog}
    </li>
  )
}
