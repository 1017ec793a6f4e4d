import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuestionGroup, QuestionsInGroup, Stored } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useMe } from '../../plan/useMe.ts'
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx'
import { EditDialog } from '../../ui/EditDialog.tsx'
import { Heading } from '../../ui/Heading.tsx'
import { MoreMenu } from '../../ui/MoreMenu.tsx'
import { moveActions } from '../../ui/moveActions.ts'
import { QuestionItem } from './QuestionItem.tsx'

/** One group with its heading (and its "⋯": rename, move, remove) and its questions in order; the questions in no group have no menu. */
export function QuestionGroupView({
  entry,
  index,
  groupCount,
  groups,
  informatie,
  headingLevel,
}: {
  entry: QuestionsInGroup
  index: number
  groupCount: number
  groups: readonly Stored<QuestionGroup>[]
  informatie: boolean
  headingLevel: 4 | 5
}) {
  const { t } = useTranslation('vragen')
  const id = useId()
  const title = entry.group ? entry.group.title || t('group.untitled') : t('noGroup')
  return (
    <li className="vragen-group" aria-labelledby={`${id}-title`}>
      <div className="vragen-group-head">
        <Heading level={headingLevel} id={`${id}-title`}>
          {title}
        </Heading>
        {entry.group && <GroupMenu group={entry.group} index={index} count={groupCount} />}
      </div>
      {entry.questions.length === 0 ? (
        <p className="muted">{t('group.empty')}</p>
      ) : (
        <ol className="vragen-list" aria-labelledby={`${id}-title`}>
          {entry.questions.map((question, at) => (
            <QuestionItem key={question.id} question={question} index={at} count={entry.questions.length} groups={groups} informatie={informatie} />
          ))}
        </ol>
      )}
    </li>
  )
}

function GroupMenu({ group, index, count }: { group: Stored<QuestionGroup>; index: number; count: number }) {
  const { t } = useTranslation('vragen')
  const { plan } = usePlan()
  const me = useMe()
  const [renaming, setRenaming] = useState(false)
  const [removing, setRemoving] = useState(false)
  const title = group.title || t('group.untitled')
  return (
    <>
      <MoreMenu
        label={t('group.more', { title })}
        actions={[
          { id: 'rename', label: t('group.rename'), onAction: () => setRenaming(true) },
          ...moveActions(t, index, count, (to) => plan.vragen.moveGroup(group.id, to, me)),
          { id: 'remove', label: t('group.remove'), onAction: () => setRemoving(true) },
        ]}
      />
      <EditDialog
        isOpen={renaming}
        onOpenChange={setRenaming}
        title={t('group.renameTitle')}
        fields={[{ name: 'title', label: t('group.addLabel'), value: group.title }]}
        onSave={(changed) => changed['title'] !== undefined && plan.vragen.renameGroup(group.id, changed['title'], me)}
      />
      <ConfirmDialog isOpen={removing} onOpenChange={setRemoving} title={t('group.removeTitle')} confirmLabel={t('group.removeConfirm')} onConfirm={() => plan.vragen.removeGroup(group.id, me)}>
        <p>{t('group.removeBody')}</p>
      </ConfirmDialog>
    </>
  )
}
