import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { usePlan, useRemovedRecords, useSharedText } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { Heading } from '../../ui/Heading.tsx'
import { RemovedNotices } from '../../ui/RemovedNotices.tsx'
import { AddGroup } from './AddGroup.tsx'
import { AddQuestion } from './AddQuestion.tsx'
import { GeneralInformation } from './QuestionNotes.tsx'
import { QuestionGroupView } from './QuestionGroupView.tsx'
import './strings.ts'
import './vragen.css'

/**
 * "Onze vragen": the household's own question first, then everyone's
 * questions for the plan, grouped and in order, each with the information
 * people add to it. Everyone adds at the same time (each question is its own
 * record, shared/plan/vragen.ts); ordering is by the "⋯" menu of a question
 * or a group (keyboard, finger and mouse alike), not by dragging.
 *
 * `focus: 'informatie'` is the meeting's informatieronde: the forms to add
 * information show at once under every question, and adding a question
 * comes after the list.
 */
export function OnzeVragen({ focus = 'vragen', headingLevel = 3 }: { focus?: 'vragen' | 'informatie'; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation('vragen')
  const { plan } = usePlan()
  const id = useId()
  const grouped = useLive(plan.vragen, () => plan.vragen.grouped())
  const removed = useRemovedRecords(plan.vragen.questions)
  const running = useLive(plan.meetings, () => plan.meetings.running())
  const informatie = focus === 'informatie'
  const count = grouped.reduce((n, g) => n + g.questions.length, 0)
  const adding = <AddQuestion meeting={running?.id ?? null} groups={grouped.flatMap((g) => (g.group ? [g.group] : []))} />

  return (
    <div className={`onze-vragen stack onze-vragen-${focus}`}>
      <HouseholdQuestion headingLevel={headingLevel} />
      {!informatie && adding}
      <section className="stack" aria-labelledby={`${id}-list`}>
        <Heading level={headingLevel} id={`${id}-list`}>
          {t('listLabel')}
        </Heading>
        {count === 0 && grouped.length === 0 ? (
          <p className="muted">{t('empty')}</p>
        ) : (
          <ol className="vragen-groups">
            {grouped.map((entry, index) => (
              <QuestionGroupView
                key={entry.group?.id ?? 'none'}
                entry={entry}
                index={index}
                groupCount={grouped.filter((g) => g.group).length}
                groups={grouped.flatMap((g) => (g.group ? [g.group] : []))}
                informatie={informatie}
                headingLevel={headingLevel === 3 ? 4 : 5}
              />
            ))}
          </ol>
        )}
        <AddGroup />
        <RemovedNotices label={t('question.removedLabel')} items={removed} onRestore={(q) => plan.vragen.restore(q)} onDismiss={(q, actor) => plan.vragen.dismiss(q, actor)} />
      </section>
      {informatie && adding}
      <GeneralInformation open={informatie} headingLevel={headingLevel} />
    </div>
  )
}

/** The household's own question, where the plan starts ("de vraag achter de vraag"); written at "Waar staan we?". */
function HouseholdQuestion({ headingLevel }: { headingLevel: 3 | 4 }) {
  const { t } = useTranslation('vragen')
  const { plan } = usePlan()
  const id = useId()
  const words = useSharedText(plan.question)
  return (
    <section className="vragen-household card" aria-labelledby={`${id}-title`}>
      <Heading level={headingLevel} id={`${id}-title`}>
        {t('householdQuestion')}
      </Heading>
      {words.trim() ? (
        <p className="vragen-household-text">{words}</p>
      ) : (
        <p className="muted">
          {t('householdQuestionEmpty')} <Link href="/route">{t('householdQuestionWhere')}</Link>
        </p>
      )}
    </section>
  )
}
