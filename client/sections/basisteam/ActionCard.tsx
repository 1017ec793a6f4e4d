import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { stepPrompt, type Helper, type StoredAction } from '../../../shared/plan/index.ts'
import { AtTableMark } from '../../aanTafel/AtTableMark.tsx'
import { ConfirmAtTable } from '../../aanTafel/PendingAtTable.tsx'
import { RecordAtTable } from '../../aanTafel/RecordAtTable.tsx'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { AppDialog } from '../../ui/AppDialog.tsx'
import { LeefgebiedTags } from '../../ui/Leefgebieden.tsx'
import { focusNext, useFocusWhenAsked } from '../../ui/focusOnReplacement.ts'
import { MoreMenu } from '../../ui/MoreMenu.tsx'
import { moveActions } from '../../ui/moveActions.ts'
import { useFormat } from '../../ui/useFormat.ts'
import { useRemoval } from '../../ui/useRemoval.tsx'
import { ActionForm } from './ActionForm.tsx'
import { LuktHetList } from './LuktHet.tsx'
import { StatusSelect } from './StatusSelect.tsx'

/**
 * One action: wat, wie (each with their own answer), waar, wanneer, hoe, how
 * it is going, what it serves, and "Lukt het?". The person asked answers
 * here, on their own device: "Ja, dat doe ik" or "Nee, liever niet".
 */
