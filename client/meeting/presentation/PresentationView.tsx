import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import type { StoredMeeting, StoredMeetingStep } from '../../../shared/plan/index.ts'
import { PlanDocument } from '../../document/PlanDocument.tsx'
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx'
import type { DocumentSection } from '../../document/sections.ts'
import { useMeta, usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useFormat } from '../../ui/useFormat.ts'
import { MEETING_SECTION, useMeetingSteps, useRunningMeeting, useShownPart } from '../hooks.ts'
import { stepLine, stepName } from '../stepName.ts'
import { StepTimer } from '../StepTimer.tsx'
import { HouseholdQuestion } from '../steps/StepBody.tsx'
import { walkPart } from '../steps/walk.ts'
import { ScreenQuestions } from './ScreenQuestions.tsx'
import '../meeting.css'
import './presentation.css'

/**
 * The meeting on a TV or projector: read-only, large type, following the
 * gespreksleider. The current step with its sentence and timer, the
 * questions as they are added, and during "Presentatie van het plan" the
 * part of the plan the gespreksleider shows, with every edit live. Never
 * the network's draft: during privétijd it only says what is happening.
 */
export function PresentationView() {
  const { t } = useTranslation('meeting')
  const meta = useMeta()
  const running = useRunningMeeting()
  return (
    <div className="presentation">
      <header className="presentation-header">
        <p className="presentation-household">{meta.householdName}</p>
        <div className="presentation-tools">
          <LanguageSwitch />
          <Link className="presentation-back" href={`/${MEETING_SECTION}`}>
            {t('screen.back')}
          </Link>
        </div>
      </header>
      <main className="presentation-main" aria-label={t('screen.label')}>
        {running ? <ScreenMeeting meeting={running} /> : <p className="presentation-line">{t('screen.noMeeting')}</p>}
      </main>
    </div>
  )
}

function ScreenMeeting({ meeting }: { meeting: StoredMeeting }) {
  const { t } = useTranslation('meeting')
  const { steps, current } = useMeetingSteps(meeting.id)
  if (!current) return null
  const number = steps.findIndex((s) => s.id === current.id) + 1
  return (
    <>
      <section className="presentation-step" aria-labelledby="presentation-step-title">
        <p className="presentation-number">{t('running.stepOf', { number, count: steps.length })}</p>
        <h1 id="presentation-step-title">{stepName(t, current)}</h1>
        <p className="presentation-line">{stepLine(t, current)}</p>
        <StepTimer meeting={meeting} large />
      </section>
      <ScreenBody meeting={meeting} step={current} />
    </>
  )
}

function ScreenBody({ meeting, step }: { meeting: StoredMeeting; step: StoredMeetingStep }) {
  const { t } = useTranslation('meeting')
  switch (step.kind) {
    case 'opening':
      return <HouseholdQuestion />
    case 'vragen':
    case 'informatie':
      return <ScreenQuestions meeting={meeting} withNotes={step.kind === 'informatie'} />
    case 'privetijd':
      return <p className="presentation-line">{t('screen.privetijd')}</p>
    case 'presentatie':
      return <ScreenWalk meeting={meeting} />
    case 'basisteam':
      return <ScreenTeam />
    default:
      return null
  }
}

/** The part of the plan the gespreksleider shows, as the plan document reads it: live, nothing to edit. */
function ScreenWalk({ meeting }: { meeting: StoredMeeting }) {
  const { t } = useTranslation('meeting')
  const part = walkPart(useShownPart(meeting))
  const chosen = useMemo(() => new Set<DocumentSection>(part === 'vragen' ? [] : [part]), [part])
  return (
    <section className="presentation-walk" aria-label={t(`walk.parts.${part}`)}>
      {part === 'vragen' ? <ScreenQuestions meeting={meeting} withNotes /> : <PlanDocument chosen={chosen} version={null} />}
    </section>
  )
}

/** The basisteam as it forms: who is in it with their answer, the aanspreekpunt, and who does what. */
function ScreenTeam() {
  const { t } = useTranslation('meeting')
  const { plan } = usePlan()
  const format = useFormat()
  const members = useLive(plan.team, () => plan.team.list())
  const chosen = useLive(plan.team, () => plan.team.aanspreekpunt())
  const actions = useLive(plan.basisteam, () => plan.basisteam.list())
  return (
    <div className="presentation-columns">
      <section aria-labelledby="screen-team-title">
        <h2 id="screen-team-title">{t('team.title')}</h2>
        <ul>
          {members.map((member) => (
            <li key={member.person}>
              {format.name(member.person)} · {t(`team.consent.${member.consent}`)}
            </li>
          ))}
        </ul>
        {chosen && <p>{t('record.aanspreekpunt', { name: format.name(chosen.person) })}</p>}
      </section>
      <section aria-labelledby="screen-actions-title">
        <h2 id="screen-actions-title">{t('team.actions')}</h2>
        <ul>
          {actions.map((action) => (
            <li key={action.id}>
              {action.wat}
              {action.wie.length > 0 && <span className="presentation-muted"> · {action.wie.map((h) => `${format.name(h.person)}: ${t(`team.consent.${h.consent}`)}`).join(', ')}</span>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
