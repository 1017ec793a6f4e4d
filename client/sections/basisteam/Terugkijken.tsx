import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { addDays, EVALUATION_QUESTIONS, isDay, today, type EvaluationQuestion, type StoredEvaluatiemoment } from '../../../shared/plan/index.ts'
import { usePlan, useSharedText } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { FormButtons } from '../../ui/FormButtons.tsx'
import { TextAreaField } from '../../ui/TextAreaField.tsx'
import { TextField } from '../../ui/TextField.tsx'
import { Unfold } from '../../ui/Unfold.tsx'
import { useFormat } from '../../ui/useFormat.ts'
import { Bijstellingen } from './Bijstellingen.tsx'

/** Six weeks, as the sources' example says: "over zes weken kijken we samen hoe het gaat". */
const LOOK_BACK_AFTER_DAYS = 42

/**
 * "Samen terugkijken": the basisteam sets a day to look back; on that day
 * the plan asks everyone in it to answer, each in their own words (never a
 * score), and what changes because of it is written down beside it.
 */
export function Terugkijken() {
  const { t } = useTranslation('basisteam')
  const { plan } = usePlan()
  const moments = useLive(plan.evaluatiemomenten, () => plan.evaluatiemomenten.list())
  return (
    <section className="terugkijken card stack" id="terugkijken" aria-labelledby="terugkijken-title" tabIndex={-1}>
      <h3 id="terugkijken-title">{t('terugkijken.title')}</h3>
      <p className="muted">{t('terugkijken.intro')}</p>
      {moments.length === 0 ? (
        <p className="muted">{t('terugkijken.none')}</p>
      ) : (
        <ul className="moments" aria-label={t('terugkijken.listLabel')}>
          {[...moments].reverse().map((moment) => (
            <Moment key={moment.id} moment={moment} />
          ))}
        </ul>
      )}
      <Unfold label={t('terugkijken.new')}>{(close) => <ScheduleForm onDone={close} />}</Unfold>
    </section>
  )
}

function ScheduleForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('basisteam')
  const { plan } = usePlan()
  const me = useMe()
  const [date, setDate] = useState(() => addDays(today(), LOOK_BACK_AFTER_DAYS))
  const [note, setNote] = useState('')

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!isDay(date)) return
    plan.evaluatiemomenten.schedule({ date, note: note.trim() }, me)
    onDone()
  }

  return (
    <form className="stack" onSubmit={submit} aria-label={t('terugkijken.new')}>
      <TextField label={t('terugkijken.date')} type="date" value={date} onChange={setDate} required />
      <TextAreaField label={t('terugkijken.note')} hint={t('terugkijken.noteHint')} value={note} onChange={setNote} />
      <FormButtons submit={t('terugkijken.add')} onCancel={onDone} />
    </form>
  )
}

/** One day to look back: what was agreed, everyone's answers per question with names and dates, my own answers, and what changed. */
function Moment({ moment }: { moment: StoredEvaluatiemoment }) {
  const { t } = useTranslation('basisteam')
  const { plan, canWrite } = usePlan()
  const format = useFormat()
  const id = useId()
  const question = useSharedText(plan.question)
  const due = moment.date !== '' && moment.date <= today()
  const title = moment.date ? t('terugkijken.momentTitle', { day: format.day(moment.date) }) : t('terugkijken.momentNoDay')
  return (
    <li className="moment stack" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{title}</h4>
      {moment.note && <p>{moment.note}</p>}
      <p className="muted">
        {due ? t('terugkijken.due') : t('terugkijken.upcoming')} {t('terugkijken.setBy', { name: format.name(moment.createdBy) })}
      </p>
      {question.trim() && <p className="moment-question">{t('terugkijken.ourQuestion', { question: question.trim() })}</p>}
      <Answers moment={moment} />
      {canWrite && (due ? <MyAnswers moment={moment} /> : <Unfold label={t('terugkijken.answerEarly')}>{(close) => <MyAnswers moment={moment} onDone={close} />}</Unfold>)}
      <Bijstellingen moment={moment} />
    </li>
  )
}

/** Everyone's answers, question by question, each with who and when. */
function Answers({ moment }: { moment: StoredEvaluatiemoment }) {
  const { t } = useTranslation('basisteam')
  const format = useFormat()
  if (moment.answers.length === 0) return <p className="muted">{t('terugkijken.noAnswers')}</p>
  return (
    <div className="moment-answers stack">
      <h5>{t('terugkijken.answersTitle')}</h5>
      {EVALUATION_QUESTIONS.map((question) => {
        const answers = moment.answers.filter((a) => a.question === question)
        if (answers.length === 0) return null
        const label = t(`terugkijken.questions.${question}`)
        return (
          <section key={question} aria-label={label}>
            <h6 className="moment-question-title">{label}</h6>
            <ul className="moment-answer-list" aria-label={label}>
              {answers.map((answer) => (
                <li key={answer.person}>
                  <p className="moment-answer-text">{answer.text}</p>
                  <p className="muted">{t('terugkijken.answerLine', { name: format.name(answer.person), date: format.date(answer.at) })}</p>
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </div>
  )
}

/** My own answers, in my own words; every question may stay empty. */
function MyAnswers({ moment, onDone }: { moment: StoredEvaluatiemoment; onDone?: () => void }) {
  const { t } = useTranslation('basisteam')
  const { plan } = usePlan()
  const me = useMe()
  const mine = (question: EvaluationQuestion) => moment.answers.find((a) => a.question === question && a.person === me)?.text ?? ''
  // What the form started from: only what I change is written, so an answer I gave on another device meanwhile stays.
  const [initial, setInitial] = useState(() => Object.fromEntries(EVALUATION_QUESTIONS.map((q) => [q, mine(q)])) as Record<EvaluationQuestion, string>)
  const [draft, setDraft] = useState(initial)
  const [saved, setSaved] = useState(false)

  function submit(event: FormEvent) {
    event.preventDefault()
    for (const question of EVALUATION_QUESTIONS) if (draft[question] !== initial[question]) plan.evaluatiemomenten.answer(moment.id, question, draft[question], me)
    setInitial(draft)
    setSaved(true)
    onDone?.()
  }

  return (
    <form className="moment-mine stack" onSubmit={submit} aria-label={t('terugkijken.yourAnswers')}>
      <h5>{t('terugkijken.yourAnswers')}</h5>
      <p className="muted">{t('terugkijken.yourAnswersHint')}</p>
      {EVALUATION_QUESTIONS.map((question) => (
        <TextAreaField
          key={question}
          label={t(`terugkijken.questions.${question}`)}
          value={draft[question]}
          onChange={(text) => {
            setSaved(false)
            setDraft((now) => ({ ...now, [question]: text }))
          }}
        />
      ))}
      <FormButtons submit={t('terugkijken.save')} onCancel={onDone} />
      {saved && (
        <p role="status" className="muted">
          {t('terugkijken.saved')}
        </p>
      )}
    </form>
  )
}
