import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Plan, Question, Stored } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { FormButtons } from '../../ui/FormButtons.tsx'
import { TextAreaField } from '../../ui/TextAreaField.tsx'
import { Unfold } from '../../ui/Unfold.tsx'
import { useFormat } from '../../ui/useFormat.ts'
import { Heading } from '../../ui/Heading.tsx'

/**
 * The network's answers to the plan's questions: the questions are read from
 * the plan room, the answers are written in the network's room (a
 * QuestionNote of kind 'antwoord' naming the plan's question), until they
 * choose to share one.
 */
export function DraftAnswers({ ours, headingLevel }: { ours: Plan; headingLevel: 3 | 4 }) {
  const { t } = useTranslation('onsNetwerk')
  const { plan } = usePlan()
  const id = useId()
  const questions = useLive(plan.vragen, () => plan.vragen.list())
  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <Heading level={headingLevel} id={`${id}-title`}>
        {t('answers.title')}
      </Heading>
      {questions.length === 0 ? (
        <p className="muted">{t('answers.none')}</p>
      ) : (
        <>
          <p className="muted">{t('answers.intro')}</p>
          <ol className="draft-list">
            {questions.map((question) => (
              <QuestionAnswers key={question.id} question={question} ours={ours} />
            ))}
          </ol>
        </>
      )}
    </section>
  )
}

function QuestionAnswers({ question, ours }: { question: Stored<Question>; ours: Plan }) {
  const { t } = useTranslation('onsNetwerk')
  const format = useFormat()
  const id = useId()
  const answers = useLive(ours.vragen.notes, () => ours.vragen.notes.list()).filter((n) => n.question === question.id)
  return (
    <li className="card stack" aria-labelledby={`${id}-q`}>
      <p id={`${id}-q`} className="draft-question">
        {question.text}
      </p>
      {answers.length === 0 ? (
        <p className="muted">{t('answers.noneYet')}</p>
      ) : (
        <ul className="draft-answers">
          {answers.map((answer) => (
            <li key={answer.id}>
              {answer.text} <span className="muted">— {t('by', { name: format.name(answer.createdBy), when: format.moment(answer.createdAt) })}</span>
            </li>
          ))}
        </ul>
      )}
      <Unfold label={t('answers.add')} accessibleName={t('answers.addLabel', { question: question.text })}>
        {(close) => <AnswerForm question={question} ours={ours} onDone={close} />}
      </Unfold>
    </li>
  )
}

function AnswerForm({ question, ours, onDone }: { question: Stored<Question>; ours: Plan; onDone: () => void }) {
  const { t } = useTranslation('onsNetwerk')
  const me = useMe()
  const [text, setText] = useState('')
  function submit(event: FormEvent) {
    event.preventDefault()
    if (!text.trim()) return
    ours.vragen.addNote({ text: text.trim(), question: question.id, kind: 'antwoord' }, me)
    onDone()
  }
  return (
    <form className="stack" onSubmit={submit} aria-label={t('answers.addLabel', { question: question.text })}>
      <TextAreaField label={t('answers.label')} value={text} onChange={setText} rows={2} autoFocus />
      <FormButtons submit={t('answers.save')} onCancel={onDone} small />
    </form>
  )
}
