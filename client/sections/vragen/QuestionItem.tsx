import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Question, QuestionGroup, Stored } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useMe } from '../../plan/useMe.ts'
import { EditDialog } from '../../ui/EditDialog.tsx'
import { MoreMenu } from '../../ui/MoreMenu.tsx'
import { moveActions } from '../../ui/moveActions.ts'
import { useFormat } from '../../ui/useFormat.ts'
import { useRemoval } from '../../ui/useRemoval.tsx'
import { QuestionNotes } from './QuestionNotes.tsx'

/**
 * One question, who asked it, and its "⋯": change the words, one up or
 * down within its group, into another group or out of it, remove. The menu
 * is the way to order for keyboard, finger and mouse alike (react-aria).
 */
export function QuestionItem({
  question,
  index,
  count,
  groups,
  informatie,
}: {
  question: Stored<Question>
  index: number
  count: number
  groups: readonly Stored<QuestionGroup>[]
  informatie: boolean
}) {
  const { t } = useTranslation('vragen')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const id = useId()
  const removal = useRemoval()
  const [editing, setEditing] = useState(false)
  const inGroup = groups.some((g) => g.id === question.group)

  const toGroups = groups
    .filter((g) => g.id !== question.group)
    .map((g) => ({ id: `group:${g.id}`, label: t('question.toGroup', { group: g.title || t('group.untitled') }), onAction: () => plan.vragen.putInGroup(question.id, g.id, me) }))

  return (
    <li className="vragen-question card" aria-labelledby={`${id}-text`}>
      <div className="vragen-question-head">
        <div>
          <p id={`${id}-text`} className="vragen-question-text">
            {question.text}
          </p>
          <p className="muted vragen-question-by">{t('question.askedBy', { name: format.name(question.createdBy) })}</p>
        </div>
        <MoreMenu
          item={question.id}
          label={t('question.more', { text: question.text })}
          actions={[
            { id: 'edit', label: t('ui:edit'), onAction: () => setEditing(true) },
            ...moveActions(t, index, count, (to) => plan.vragen.move(question.id, to, me)),
            ...toGroups,
            ...(inGroup ? [{ id: 'ungroup', label: t('question.outOfGroup'), onAction: () => plan.vragen.putInGroup(question.id, null, me) }] : []),
            { id: 'remove', label: t('ui:remove.action'), onAction: () => removal.request({ author: question.createdBy, text: question.text, remove: () => plan.vragen.remove(question.id, me) }) },
          ]}
        />
      </div>
      <QuestionNotes question={question} open={informatie} />
      <EditDialog
        isOpen={editing}
        onOpenChange={setEditing}
        title={t('question.editTitle')}
        fields={[{ name: 'text', label: t('question.editLabel'), value: question.text, multiline: true }]}
        onSave={(changed) => changed['text']?.trim() && plan.vragen.edit(question.id, changed['text'].trim(), me)}
      />
      {removal.dialog}
    </li>
  )
}
