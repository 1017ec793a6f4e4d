import { useTranslation } from 'react-i18next'
import type { StoredMeeting, StoredMeetingStep } from '../../../shared/plan/index.ts'
import { usePlan, useSharedText } from '../../plan/hooks.ts'
import { OnzeVragen } from '../../sections/vragen/OnzeVragen.tsx'
import { PlanWalk } from './PlanWalk.tsx'
import { PrivetijdStep } from './PrivetijdStep.tsx'
import { TeamStep } from './TeamStep.tsx'

/**
 * What the current step asks of the people at the meeting: the household's
 * question at the opening, the questions and information (Onze vragen),
 * privétijd, the plan shown part by part, and forming the basisteam.
 */
export function StepBody({ meeting, step, leads, showing, onShow }: { meeting: StoredMeeting; step: StoredMeetingStep; leads: boolean; showing: string | null; onShow: (part: string) => void }) {
  const { t } = useTranslation('meeting')
  switch (step.kind) {
    case 'opening':
      return <HouseholdQuestion />
    case 'vragen':
    case 'informatie':
      return <OnzeVragen focus={step.kind === 'vragen' ? 'vragen' : 'informatie'} headingLevel={4} />
    case 'privetijd':
      return <PrivetijdStep meeting={meeting} leads={leads} />
    case 'presentatie':
      return <PlanWalk leads={leads} showing={showing} onShow={onShow} />
    case 'basisteam':
      return <TeamStep meeting={meeting} />
    case 'eigen':
      return <p className="muted">{t('step.own')}</p>
    default:
      return null
  }
}

/** "Onze vraag": the household's own question, where the meeting starts. */
export function HouseholdQuestion() {
  const { t } = useTranslation('meeting')
  const { plan } = usePlan()
  const question = useSharedText(plan.question)
  return (
    <section className="meeting-question card" aria-labelledby="meeting-question-title">
      <h4 id="meeting-question-title">{t('step.question')}</h4>
      {question.trim() ? <p className="meeting-question-text">{question}</p> : <p className="muted">{t('step.noQuestion')}</p>}
    </section>
  )
}
