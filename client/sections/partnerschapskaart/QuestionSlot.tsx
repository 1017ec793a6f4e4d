import { Fragment, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CardStep, StoredCardItem, StoredOwnQuestion } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { EditDialog } from '../../ui/EditDialog.tsx'
import { MoreMenu } from '../../ui/MoreMenu.tsx'
import { useRemoval } from '../../ui/useRemoval.tsx'
import { AddItem } from './AddItem.tsx'
import { CardItemRow } from './CardItemRow.tsx'

/**
 * One question on the card (printed, an aspect of one, or the group's own)
 * with what the group wrote under it, and "Schrijf iets op".
 */
export function QuestionSlot({
  step,
  question,
  label,
  plain,
  level,
  own,
  writable = true,
  children,
}: {
  step: CardStep
  /** The question id items point at (null: the step as a whole). */
  question: string | null
  label: string
  /** One plain line under a method word the card prints ("aan procesvaardigheid?" — kunnen we goed samenwerken?). */
  plain?: string
  level: 4 | 5
  /** The group's own question, which can be changed and removed like an item. */
  own?: StoredOwnQuestion
  /** False for a printed question whose aspects take the writing (as on the card). */
  writable?: boolean
  /** Sub-questions (aspects) shown under this one. */
  children?: ReactNode
}) {
  const { plan } = usePlan()
  const items = useLive(plan.partnerschapskaart, () => plan.partnerschapskaart.items(step, question))
  const Heading = `h${level}` as const
  return (
    <section className={`pk-question pk-question-${level}`} aria-label={label}>
      <div className="pk-question-head">
        <Heading className="pk-question-title">{breakAfterSlashes(label)}</Heading>
        {own && <OwnQuestionMenu question={own} />}
      </div>
      {plain && <p className="pk-question-plain">{plain}</p>}
      {items.length > 0 && <ItemList items={items} label={label} />}
      {children}
      {writable && <AddItem step={step} question={question} questionLabel={label} />}
    </section>
  )
}

/**
 * "reflectie/introspectie?" may wrap after its slash, as a reader would
 * break it, rather than inside a word in a narrow column (<wbr> adds no text,
 * so the heading's name stays the card's words).
 */
function breakAfterSlashes(text: string): ReactNode {
  const parts = text.split('/')
  return parts.map((part, index) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </Fragment>
  ))
}

/** Items of one slot, in the group's order. */
export function ItemList({ items, label }: { items: readonly StoredCardItem[]; label: string }) {
  return (
    <ul className="pk-items" aria-label={label}>
      {items.map((item, index) => (
        <CardItemRow key={item.id} item={item} index={index} count={items.length} />
      ))}
    </ul>
  )
}

function OwnQuestionMenu({ question }: { question: StoredOwnQuestion }) {
  const { t } = useTranslation('partnerschapskaart')
  const { plan } = usePlan()
  const me = useMe()
  const removal = useRemoval()
  const [editing, setEditing] = useState(false)
  const card = plan.partnerschapskaart
  return (
    <>
      <MoreMenu
        item={question.id}
        label={t('ui:more', { text: question.text })}
        actions={[
          { id: 'edit', label: t('ui:edit'), onAction: () => setEditing(true) },
          { id: 'remove', label: t('ui:remove.action'), onAction: () => removal.request({ author: question.createdBy, text: question.text, remove: () => card.removeQuestion(question.id, me) }) },
        ]}
      />
      <EditDialog
        isOpen={editing}
        onOpenChange={setEditing}
        title={t('ownQuestion.editTitle')}
        fields={[{ name: 'text', label: question.under ? t('ownQuestion.aspectText') : t('ownQuestion.text'), value: question.text }]}
        onSave={({ text }) => text && card.editQuestion(question.id, text, me)}
      />
      {removal.dialog}
    </>
  )
}
