import { useTranslation } from 'react-i18next'
import { EVALUATION_QUESTIONS, RHYTHM_LABELS, ROUTE_PHASES, type MeetingRecord, type StoredEvaluatiemoment, type StoredMeeting } from '../../shared/plan/index.ts'
import { usePlan, useRecords } from '../plan/hooks.ts'
import { useLive } from '../plan/useLive.ts'
import { useFormat } from '../ui/useFormat.ts'

/**
 * The plan's rhythm on paper (issue 13): where the household is on the route
 * and how much help there is now, its own questions, looking back together,
 * and what each meeting left. The same parts, in the same order, as the
 * export's Markdown (shared/export/rhythmMarkdown.ts), with the same
 * shared words (RHYTHM_LABELS).
 */

function Nothing() {
  const { t } = useTranslation('document')
  return <p className="muted">{t('nothing')}</p>
}

/** "Waar staan we?": the four phases with where the household said it is, and the waakvlam. */
export function RouteAndSupport() {
  const { t } = useTranslation('document')
  const { plan } = usePlan()
  const format = useFormat()
  const history = useLive(plan.route, () => plan.route.history())
  const support = useLive(plan.waakvlam, () => plan.waakvlam.state())
  const current = history[0] ?? null
  return (
    <>
      {current ? (
        <ol className="doc-route">
          {ROUTE_PHASES.map((phase) => (
            <li key={phase} aria-current={phase === current.phase ? 'step' : undefined}>
              {phase === current.phase ? (
                <>
                  <strong>{format.wording(RHYTHM_LABELS.phases[phase])}</strong> — <strong>{t('route.here')}</strong>{' '}
                  {t('route.chosenBy', { name: format.name(current.createdBy), date: format.date(current.createdAt) })}
                </>
              ) : (
                format.wording(RHYTHM_LABELS.phases[phase])
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('route.none')}</p>
      )}
      {history.length > 1 && (
        <p>
          {t('route.earlier', {
            list: format.list(history.slice(1).map((c) => t('route.earlierOne', { phase: format.wording(RHYTHM_LABELS.phases[c.phase]), name: format.name(c.createdBy), date: format.date(c.createdAt) }))),
          })}
        </p>
      )}
      <h3>{t('support.title')}</h3>
      {support.level === 'waakvlam' ? (
        <>
          <p>
            <strong>{t('support.on')}</strong> {t('support.since', { name: format.name(support.by), date: format.date(support.at) })}
          </p>
          <p>{support.checkIn ? t('support.checkIn', { day: format.day(support.checkIn) }) : t('support.noCheckIn')}</p>
        </>
      ) : (
        <p>
          {t('support.full')}
          {support.by !== null && ` ${t('support.raisedBy', { name: format.name(support.by), date: format.date(support.at) })}`}
        </p>
      )}
    </>
  )
}

/** "Onze vragen": the household's own question, then the questions by group, each with what was added to it. */
export function Questions() {
  const { t } = useTranslation('document')
  const { plan } = usePlan()
  const format = useFormat()
  const ours = useLive(plan.question, () => plan.question.toString())
  const grouped = useLive(plan.vragen, () => plan.vragen.grouped())
  const notes = useRecords(plan.vragen.notes)
  const notesFor = (question: string | null) => notes.filter((n) => n.question === question && n.text.trim())
  const noteList = (question: string | null) => {
    const list = notesFor(question)
    return (
      list.length > 0 && (
        <ul>
          {list.map((note) => (
            <li key={note.id}>{t('questions.note', { kind: format.wording(RHYTHM_LABELS.noteKinds[note.kind]), name: format.name(note.createdBy), text: note.text.trim() })}</li>
          ))}
        </ul>
      )
    )
  }
  const withQuestions = grouped.filter((g) => g.questions.length > 0)
  if (!ours.trim() && !withQuestions.length && !notesFor(null).length) return <Nothing />
  return (
    <>
      {ours.trim() && (
        <p>
          <strong>{t('questions.ours')}</strong> {ours.trim()}
        </p>
      )}
      {withQuestions.map(({ group, questions }) => (
        <div key={group?.id ?? ''}>
          {(group || grouped.some((g) => g.group)) && <h3>{group ? group.title : t('questions.other')}</h3>}
          <ul>
            {questions.map((question) => (
              <li key={question.id}>
                {question.text}
                {noteList(question.id)}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {notesFor(null).length > 0 && (
        <>
          <h3>{t('questions.forAll')}</h3>
          {noteList(null)}
        </>
      )}
    </>
  )
}

/** "Samen terugkijken": every moment with its day, everyone's answers in their own words, and what changed after it. */
export function LookingBack() {
  const { plan } = usePlan()
  const moments = useLive(plan.evaluatiemomenten, () => plan.evaluatiemomenten.list())
  if (!moments.length) return <Nothing />
  return (
    <>
      {moments.map((moment) => (
        <Moment key={moment.id} moment={moment} />
      ))}
    </>
  )
}

function Moment({ moment }: { moment: StoredEvaluatiemoment }) {
  const { t } = useTranslation('document')
  const { plan } = usePlan()
  const format = useFormat()
  const bijstellingen = plan.evaluatiemomenten.bijstellingen
  const changes = useLive(bijstellingen, () => bijstellingen.forMoment(moment.id))
  const actions = useLive(plan.basisteam, () => plan.basisteam.list())
  return (
    <div className="doc-moment">
      <h3>{moment.date ? t('lookingBack.on', { day: format.day(moment.date) }) : t('lookingBack.noDay')}</h3>
      <p>
        {moment.note && `${moment.note} `}
        <span className="muted">{t('lookingBack.agreedBy', { name: format.name(moment.createdBy) })}</span>
      </p>
      {moment.answers.length === 0 && <p>{t('lookingBack.noAnswers')}</p>}
      {EVALUATION_QUESTIONS.map((question) => {
        const answers = moment.answers.filter((a) => a.question === question)
        return (
          answers.length > 0 && (
            <div key={question}>
              <h4>{format.wording(RHYTHM_LABELS.evaluationQuestions[question])}</h4>
              <ul>
                {answers.map((answer) => (
                  <li key={answer.person}>{t('lookingBack.answer', { name: format.name(answer.person), date: format.date(answer.at), text: answer.text })}</li>
                ))}
              </ul>
            </div>
          )
        )
      })}
      {changes.length > 0 && (
        <>
          <h4>{t('lookingBack.changes')}</h4>
          <ul>
            {changes.map((change) => {
              const action = change.action === null ? undefined : actions.find((a) => a.id === change.action)
              return (
                <li key={change.id}>
                  {t('lookingBack.change', { task: format.wording(RHYTHM_LABELS.tasks[change.task]), text: change.text, name: format.name(change.createdBy) })}
                  {action && ` ${t('lookingBack.onAction', { wat: action.wat })}`}
                </li>
              )
            })}
          </ul>
        </>
      )}
    </div>
  )
}

/** "Bijeenkomsten": what each meeting left when it ended, in the names written down then. */
export function Meetings() {
  const { plan } = usePlan()
  const meetings = useLive(plan.meetings, () => plan.meetings.list())
  if (!meetings.length) return <Nothing />
  return (
    <>
      {meetings.map((meeting) => (
        <Meeting key={meeting.id} meeting={meeting} />
      ))}
    </>
  )
}

function Meeting({ meeting }: { meeting: StoredMeeting }) {
  const { t } = useTranslation('document')
  const { plan } = usePlan()
  const format = useFormat()
  const record = useLive(plan.meetings, () => plan.meetings.record(meeting.id))
  return (
    <div className="doc-meeting">
      <h3>{t('meetings.heading', { title: meeting.title || t('meetings.untitled'), date: format.date(meeting.createdAt) })}</h3>
      {record ? <MeetingRecordList record={record} /> : <p>{t('meetings.running')}</p>}
    </div>
  )
}

function MeetingRecordList({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation('document')
  const format = useFormat()
  const named = (p: { person: string; name: string }) => p.name || format.name(p.person)
  const consent = (c: keyof typeof RHYTHM_LABELS.consent) => format.wording(RHYTHM_LABELS.consent[c])
  const steps = record.steps.filter((s) => s.reachedAt !== null || s.skipped)
  const stepName = (s: (typeof steps)[number]) => (s.kind === 'eigen' ? s.title : format.wording(RHYTHM_LABELS.meetingSteps[s.kind]))
  return (
    <ul>
      {record.gespreksleider && <li>{t('meetings.gespreksleider', { name: named(record.gespreksleider) })}</li>}
      {record.present.length > 0 && (
        <li>{t('meetings.present', { names: format.list(record.present.map((p) => (p.via ? t('meetings.via', { name: named(p), via: named(p.via) }) : named(p)))) })}</li>
      )}
      {steps.length > 0 && <li>{t('meetings.steps', { steps: format.list(steps.map((s) => (s.skipped ? t('meetings.skipped', { step: stepName(s) }) : stepName(s)))) })}</li>}
      {record.questions.length > 0 && <li>{t('meetings.questions', { questions: record.questions.map((q) => q.text).join('; ') })}</li>}
      {record.decided.trim() && <li>{t('meetings.decided', { text: record.decided.trim() })}</li>}
      {record.actions.length > 0 && (
        <li>
          {t('meetings.actions')}
          <ul>
            {record.actions.map((action) => (
              <li key={action.id}>
                {action.wat}
                {action.wie.length > 0 && ` — ${format.list(action.wie.map((h) => `${named(h)} (${consent(h.consent)})`))}`}
              </li>
            ))}
          </ul>
        </li>
      )}
      {record.team.length > 0 && <li>{t('meetings.team', { names: format.list(record.team.map((m) => `${named(m)} (${consent(m.consent)})`)) })}</li>}
      {record.aanspreekpunt && <li>{t('meetings.aanspreekpunt', { name: named(record.aanspreekpunt) })}</li>}
    </ul>
  )
}
