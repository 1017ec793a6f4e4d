import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { GeslaagdEntry } from '../../../shared/plan/index.ts'
import { AtTableMark } from '../../aanTafel/AtTableMark.tsx'
import { SentenceAtTable } from '../../aanTafel/SentenceAtTable.tsx'
import { useAtTablePeople } from '../../aanTafel/useAtTablePeople.ts'
import { TextField } from '../../ui/TextField.tsx'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { FormButtons } from '../../ui/FormButtons.tsx'
import { TextAreaField } from '../../ui/TextAreaField.tsx'
import { useFormat } from '../../ui/useFormat.ts'
import './waarden.css'

/**
 * "Ik vind … geslaagd als …": everyone's sentence together, one per person,
 * and mine to write or change. As on the printed card, each sentence stays
 * its writer's own.
 */
export function Geslaagd({ headingLevel = 3 }: { headingLevel?: 3 | 4 }) {
  const { t } = useTranslation('waarden')
  const { plan, canWrite } = usePlan()
  const me = useMe()
  const id = useId()
  const entries = useLive(plan.geslaagd, () => plan.geslaagd.list())
  const mine = entries.find((e) => e.person === me)
  const atTable = useAtTablePeople()
  const [writing, setWriting] = useState(false)
  const Heading = `h${headingLevel}` as const

  return (
    <section className="geslaagd stack" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{t('geslaagd.title')}</Heading>
      <p className="muted">{t('geslaagd.intro')}</p>
      {entries.length === 0 ? (
        <p className="muted">{t('geslaagd.empty')}</p>
      ) : (
        <ul className="geslaagd-list" aria-label={t('geslaagd.listLabel')}>
          {entries.map((entry) => (
            <GeslaagdSentence key={entry.person} entry={entry} />
          ))}
        </ul>
      )}
      {!canWrite ? null : writing || !mine ? (
        <GeslaagdForm entry={mine} onDone={() => setWriting(false)} />
      ) : (
        <div className="button-row">
          <button type="button" className="button button-quiet" onClick={() => setWriting(true)}>
            {t('geslaagd.change')}
          </button>
        </div>
      )}
      <div className="button-row">
        <SentenceAtTable
          // Not over a sentence someone wrote themselves: that one is theirs to change.
          people={atTable.filter((person) => plan.geslaagd.mayWrite(person, me))}
          label={t('geslaagd.condition')}
          hint={t('geslaagd.conditionHint')}
          onWrite={(person, condition) => plan.geslaagd.write(person, { condition }, me)}
        />
      </div>
    </section>
  )
}

function GeslaagdSentence({ entry }: { entry: GeslaagdEntry }) {
  const { t } = useTranslation('waarden')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  return (
    <li className="geslaagd-entry">
      <p className="geslaagd-person">{format.name(entry.person)}</p>
      <p>
        {t('geslaagd.sentence', {
          subject: entry.subject || t('geslaagd.subjectDefault'),
          condition: entry.condition || '…',
        })}
      </p>
      {entry.atTable && (
        <p>
          <AtTableMark person={entry.person} atTable={entry.atTable} onTakeBack={() => plan.geslaagd.withdraw({ instrument: plan.geslaagd.instrument, id: entry.person, person: entry.person, said: 'words', ...entry.atTable! }, me)} />
        </p>
      )}
    </li>
  )
}

function GeslaagdForm({ entry, onDone }: { entry: GeslaagdEntry | undefined; onDone: () => void }) {
  const { t } = useTranslation('waarden')
  const { plan } = usePlan()
  const me = useMe()
  // Empty means "onze samenwerking", shown in the reader's language; only words someone typed are stored.
  const [subject, setSubject] = useState(entry?.subject ?? '')
  const [condition, setCondition] = useState(entry?.condition ?? '')

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!condition.trim() && !entry) return
    plan.geslaagd.write(me, { subject: subject.trim(), condition: condition.trim() }, me)
    onDone()
  }

  return (
    <form className="geslaagd-form stack" onSubmit={submit} aria-label={t('geslaagd.write')}>
      <TextField label={t('geslaagd.subject')} hint={t('geslaagd.subjectHint')} value={subject} autoComplete="off" onChange={setSubject} />
      <TextAreaField label={t('geslaagd.condition')} hint={t('geslaagd.conditionHint')} value={condition} onChange={setCondition} />
      <FormButtons submit={t('geslaagd.save')} onCancel={entry ? onDone : undefined} />
    </form>
  )
}
