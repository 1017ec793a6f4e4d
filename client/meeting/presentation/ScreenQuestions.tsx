import { useTranslation } from 'react-i18next'
import type { StoredMeeting } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'

/**
 * The plan's questions ("Onze vragen") as they are added, in their groups
 * and order, and in the informatieronde the information linked to each.
 * Read-only. The meeting's own questions and the plan's earlier ones show
 * alike: together they are what the plan answers.
 */
export function ScreenQuestions({ withNotes }: { meeting: StoredMeeting; withNotes: boolean }) {
  const { t } = useTranslation('meeting')
  const { plan } = usePlan()
  const grouped = useLive(plan.vragen, () => plan.vragen.grouped())
  const notes = useLive(plan.vragen.notes, () => plan.vragen.notes.list())
  const count = grouped.reduce((sum, group) => sum + group.questions.length, 0)
  return (
    <section className="presentation-questions" aria-labelledby="screen-questions-title">
      <h2 id="screen-questions-title">{t('screen.questions')}</h2>
      {count === 0 && <p className="presentation-muted">{t('screen.noQuestions')}</p>}
      {grouped.map(({ group, questions }) => (
        <div key={group?.id ?? 'loose'} className="presentation-group">
          {group && <h3>{group.title}</h3>}
          <ul>
            {questions.map((question) => (
              <li key={question.id}>
                {question.text}
                {withNotes && <QuestionNotes notes={notes.filter((note) => note.question === question.id)} />}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}

function QuestionNotes({ notes }: { notes: readonly { id: string; text: string }[] }) {
  if (notes.length === 0) return null
  return (
    <ul className="presentation-notes">
      {notes.map((note) => (
        <li key={note.id}>{note.text}</li>
      ))}
    </ul>
  )
}
