import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { CardStepPrompt } from '../../../shared/plan/index.ts'
import { AtTableMark } from '../../aanTafel/AtTableMark.tsx'
import { RecordAtTable } from '../../aanTafel/RecordAtTable.tsx'
import { useAtTablePeople } from '../../aanTafel/useAtTablePeople.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { useParticipants } from '../../plan/useParticipants.ts'
import { AgreementLine } from '../../ui/AgreementLine.tsx'
import { RemovedNotices } from '../../ui/RemovedNotices.tsx'
import { useFormat } from '../../ui/useFormat.ts'
import { AddOwnQuestion } from './AddOwnQuestion.tsx'
import { EarlierStepHint } from './EarlierStepHint.tsx'
import { MyDrafts } from './MyDrafts.tsx'
import { ItemList, QuestionSlot } from './QuestionSlot.tsx'
import { WaardenStep } from './WaardenStep.tsx'

/**
 * One step (column) of the card: its printed questions as prompts, the
 * group's text under them, the group's own questions, my kladje, what was
 * removed, and who agrees.
 */
export function StepColumn({ prompt }: { prompt: CardStepPrompt }) {
  const { t } = useTranslation('partnerschapskaart')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const card = plan.partnerschapskaart
  // One list of who is asked, for this step's "Nog niet" and for the hint about an earlier step alike.
  const tookPart = useLive(card, () => card.tookPart())
  const participants = useParticipants(tookPart)
  const { step } = prompt
  const title = format.wording(prompt.title)

  const ownQuestions = useLive(card, () => card.questions(step))
  const items = useLive(card, () => card.items(step))
  const removedItems = useLive(card, () => card.removedItems())
  const removedQuestions = useLive(card, () => card.removedQuestions())
  const agreedBy = useLive(card.agreement, () => card.agreement.of(step))
  const atTable = useLive(card.agreement, () => card.agreement.atTableOf(step))
  const atTablePeople = useAtTablePeople()
  const lastChange = useLive(card, () => card.lastChange(step))

  // Items for the step as a whole, and those whose own question was removed (they stay, here, until it is restored).
  const general = useMemo(() => items.filter((i) => i.question === null || card.resolveQuestion(i.question) === null), [items, ownQuestions, card])
  const myAgreement = agreedBy[me]
  const changedSinceIAgreed = myAgreement !== undefined && lastChange > myAgreement

  return (
    <li className={`pk-step pk-step-${step}`} id={`pk-step-${step}`} aria-labelledby={`pk-step-${step}-title`}>
      <header className="pk-step-head">
        <p className="pk-step-number">{t('step', { number: prompt.number })}</p>
        <h3 id={`pk-step-${step}-title`} className="pk-step-title" tabIndex={-1}>
          {title}
        </h3>
        <p className="pk-step-about">{format.wording(prompt.about)}</p>
        <p className="pk-step-plain">{t(`plainStep.${step}`)}</p>
      </header>

      {prompt.number > 1 && <EarlierStepHint step={step} asked={participants.ids} />}

      <div className="pk-step-body">
        {step === 'waarden' ? (
          <WaardenStep />
        ) : (
          <>
            {prompt.questions.map((question) => {
              const label = format.wording(question)
              const aspects = ownQuestions.filter((q) => q.under === question.id)
              const hasAspects = question.aspects.length > 0
              return (
                <QuestionSlot key={question.id} step={step} question={question.id} label={label} level={4} writable={!hasAspects}>
                  {question.aspects.map((aspect) => (
                    <QuestionSlot key={aspect.id} step={step} question={aspect.id} label={format.wording(aspect)} plain={t(`plainAspect.${aspect.id}`, { defaultValue: '' })} level={5} />
                  ))}
                  {aspects.map((own) => (
                    <QuestionSlot key={own.id} step={step} question={own.id} label={own.text} level={5} own={own} />
                  ))}
                  {hasAspects && <AddOwnQuestion step={step} under={question.id} label={t('ownQuestion.addAspectLabel', { question: label })} />}
                </QuestionSlot>
              )
            })}
            {ownQuestions
              .filter((q) => q.under === null)
              .map((own) => (
                <QuestionSlot key={own.id} step={step} question={own.id} label={own.text} level={4} own={own} />
              ))}
            {prompt.ownQuestion && <AddOwnQuestion step={step} under={null} label={t('ownQuestion.addLabel', { step: title })} />}
          </>
        )}
        {general.length > 0 && (
          <section className="pk-question pk-question-4" aria-label={t('item.general')}>
            <h4 className="pk-question-title">{t('item.general')}</h4>
            <ItemList items={general} label={t('item.general')} />
          </section>
        )}
      </div>

      <MyDrafts step={step} />

      <RemovedNotices
        label={t('item.removedLabel', { step: title })}
        items={removedItems.filter((i) => i.step === step && (!i.draft || i.createdBy === me))}
        onRestore={(id) => card.restoreItem(id)}
        onDismiss={(id, actor) => card.dismissItem(id, actor)}
      />
      <RemovedNotices
        label={t('ownQuestion.removedLabel', { step: title })}
        items={removedQuestions.filter((q) => q.step === step)}
        onRestore={(id) => card.restoreQuestion(id)}
        onDismiss={(id, actor) => card.dismissQuestion(id, actor)}
      />

      <div className="pk-step-agreement">
        {changedSinceIAgreed && <p className="pk-hint">{t('changedSince')}</p>}
        <AgreementLine
          agreedBy={agreedBy}
          asked={participants.ids}
          subject={title}
          agreeLabel={t('agree')}
          onAgree={() => card.agreement.agree(step, me)}
          onWithdraw={() => card.agreement.withdraw(step, me)}
          aboutAgreement={(person) => {
            const table = atTable[person]
            return table && (
              <>
                {' '}
                <AtTableMark person={person} atTable={table} short onTakeBack={() => card.agreement.withdraw({ instrument: card.agreement.instrument, id: step, person, said: 'agree', ...table }, me)} />
              </>
            )
          }}
        >
          <RecordAtTable
            people={atTablePeople.filter((person) => !(person in agreedBy))}
            subject={title}
            choices={[{ value: 'agree', label: t('agree') }]}
            onRecord={(person) => card.agreement.agreeAtTable(step, person, me)}
          />
        </AgreementLine>
      </div>
    </li>
  )
}