export function ActionCard({ action, index, count }: { action: StoredAction; index?: number; count?: number }) {
  const { t } = useTranslation('basisteam')
  const { plan, canWrite } = usePlan()
  const me = useMe()
  const format = useFormat()
  const id = useId()
  const removal = useRemoval()
  const [editing, setEditing] = useState(false)
  const evaluations = useLive(plan.luktHet, () => plan.luktHet.forAction(action.id))
  const values = useLive(plan.waarden, () => plan.waarden.list())
  const changes = useLive(plan.evaluatiemomenten.bijstellingen, () => plan.evaluatiemomenten.bijstellingen.forAction(action.id))
  const moments = useLive(plan.evaluatiemomenten, () => plan.evaluatiemomenten.list())
  const mine = action.wie.find((h) => h.person === me)
  const served = [
    ...action.values.flatMap((v) => values.find((x) => x.id === v)?.text ?? []),
    ...action.steps.map((s) => format.wording(stepPrompt(s).title)),
  ]

  const moves = index === undefined || count === undefined ? [] : moveActions(t, index, count, (to) => plan.basisteam.move(action.id, to, me))

  return (
    <li className="action card" aria-labelledby={`${id}-wat`}>
      <div className="action-head">
        <h4 id={`${id}-wat`} className="action-wat">
          {action.wat}
        </h4>
        <MoreMenu
          item={action.id}
          label={t('ui:more', { text: action.wat })}
          actions={[
            { id: 'edit', label: t('ui:edit'), onAction: () => setEditing(true) },
            ...moves,
            { id: 'remove', label: t('ui:remove.action'), onAction: () => removal.request({ author: action.createdBy, text: action.wat, remove: () => plan.basisteam.remove(action.id, me) }) },
          ]}
        />
      </div>

      {mine && canWrite && <MyAnswer action={action} helper={mine} />}
      <AnswerAtTable action={action} />

      <dl className="action-facts">
        <div>
          <dt>{t('action.wie')}</dt>
          <dd>
            {action.wie.length === 0 ? (
              <span className="muted">{t('action.nobody')}</span>
            ) : (
              <ul className="action-helpers">
                {action.wie.map((helper) => (
                  <li key={helper.person}>
                    {format.name(helper.person)} <span className={`consent consent-${helper.consent}`}>· {t(`consent.${helper.consent}`)}</span>
                    {helper.atTable && (
                      <>
                        {' '}
                        <AtTableMark
                          person={helper.person}
                          atTable={helper.atTable}
                          short
                          onTakeBack={() => plan.aanTafel.withdraw({ instrument: 'basisteam', id: action.id, person: helper.person, said: helper.consent === 'no' ? 'no' : 'yes', ...helper.atTable! }, me)}
                        />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {action.waar && (
          <div>
            <dt>{t('action.waar')}</dt>
            <dd>{action.waar}</dd>
          </div>
        )}
        {action.wanneer && (
          <div>
            <dt>{t('action.wanneer')}</dt>
            <dd>{action.wanneer.kind === 'date' ? format.day(action.wanneer.date) : action.wanneer.text}</dd>
          </div>
        )}
        {action.hoe && (
          <div>
            <dt>{t('action.hoe')}</dt>
            <dd>{action.hoe}</dd>
          </div>
        )}
        {action.bron && (
          <div>
            <dt>{t('action.bron')}</dt>
            <dd>
              {t(`bron.everyday.${action.bron}`)} <span className="muted">({t(`bron.method.${action.bron}`)})</span>
            </dd>
          </div>
        )}
        {served.length > 0 && (
          <div>
            <dt>{t('action.serves')}</dt>
            <dd>{served.join(' · ')}</dd>
          </div>
        )}
      </dl>
      {action.fromCard && (
        <p className="action-from">
          <Link href="/partnerschapskaart">{t('action.fromCard')}</Link>
        </p>
      )}
      {changes.length > 0 && (
        <ul className="action-changes" aria-label={t('action.changesLabel')}>
          {changes.map((change) => {
            const day = moments.find((m) => m.id === change.moment)?.date
            return <li key={change.id}>{day ? t('action.changedAt', { day: format.day(day), text: change.text }) : change.text}</li>
          })}
        </ul>
      )}
      <LeefgebiedTags tags={action.leefgebieden} />

      <StatusSelect value={action.status} disabled={!canWrite} accessibleName={t('action.statusLabel', { wat: action.wat })} onChange={(status) => plan.basisteam.setStatus(action.id, status, me)} />

      <details className="action-lukt-het">
        <summary>{evaluations.length > 0 ? t('luktHet.forAction', { count: evaluations.length }) : t('luktHet.title')}</summary>
        <LuktHetList evaluations={evaluations} action={action.id} label={t('luktHet.forActionLabel', { wat: action.wat })} />
      </details>

      <AppDialog isOpen={editing} onOpenChange={setEditing} title={t('action.editTitle')}>
        {(close) => <ActionForm action={action} onDone={close} />}
      </AppDialog>
      {removal.dialog}
    </li>
  )
}

/** My own answer to being asked: the only place where "gevraagd" becomes "ja" or "nee". */
function MyAnswer({ action, helper }: { action: StoredAction; helper: Helper }) {
  const { t } = useTranslation('basisteam')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  // Each answer replaces the buttons that gave it (and on "Wat doe ik" moves the action to another list): focus goes to the way back.
  const answer = (consent: 'yes' | 'no') => {
    focusNext(`${action.id}-said-${consent}`)
    plan.basisteam.answer(action.id, consent, me)
  }
  const saidYes = useFocusWhenAsked<HTMLButtonElement>(`${action.id}-said-yes`)
  const saidNo = useFocusWhenAsked<HTMLButtonElement>(`${action.id}-said-no`)
  // Said for me at the table on someone else's device: mine to confirm or withdraw, here too.
  if (helper.atTable && helper.consent !== 'asked')
    return <ConfirmAtTable act={{ instrument: 'basisteam', id: action.id, person: me, said: helper.consent, ...helper.atTable }} />
  return (
    <div className={`my-answer my-answer-${helper.consent}`} role="group" aria-label={action.wat}>
      {helper.consent === 'asked' && (
        <>
          <p>{t('action.askedYou', { name: format.name(helper.askedBy) })}</p>
          <div className="button-row">
            <button type="button" className="button button-primary" aria-label={t('action.yesLabel', { wat: action.wat })} onClick={() => answer('yes')}>
              {t('action.yes')}
            </button>
            <button type="button" className="button" aria-label={t('action.noLabel', { wat: action.wat })} onClick={() => answer('no')}>
              {t('action.no')}
            </button>
          </div>
        </>
      )}
      {helper.consent === 'yes' && (
        <div className="button-row my-answer-row">
          <p className="my-answer-said">{t('action.youDo')}</p>
          <button ref={saidYes} type="button" className="button button-quiet button-small" aria-label={t('action.changeMindLabel', { wat: action.wat })} onClick={() => answer('no')}>
            {t('action.changeMind')}
          </button>
        </div>
      )}
      {helper.consent === 'no' && (
        <div className="button-row my-answer-row">
          <p className="my-answer-said">{t('action.youDeclined')}</p>
          <button ref={saidNo} type="button" className="button button-quiet button-small" aria-label={t('action.changeToYesLabel', { wat: action.wat })} onClick={() => answer('yes')}>
            {t('action.changeToYes')}
          </button>
        </div>
      )}
    </div>
  )
}

/**
 * "Aan tafel": someone asked who sits at this device without a screen of
 * their own says yes (or no) themselves, and this device records it, visibly
 * as such; they confirm or withdraw it on their own device (client/aanTafel/).
 */
function AnswerAtTable({ action }: { action: StoredAction }) {
  const { t } = useTranslation('basisteam')
  const { plan } = usePlan()
  const me = useMe()
  // Only those still asked: an answer someone gave themselves is theirs, and never overwritten from another device.
  const open = action.wie.filter((h) => h.consent === 'asked' && h.person !== me).map((h) => h.person)
  if (open.length === 0) return null
  return (
    <div className="button-row">
      <RecordAtTable
        people={open}
        subject={action.wat}
        choices={[
          { value: 'yes', label: t('action.yes') },
          { value: 'no', label: t('action.no') },
        ]}
        onRecord={(person, consent) => plan.basisteam.answerAtTable(action.id, consent, person, me)}
      />
    </div>
  )
}
