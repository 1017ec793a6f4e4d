import { useTranslation } from 'react-i18next'
import type { MeetingRecord, NamedPerson } from '../../shared/plan/index.ts'
import { usePlan } from '../plan/hooks.ts'
import { useLive } from '../plan/useLive.ts'
import { useFormat } from '../ui/useFormat.ts'
import { stepName } from './stepName.ts'

/** The records earlier meetings left in the plan, newest first: who was there, which steps, the questions, what was decided and who does what. */
export function MeetingRecords() {
  const { t } = useTranslation('meeting')
  const { plan } = usePlan()
  const meetings = useLive(plan.meetings, () => plan.meetings.list())
  const records = meetings.flatMap((meeting) => {
    const record = meeting.endedAt === null ? null : plan.meetings.record(meeting.id)
    return record ? [{ id: meeting.id, title: meeting.title, record }] : []
  })
  if (records.length === 0) return null
  return (
    <section className="meeting-records stack" aria-labelledby="meeting-records-title">
      <h3 id="meeting-records-title">{t('record.title')}</h3>
      {records.map(({ id, title, record }) => (
        <RecordView key={id} title={title} record={record} />
      ))}
    </section>
  )
}

function RecordView({ title, record }: { title: string; record: MeetingRecord }) {
  const { t } = useTranslation('meeting')
  const format = useFormat()
  // The record keeps names beside ids, so it reads the same after someone leaves the people list.
  const name = (person: NamedPerson) => person.name || format.name(person.person)
  const heading = t('record.heading', { date: format.date(record.startedAt) })
  return (
    <article className="meeting-record card stack" aria-label={heading}>
      <h4>
        {heading}
        {title && ` · ${title}`}
      </h4>
      {record.gespreksleider && <p>{t('record.leader', { name: name(record.gespreksleider) })}</p>}
      <h5>{t('record.present')}</h5>
      <ul>
        {record.present.map((person) => (
          <li key={person.person}>{person.via ? t('record.via', { name: name(person), via: name(person.via) }) : name(person)}</li>
        ))}
      </ul>
      <h5>{t('record.steps')}</h5>
      <ol>
        {record.steps.map((step, index) => (
          <li key={index}>{step.skipped ? t('record.skipped', { step: stepName(t, step) }) : stepName(t, step)}</li>
        ))}
      </ol>
      <h5>{t('record.questions')}</h5>
      {record.questions.length ? (
        <ul>
          {record.questions.map((question) => (
            <li key={question.id}>{question.text}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('record.nothing')}</p>
      )}
      <h5>{t('record.decided')}</h5>
      {record.decided.trim() ? <p className="meeting-record-decided">{record.decided}</p> : <p className="muted">{t('record.nothing')}</p>}
      <h5>{t('record.actions')}</h5>
      {record.actions.length ? (
        <ul>
          {record.actions.map((action) => (
            <li key={action.id}>
              {action.wat}
              {action.wie.length > 0 && ` · ${action.wie.map((h) => t('record.helper', { name: name(h), consent: t(`team.consent.${h.consent}`) })).join(', ')}`}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('record.nothing')}</p>
      )}
      {(record.team.length > 0 || record.aanspreekpunt) && (
        <>
          <h5>{t('record.team')}</h5>
          <ul>
            {record.team.map((member) => (
              <li key={member.person}>{t('record.helper', { name: name(member), consent: t(`team.consent.${member.consent}`) })}</li>
            ))}
          </ul>
          {record.aanspreekpunt && <p>{t('record.aanspreekpunt', { name: name(record.aanspreekpunt) })}</p>}
        </>
      )}
    </article>
  )
}
