import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isHousehold } from '../../../shared/protocol/roles.ts'
import type { PersonId, StoredMeeting } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useActor } from '../../plan/useActor.ts'
import { useLive } from '../../plan/useLive.ts'
import { AtTableMark } from '../../aanTafel/AtTableMark.tsx'
import { RecordAtTable } from '../../aanTafel/RecordAtTable.tsx'
import { WatDoeIk } from '../../sections/basisteam/WatDoeIk.tsx'
import { SharedTextArea } from '../../ui/SharedTextArea.tsx'
import { useFormat } from '../../ui/useFormat.ts'
import { PersonSelect } from '../PersonSelect.tsx'
import { MeetingActions } from './MeetingActions.tsx'

/**
 * "Samenstellen basisteam": who is in the basisteam (each by their own
 * yes), the one aanspreekpunt the household chooses, the actions asked of
 * people, what was agreed in a few sentences, and each person's own "wat
 * doe ik" to take home.
 */
export function TeamStep({ meeting }: { meeting: StoredMeeting }) {
  const { t } = useTranslation('meeting')
  const { plan, canWrite } = usePlan()
  const decided = plan.meetings.decided(meeting.id)
  return (
    <div className="meeting-team stack">
      <TeamMembers />
      <Aanspreekpunt />
      <MeetingActions />
      {decided && canWrite && (
        <section className="stack" aria-labelledby="meeting-decided-title">
          <h4 id="meeting-decided-title">{t('decided.title')}</h4>
          <SharedTextArea text={decided} label={t('decided.label')} rows={4} />
        </section>
      )}
      <section className="meeting-mine card stack" aria-labelledby="meeting-mine-title">
        <h4 id="meeting-mine-title">{t('team.mine')}</h4>
        <WatDoeIk />
      </section>
    </div>
  )
}

function TeamMembers() {
  const { t } = useTranslation('meeting')
  const { plan, me, canWrite } = usePlan()
  const format = useFormat()
  const members = useLive(plan.team, () => plan.team.list())
  const [person, setPerson] = useState<PersonId | ''>('')
  const mine = members.find((m) => m.person === me)

  function ask(event: FormEvent) {
    event.preventDefault()
    if (!person || !me) return
    plan.team.ask(person, me)
    setPerson('')
  }

  return (
    <section className="card stack" aria-labelledby="meeting-team-title">
      <h4 id="meeting-team-title">{t('team.title')}</h4>
      <p className="muted">{t('team.intro')}</p>
      {members.length === 0 ? (
        <p className="muted">{t('team.none')}</p>
      ) : (
        <ul className="meeting-team-list" aria-label={t('team.members')}>
          {members.map((member) => (
            <li key={member.person}>
              {format.name(member.person)} · {t(`team.consent.${member.consent}`)}
              {member.atTable && (
                <>
                  {' · '}
                  <AtTableMark person={member.person} atTable={member.atTable} short />
                </>
              )}
              {member.consent === 'asked' && member.person !== me && (
                <RecordAtTable
                  people={[member.person]}
                  subject={t('team.title')}
                  choices={[
                    { value: 'yes', label: t('team.yes') },
                    { value: 'no', label: t('team.no') },
                  ]}
                  onRecord={(person, consent) => me !== null && plan.team.answerAtTable(person, consent, me)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && me && mine?.consent === 'asked' && (
        <div className="notice stack">
          <p>{t('team.myAsk')}</p>
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => plan.team.answer('yes', me)}>
              {t('team.yes')}
            </button>
            <button type="button" className="button" onClick={() => plan.team.answer('no', me)}>
              {t('team.no')}
            </button>
          </div>
        </div>
      )}
      {canWrite && (
        <form className="stack" onSubmit={ask}>
          <PersonSelect label={t('team.ask')} placeholder={t('team.choose')} value={person} onChange={setPerson} leaveOut={members.map((m) => m.person)} />
          <div className="button-row">
            <button type="submit" className="button button-small" disabled={!person}>
              {t('team.askSubmit')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}

function Aanspreekpunt() {
  const { t } = useTranslation('meeting')
  const { plan, me, canWrite } = usePlan()
  const actor = useActor()
  const format = useFormat()
  const chosen = useLive(plan.team, () => plan.team.aanspreekpunt())
  const [person, setPerson] = useState<PersonId | ''>('')

  function choose(event: FormEvent) {
    event.preventDefault()
    if (person) plan.team.chooseAanspreekpunt(person, actor)
    setPerson('')
  }

  return (
    <section className="card stack" aria-labelledby="meeting-aanspreekpunt-title">
      <h4 id="meeting-aanspreekpunt-title">{t('team.aanspreekpunt')}</h4>
      {chosen ? (
        <p>
          {t('team.aanspreekpuntIs', { name: format.name(chosen.person), consent: t(`team.consent.${chosen.consent}`) })}
          {chosen.atTable && (
            <>
              {' · '}
              <AtTableMark person={chosen.person} atTable={chosen.atTable} short />
            </>
          )}
        </p>
      ) : (
        <p className="muted">{t('team.aanspreekpuntNone')}</p>
      )}
      {chosen && chosen.consent === 'asked' && chosen.person !== me && (
        <RecordAtTable
          people={[chosen.person]}
          subject={t('team.aanspreekpunt')}
          choices={[
            { value: 'yes', label: t('team.yes') },
            { value: 'no', label: t('team.no') },
          ]}
          onRecord={(_person, consent) => me !== null && plan.team.answerAanspreekpuntAtTable(consent, me)}
        />
      )}
      {canWrite && me && chosen?.person === me && chosen.consent === 'asked' && (
        <div className="notice stack">
          <p>{t('team.aanspreekpuntMine')}</p>
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => plan.team.answerAanspreekpunt('yes', me)}>
              {t('team.yes')}
            </button>
            <button type="button" className="button" onClick={() => plan.team.answerAanspreekpunt('no', me)}>
              {t('team.no')}
            </button>
          </div>
        </div>
      )}
      {canWrite && isHousehold(actor.role) && (
        <form className="stack" onSubmit={choose}>
          <PersonSelect label={t('team.aanspreekpuntChoose')} placeholder={t('team.choose')} value={person} onChange={setPerson} />
          <div className="button-row">
            <button type="submit" className="button button-small" disabled={!person}>
              {t('team.aanspreekpuntSubmit')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}

