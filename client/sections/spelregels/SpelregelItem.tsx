import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StoredSpelregel } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useMe } from '../../plan/useMe.ts'
import { useParticipants } from '../../plan/useParticipants.ts'
import { AgreementLine } from '../../ui/AgreementLine.tsx'
import { EditDialog } from '../../ui/EditDialog.tsx'
import { MoreMenu } from '../../ui/MoreMenu.tsx'
import { moveActions } from '../../ui/moveActions.ts'
import { useFormat } from '../../ui/useFormat.ts'
import { useRemoval } from '../../ui/useRemoval.tsx'

/**
 * One spelregel: its wording, who proposed it, who agrees to exactly these
 * words, and the earlier wordings with who agreed to those. Changing the
 * words asks everyone again.
 */
export function SpelregelItem({ rule, index, count }: { rule: StoredSpelregel; index: number; count: number }) {
  const { t } = useTranslation('spelregels')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const participants = useParticipants()
  const removal = useRemoval()
  const [editing, setEditing] = useState(false)
  const reworded = rule.history.length > 0

  return (
    <li className="spelregel card">
      <div className="spelregel-head">
        <p className="spelregel-text">{rule.text}</p>
        <MoreMenu
          item={rule.id}
          label={t('ui:more', { text: rule.text })}
          actions={[
            { id: 'edit', label: t('ui:edit'), onAction: () => setEditing(true) },
            ...moveActions(t, index, count, (to) => plan.spelregels.move(rule.id, to, me)),
            { id: 'remove', label: t('ui:remove.action'), onAction: () => removal.request({ author: rule.proposedBy, text: rule.text, remove: () => plan.spelregels.remove(rule.id, me) }) },
          ]}
        />
      </div>
      {rule.notes && <p className="spelregel-notes">{rule.notes}</p>}
      <p className="spelregel-meta">
        {t('rule.proposedBy', { name: format.name(rule.proposedBy) })}
        {reworded && <> · {t('rule.changedBy', { name: format.name(rule.wordedBy), when: format.moment(rule.wordedAt) })}</>}
      </p>
      {reworded && Object.keys(rule.agreedBy).length < participants.ids.length && <p className="spelregel-again">{t('rule.askedAgain')}</p>}
      <AgreementLine
        agreedBy={rule.agreedBy}
        asked={participants.ids}
        subject={rule.text}
        agreeLabel={t('rule.agree')}
        onAgree={() => plan.spelregels.agree(rule.id, me)}
        onWithdraw={() => plan.spelregels.withdrawAgreement(rule.id, me)}
      />
      {reworded && (
        <details className="spelregel-history">
          <summary>{t('rule.history', { count: rule.history.length })}</summary>
          <ol>
            {rule.history.map((wording) => {
              const agreed = Object.keys(wording.agreedBy)
              return (
                <li key={wording.revision}>
                  <p className="spelregel-old">{wording.text}</p>
                  <p className="muted">{t('rule.historyLine', { name: format.name(wording.by), when: format.moment(wording.at) })}</p>
                  <p className="muted">{agreed.length > 0 ? t('rule.historyAgreed', { names: format.names(agreed) }) : t('rule.historyNobody')}</p>
                </li>
              )
            })}
          </ol>
        </details>
      )}
      <EditDialog
        isOpen={editing}
        onOpenChange={setEditing}
        title={t('rule.editTitle')}
        note={t('rule.editNote')}
        fields={[
          { name: 'text', label: t('rule.text'), value: rule.text, multiline: true },
          { name: 'notes', label: t('rule.notes'), value: rule.notes, multiline: true },
        ]}
        onSave={({ text, notes }) => {
          if (text !== undefined && text !== rule.text) plan.spelregels.reword(rule.id, text, me)
          if (notes !== undefined && notes !== rule.notes) plan.spelregels.editNotes(rule.id, notes, me)
        }}
      />
      {removal.dialog}
    </li>
  )
}
