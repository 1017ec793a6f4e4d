import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuestionGroup, Stored } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useMe } from '../../plan/useMe.ts'
import { TextAreaField } from '../../ui/TextAreaField.tsx'

/**
 * One field for a new question, always open: in a meeting everyone types at
 * once on their own phone. It stays open after adding, so the next question
 * follows without a tap; a quiet line says the question is on the list.
 */
export function AddQuestion({ meeting, groups }: { meeting: string | null; groups: readonly Stored<QuestionGroup>[] }) {
  const { t } = useTranslation('vragen')
  const { plan, canWrite } = usePlan()
  const me = useMe()
  const id = useId()
  const [words, setWords] = useState('')
  const [group, setGroup] = useState('')
  const [added, setAdded] = useState(false)
  if (!canWrite) return null

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!words.trim()) return
    const inGroup = groups.some((g) => g.id === group) ? group : null
    plan.vragen.add(words.trim(), me, { meeting, group: inGroup })
    setWords('')
    setAdded(true)
  }

  return (
    <form className="vragen-add card stack" onSubmit={submit} aria-label={t('add.button')}>
      <TextAreaField
        label={t('add.label')}
        hint={t('add.hint')}
        value={words}
        rows={2}
        onChange={(value) => {
          setWords(value)
          setAdded(false)
        }}
      />
      {groups.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-group`}>{t('add.inGroup')}</label>
          <select id={`${id}-group`} value={group} onChange={(e) => setGroup(e.target.value)}>
            <option value="">{t('add.noGroup')}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.title || t('group.untitled')}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {t('add.button')}
        </button>
        <p className="muted" role="status">
          {added ? t('add.added') : ''}
        </p>
      </div>
    </form>
  )
}
