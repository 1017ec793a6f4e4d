import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StoredPosterItem } from '../../../../shared/plan/index.ts'
import { usePlan } from '../../../plan/hooks.ts'
import { useMe } from '../../../plan/useMe.ts'
import { EditDialog } from '../../../ui/EditDialog.tsx'
import { MoreMenu } from '../../../ui/MoreMenu.tsx'
import { moveActions } from '../../../ui/moveActions.ts'
import { useRemoval } from '../../../ui/useRemoval.tsx'

/** One short item on the poster, with a quiet "⋯" to change, move or remove it. */
export function PosterItemRow({ item, index, count }: { item: StoredPosterItem; index: number; count: number }) {
  const { t } = useTranslation('netwerkatlas')
  const { plan } = usePlan()
  const me = useMe()
  const removal = useRemoval()
  const [editing, setEditing] = useState(false)
  const poster = plan.netwerkatlas.basisposter

  return (
    <li className="poster-item">
      <p className="poster-item-text">{item.text}</p>
      <div className="poster-item-menu">
        <MoreMenu
          item={item.id}
          label={t('ui:more', { text: item.text })}
          actions={[
            { id: 'edit', label: t('ui:edit'), onAction: () => setEditing(true) },
            ...moveActions(t, index, count, (to) => poster.moveTo(item.id, item.section, to, me)),
            { id: 'remove', label: t('ui:remove.action'), onAction: () => removal.request({ author: item.createdBy, text: item.text, remove: () => poster.remove(item.id, me) }) },
          ]}
        />
      </div>
      <EditDialog
        isOpen={editing}
        onOpenChange={setEditing}
        title={t('basisposter.editTitle')}
        fields={[{ name: 'text', label: t('basisposter.itemText'), value: item.text }]}
        onSave={(values) => values['text'] && poster.edit(item.id, values['text'], me)}
      />
      {removal.dialog}
    </li>
  )
}
