import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { HELP_SOURCES, PARTNERSCHAPSKAART, type StoredAction } from '../../../shared/plan/index.ts'
import { TextField } from '../../ui/TextField.tsx'
import { usePlan, useRecords } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { usePassedAway } from '../../plan/usePassedAway.ts'
import { FormButtons } from '../../ui/FormButtons.tsx'
import { LeefgebiedenPicker } from '../../ui/Leefgebieden.tsx'
import { TextAreaField } from '../../ui/TextAreaField.tsx'
import { useFormat } from '../../ui/useFormat.ts'
import { draftOf, saveDraft, type ActionDraft } from './actionDraft.ts'
import { StatusSelect } from './StatusSelect.tsx'

/**
 * Wie doet wat, waar, wanneer en hoe — to add an action or change one.
 * Only "wat" is needed to add; everything else may stay empty. Ticking a
 * person asks them; it never makes them a helper.
 */
export function ActionForm({ action, onDone }: { action?: StoredAction; onDone?: () => void }) {
  const { t } = useTranslation('basisteam')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const id = useId()
  const people = useRecords(plan.people)
  // Nobody is asked to help who has passed away; someone asked before stays visible, so the ask can be taken back.
  const passedAway = usePassedAway(plan)
  const values = useLive(plan.waarden, () => plan.waarden.list())
  // What the form started from: only what the person changes since then is written.
  const [initial] = useState<ActionDraft>(() => draftOf(action))
  const [draft, setDraft] = useState<ActionDraft>(initial)
  const set = (patch: Partial<ActionDraft>) => setDraft((now) => ({ ...now, ...patch }))
  const toggle = <K extends 'wie' | 'values' | 'steps' | 'leefgebieden'>(key: K, item: ActionDraft[K][number], on: boolean) =>
    setDraft((now) => {
      const list = now[key] as readonly string[]
      return { ...now, [key]: on ? [...list, item] : list.filter((x) => x !== item) }
    })

  function submit(event: FormEvent) {
    event.preventDefault()
    if (saveDraft(plan, me, draft, action && { id: action.id, initial }) === null) return
    if (!action) setDraft(draftOf())
    onDone?.()
  }

  return (
    <form className="action-form stack" onSubmit={submit}>
      <TextAreaField label={t('form.wat')} value={draft.wat} onChange={(wat) => set({ wat })} />

      <fieldset className="field">
        <legend>{t('form.wie')}</legend>
        <p className="field-hint">{t('form.wieHint')}</p>
        <div className="checkbox-columns">
          {people.filter((person) => !passedAway.includes(person.id) || initial.wie.includes(person.id)).map((person) => {
            const helper = action?.wie.find((h) => h.person === person.id)
            // Someone's yes is theirs: only they take themselves off.
            const locked = helper?.consent === 'yes' && person.id !== me
            return (
              <label key={person.id} className="radio">
                <input type="checkbox" checked={draft.wie.includes(person.id)} disabled={locked} onChange={(e) => toggle('wie', person.id, e.target.checked)} />
                <span>
                  {format.name(person.id)}
                  {locked && <span className="muted"> ({t('form.saidYes')})</span>}
                </span>
              </label>
            )
          })}
        </div>
      </fieldset>

      <fieldset className="field">
        <legend>{t('bron.question')}</legend>
        <p className="field-hint">{t('bron.hint')}</p>
        {(['none', ...HELP_SOURCES] as const).map((bron) => (
          <label key={bron} className="radio">
            <input type="radio" name={`${id}-bron`} checked={draft.bron === bron} onChange={() => set({ bron })} />
            <span>
              {t(`bron.everyday.${bron}`)}
              {bron !== 'none' && <span className="muted"> ({t(`bron.method.${bron}`)})</span>}
            </span>
          </label>
        ))}
      </fieldset>

      <TextField label={t('form.waar')} autoComplete="off" value={draft.waar} onChange={(waar) => set({ waar })} />

      <fieldset className="field">
        <legend>{t('form.wanneer')}</legend>
        <div className="choice-row">
          {(['none', 'date', 'recurring'] as const).map((kind) => (
            <label key={kind} className="radio">
              <input type="radio" name={`${id}-wanneer`} checked={draft.wanneer === kind} onChange={() => set({ wanneer: kind })} />
              {t(kind === 'none' ? 'form.wanneerNone' : kind === 'date' ? 'form.wanneerDate' : 'form.wanneerRecurring')}
            </label>
          ))}
        </div>
        {draft.wanneer === 'date' && (
          <TextField label={t('form.date')} type="date" value={draft.date} onChange={(date) => set({ date })} />
        )}
        {draft.wanneer === 'recurring' && (
          <TextField label={t('form.recurring')} hint={t('form.recurringHint')} autoComplete="off" value={draft.recurring} onChange={(recurring) => set({ recurring })} />
        )}
      </fieldset>

      <TextAreaField label={t('form.hoe')} value={draft.hoe} onChange={(hoe) => set({ hoe })} />

      <StatusSelect value={draft.status} onChange={(status) => set({ status })} />

      <details className="action-links">
        <summary>{t('form.links')}</summary>
        {values.length > 0 && (
          <fieldset className="field">
            <legend>{t('form.values')}</legend>
            <div className="checkbox-columns">
              {values.map((value) => (
                <label key={value.id} className="radio">
                  <input type="checkbox" checked={draft.values.includes(value.id)} onChange={(e) => toggle('values', value.id, e.target.checked)} />
                  {value.text}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <fieldset className="field">
          <legend>{t('form.steps')}</legend>
          <div className="checkbox-columns">
            {PARTNERSCHAPSKAART.map((prompt) => (
              <label key={prompt.step} className="radio">
                <input type="checkbox" checked={draft.steps.includes(prompt.step)} onChange={(e) => toggle('steps', prompt.step, e.target.checked)} />
                {format.wording(prompt.title)}
              </label>
            ))}
          </div>
        </fieldset>
      </details>

      <LeefgebiedenPicker about={draft.wat || t('form.newTitle')} chosen={draft.leefgebieden} onChange={(key, on) => toggle('leefgebieden', key, on)} />

      <FormButtons submit={action ? t('form.save') : t('form.add')} onCancel={onDone} />
    </form>
  )
}
