import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { today, type StoredEvaluation } from '../../../shared/plan/index.ts'
import { TextField } from '../../ui/TextField.tsx'
import { usePlan } from '../../plan/hooks.ts'
import { useMe } from '../../plan/useMe.ts'
import { MoreMenu } from '../../ui/MoreMenu.tsx'
import { TextAreaField } from '../../ui/TextAreaField.tsx'
import { useFormat } from '../../ui/useFormat.ts'
import { useRemoval } from '../../ui/useRemoval.tsx'

/**
 * "Lukt het?": dated reflections in words, by anyone, on one action or on
 * the plan as a whole. Never a score.
 */
export function LuktHetList({ evaluations, action, label }: { evaluations: readonly StoredEvaluation[]; action: string | null; label: string }) {
  const { t } = useTranslation('basisteam')
  const { canWrite } = usePlan()
  return (
    <div className="lukt-het stack">
      {evaluations.length === 0 ? (
        <p className="muted">{t('luktHet.empty')}</p>
      ) : (
        <ul className="lukt-het-list" aria-label={label}>
          {evaluations.map((evaluation) => (
            <EvaluationItem key={evaluation.id} evaluation={evaluation} />
          ))}
        </ul>
      )}
      {canWrite && <AddEvaluation action={action} label={label} />}
    </div>
  )
}

function EvaluationItem({ evaluation }: { evaluation: StoredEvaluation }) {
  const { t } = useTranslation('basisteam')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const removal = useRemoval()
  return (
    <li className="lukt-het-item">
      <div className="lukt-het-head">
        <p className="lukt-het-text">{evaluation.text}</p>
        <MoreMenu
          item={evaluation.id}
          label={t('ui:more', { text: evaluation.text })}
          actions={[
            {
              id: 'remove',
              label: t('ui:remove.action'),
              onAction: () => removal.request({ author: evaluation.createdBy, text: evaluation.text, remove: () => plan.luktHet.remove(evaluation.id, me) }),
            },
          ]}
        />
      </div>
      <p className="muted">{t('luktHet.line', { name: format.name(evaluation.createdBy), day: format.day(evaluation.date) })}</p>
      {removal.dialog}
    </li>
  )
}

function AddEvaluation({ action, label }: { action: string | null; label: string }) {
  const { t } = useTranslation('basisteam')
  const { plan } = usePlan()
  const me = useMe()
  const [text, setText] = useState('')
  const [date, setDate] = useState(today)

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!text.trim()) return
    plan.luktHet.add({ action, text: text.trim(), date: date || today() }, me)
    setText('')
  }

  return (
    <form className="lukt-het-form" onSubmit={submit} aria-label={label}>
      <div className="lukt-het-words">
        <TextAreaField label={t('luktHet.text')} value={text} onChange={setText} />
      </div>
      <div className="lukt-het-date">
        <TextField label={t('luktHet.date')} type="date" value={date} onChange={setDate} />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-small">
          {t('luktHet.add')}
        </button>
      </div>
    </form>
  )
}
