import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StoredValue } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { EditDialog } from '../../ui/EditDialog.tsx'
import { LeefgebiedenDialog, LeefgebiedTags } from '../../ui/Leefgebieden.tsx'
import { MoreMenu, type MoreMenuAction } from '../../ui/MoreMenu.tsx'
import { moveActions } from '../../ui/moveActions.ts'
import { useFormat } from '../../ui/useFormat.ts'
import { useRemoval } from '../../ui/useRemoval.tsx'
import './waarden.css'

/**
 * One value with who holds it, who finds it important too, and where it came
 * from. Someone else's value can be endorsed or taken into your own list;
 * nobody's words are changed by another.
 */
export function ValueItem({ value, index, count }: { value: StoredValue; index: number; count: number }) {
  const { t } = useTranslation('waarden')
  const { plan, canWrite } = usePlan()
  const me = useMe()
  const format = useFormat()
  const removal = useRemoval()
  const [editing, setEditing] = useState(false)
  const [tagging, setTagging] = useState(false)
  const adoptions = useLive(plan.waarden, () => plan.waarden.adoptionsOf(value.id))

  // My own value, or one I put forward for the group: nothing to endorse or take over.
  const mine = value.proposedBy === me
  const endorsedByMe = me in value.endorsedBy
  const inMyList = adoptions.some((v) => v.scope === 'personal' && v.proposedBy === me)
  const inOurList = adoptions.some((v) => v.scope === 'shared')
  const endorsers = Object.entries(value.endorsedBy)
    .sort(([, a], [, b]) => a - b)
    .map(([person]) => person)
  const adopters = [...new Set(adoptions.filter((v) => v.scope === 'personal').map((v) => v.proposedBy))]

  const actions: MoreMenuAction[] = []
  if (plan.waarden.mayEdit(value.id, me)) actions.push({ id: 'edit', label: t('ui:edit'), onAction: () => setEditing(true) })
  if (value.scope === 'personal' && !inOurList) actions.push({ id: 'shared', label: t('value.adoptShared'), onAction: () => plan.waarden.adopt(value.id, me, 'shared') })
  actions.push(
    ...moveActions(t, index, count, (to) => plan.waarden.move(value.id, to, me)),
    { id: 'tags', label: t('ui:leefgebiedenAction'), onAction: () => setTagging(true) },
    {
      id: 'remove',
      label: t('ui:remove.action'),
      onAction: () => removal.request({ author: value.proposedBy ?? value.createdBy, text: value.text, remove: () => plan.waarden.remove(value.id, me) }),
    },
  )

  return (
    <li className="value card">
      <div className="value-head">
        <p className="value-text">{value.text}</p>
        <MoreMenu item={value.id} label={t('ui:more', { text: value.text })} actions={actions} />
      </div>
      {value.notes && <p className="value-notes">{value.notes}</p>}
      <p className="value-meta">
        {value.scope === 'shared' ? t('value.proposedBy', { name: format.name(value.proposedBy) }) : t('value.of', { name: format.name(value.proposedBy) })}
        {value.adoptedFromPerson && <> · {t('value.adoptedFrom', { name: format.name(value.adoptedFromPerson) })}</>}
      </p>
      {endorsers.length > 0 && <p className="value-meta">{t('value.alsoImportant', { names: format.names(endorsers) })}</p>}
      {adopters.length > 0 && <p className="value-meta">{t('value.adoptedBy', { names: format.names(adopters) })}</p>}
      <LeefgebiedTags tags={value.leefgebieden} />
      {!mine && canWrite && (
        <div className="button-row value-actions">
          <button
            type="button"
            className="button button-small button-toggle"
            aria-pressed={endorsedByMe}
            aria-label={t('value.endorseLabel', { text: value.text })}
            onClick={() => (endorsedByMe ? plan.waarden.withdrawEndorsement(value.id, me) : plan.waarden.endorse(value.id, me))}
          >
            {t('value.endorse')}
          </button>
          {inMyList || value.adoptedFromPerson === me ? (
            value.adoptedFromPerson !== me && <p className="value-in-list">{t('value.inMyList')}</p>
          ) : (
            <button type="button" className="button button-small" aria-label={t('value.adoptLabel', { text: value.text })} onClick={() => plan.waarden.adopt(value.id, me)}>
              {t('value.adopt')}
            </button>
          )}
        </div>
      )}
      <EditDialog
        isOpen={editing}
        onOpenChange={setEditing}
        title={t('value.editTitle')}
        fields={[
          { name: 'text', label: t('value.text'), value: value.text },
          { name: 'notes', label: t('value.notes'), value: value.notes, multiline: true },
        ]}
        onSave={(patch) => plan.waarden.edit(value.id, patch, me)}
      />
      <LeefgebiedenDialog
        isOpen={tagging}
        onOpenChange={setTagging}
        about={value.text}
        chosen={value.leefgebieden}
        onChange={(key, on) => (on ? plan.waarden.tag(value.id, key) : plan.waarden.untag(value.id, key))}
      />
      {removal.dialog}
    </li>
  )
}
