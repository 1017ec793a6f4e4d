import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { BASISTEAM_TASKS, type BasisteamTask, type StoredEvaluatiemoment } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { ChoiceField } from '../../ui/ChoiceField.tsx'
import { FormButtons } from '../../ui/FormButtons.tsx'
import { TextAreaField } from '../../ui/TextAreaField.tsx'
import { Unfold } from '../../ui/Unfold.tsx'
import { useFormat } from '../../ui/useFormat.ts'

/**
 * What changes after looking back, for the basisteam's two tasks: "het plan
 * bijstellen" and "de samenwerking afstemmen". A change to the plan can be a
 * new action made here, or point at an existing one; either way it stays
 * linked to this moment, and the action says where its change came from.
 */
export function Bijstellingen({ moment }: { moment: StoredEvaluatiemoment }) {
  const { t } = useTranslation('basisteam')
  const { plan } = usePlan()
  const format = useFormat()
  const list = useLive(plan.evaluatiemomenten.bijstellingen, () => plan.evaluatiemomenten.bijstellingen.forMoment(moment.id))
  const actions = useLive(plan.basisteam, () => plan.basisteam.list())
  const title = t('bijstellen.title')
  return (
    <div className="bijstellingen stack">
      <h5>{title}</h5>
      {list.length === 0 ? (
        <p className="muted">{t('bijstellen.none')}</p>
      ) : (
        <ul className="bijstelling-list" aria-label={title}>
          {list.map((change) => {
            const action = change.action ? actions.find((a) => a.id === change.action) : undefined
            return (
              <li key={change.id}>
                <p>
                  <span className="badge">{t(`bijstellen.tasks.${change.task}`)}</span> <span>{change.text}</span>
                </p>
                {action && (
                  <p>
                    <Link href="/basisteam">{t('bijstellen.onAction', { wat: action.wat })}</Link>
                  </p>
                )}
                <p className="muted">{t('bijstellen.line', { name: format.name(change.createdBy), date: format.date(change.createdAt) })}</p>
              </li>
            )
          })}
        </ul>
      )}
      <Unfold label={t('bijstellen.add')}>{(close) => <BijstellingForm moment={moment} onDone={close} />}</Unfold>
    </div>
  )
}

/** "Wat passen we aan?": which task, in words, and optionally the action it changes or a new one made of it. */
function BijstellingForm({ moment, onDone }: { moment: StoredEvaluatiemoment; onDone: () => void }) {
  const { t } = useTranslation('basisteam')
  const { plan } = usePlan()
  const me = useMe()
  const actions = useLive(plan.basisteam, () => plan.basisteam.list())
  const [task, setTask] = useState<BasisteamTask>('plan')
  const [text, setText] = useState('')
  const [link, setLink] = useState<string>('')
  const NEW = 'nieuw'

  function submit(event: FormEvent) {
    event.preventDefault()
    const words = text.trim()
    if (!words) return
    const action = link === NEW ? plan.basisteam.add({ wat: words }, me) : link || null
    plan.evaluatiemomenten.bijstellingen.add({ moment: moment.id, task, text: words, action }, me)
    onDone()
  }

  return (
    <form className="stack" onSubmit={submit} aria-label={t('bijstellen.add')}>
      <p className="muted">{t('bijstellen.intro')}</p>
      <ChoiceField legend={t('bijstellen.task')} options={BASISTEAM_TASKS.map((value) => ({ value, label: t(`bijstellen.tasks.${value}`) }))} value={task} onChange={setTask} />
      <TextAreaField label={t('bijstellen.text')} value={text} onChange={setText} required />
      {task === 'plan' && (
        <div className="field">
          <label htmlFor={`${moment.id}-link`}>{t('bijstellen.action')}</label>
          <select id={`${moment.id}-link`} value={link} onChange={(e) => setLink(e.target.value)}>
            <option value="">{t('bijstellen.noAction')}</option>
            <option value={NEW}>{t('bijstellen.newAction')}</option>
            {actions.map((action) => (
              <option key={action.id} value={action.id}>
                {action.wat}
              </option>
            ))}
          </select>
        </div>
      )}
      <FormButtons submit={t('bijstellen.submit')} onCancel={onDone} />
    </form>
  )
}
