import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, DATE_PRECISIONS, STRENGTHS, type ReferencedPerson } from '../../../../shared/plan/index.ts'
import { usePlan, useRecords } from '../../../plan/hooks.ts'
import { useFormat } from '../../../ui/useFormat.ts'
import { useShowPerson } from '../people/useShowPerson.ts'
import type { EventDraft } from './eventDraft.ts'

/**
 * The fields of an event: what happened, when (a day, a month, a year, or
 * in words such as "zomer 2019" or "toen ik 12 was"), who was there, and
 * whether it gave or cost strength. Used to add an event and to change one.
 */
export function EventFields({
  draft,
  onChange,
  whatMissing,
  formerInvolved = [],
}: {
  draft: EventDraft
  onChange: (draft: EventDraft) => void
  whatMissing: boolean
  /** People involved before who are no longer on the list, so they can still be unticked. */
  formerInvolved?: readonly ReferencedPerson[]
}) {
  const { t } = useTranslation('netwerkatlas')
  const { plan } = usePlan()
  const people = useRecords(plan.people)
  const format = useFormat()
  const show = useShowPerson()
  const id = useId()
  const set = (patch: Partial<EventDraft>) => onChange({ ...draft, ...patch })
  const involvable = [...people.map((p) => ({ id: p.id, name: p.name })), ...formerInvolved.map((p) => ({ id: p.id, name: show(p) }))]

  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-what`}>{t('gebeurteniskaart.what')}</label>
        <input
          id={`${id}-what`}
          autoComplete="off"
          value={draft.what}
          aria-invalid={whatMissing}
          aria-describedby={whatMissing ? `${id}-what-error` : undefined}
          onChange={(e) => set({ what: e.target.value })}
        />
        {whatMissing && (
          <p id={`${id}-what-error`} className="field-error">
            {t('gebeurteniskaart.whatMissing')}
          </p>
        )}
      </div>
      <fieldset className="field">
        <legend>{t('gebeurteniskaart.when')}</legend>
        <div className="radio-row">
          {DATE_PRECISIONS.map((p) => (
            <label key={p} className="radio" htmlFor={`${id}-${p}`}>
              <input id={`${id}-${p}`} type="radio" name={`${id}-precision`} checked={draft.precision === p} onChange={() => set({ precision: p })} />
              {format.wording(ATLAS_LABELS.datePrecisions[p])}
            </label>
          ))}
        </div>
        {draft.precision === 'dag' && (
          <div className="field">
            <label htmlFor={`${id}-day`}>{t('gebeurteniskaart.day')}</label>
            <input id={`${id}-day`} type="date" value={draft.day} onChange={(e) => set({ day: e.target.value })} />
          </div>
        )}
        {draft.precision === 'maand' && (
          <div className="field">
            <label htmlFor={`${id}-month`}>{t('gebeurteniskaart.month')}</label>
            <input id={`${id}-month`} type="month" placeholder="2019-07" value={draft.month} onChange={(e) => set({ month: e.target.value })} />
          </div>
        )}
        {draft.precision === 'jaar' && (
          <div className="field">
            <label htmlFor={`${id}-year`}>{t('gebeurteniskaart.year')}</label>
            <input id={`${id}-year`} inputMode="numeric" autoComplete="off" value={draft.year} onChange={(e) => set({ year: e.target.value })} />
          </div>
        )}
        {draft.precision === 'ongeveer' && (
          <div className="atlas-form-row">
            <div className="field">
              <label htmlFor={`${id}-words`}>{t('gebeurteniskaart.words')}</label>
              <input id={`${id}-words`} autoComplete="off" value={draft.words} aria-describedby={`${id}-words-hint`} onChange={(e) => set({ words: e.target.value })} />
              <p id={`${id}-words-hint`} className="field-hint">
                {t('gebeurteniskaart.wordsHint')}
              </p>
            </div>
            <div className="field">
              <label htmlFor={`${id}-estimate`}>{t('gebeurteniskaart.estimate')}</label>
              <input
                id={`${id}-estimate`}
                inputMode="numeric"
                autoComplete="off"
                value={draft.estimateYear}
                aria-describedby={`${id}-estimate-hint`}
                onChange={(e) => set({ estimateYear: e.target.value })}
              />
              <p id={`${id}-estimate-hint`} className="field-hint">
                {t('gebeurteniskaart.estimateHint')}
              </p>
            </div>
          </div>
        )}
      </fieldset>
      {involvable.length > 0 && (
        <fieldset className="field">
          <legend>{t('gebeurteniskaart.involved')}</legend>
          <div className="checkbox-columns">
            {involvable.map((person) => (
              <label key={person.id} className="radio" htmlFor={`${id}-p-${person.id}`}>
                <input
                  id={`${id}-p-${person.id}`}
                  type="checkbox"
                  checked={draft.involved.includes(person.id)}
                  onChange={(e) => set({ involved: e.target.checked ? [...draft.involved, person.id] : draft.involved.filter((p) => p !== person.id) })}
                />
                {person.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <fieldset className="field">
        <legend>{t('gebeurteniskaart.strength')}</legend>
        <div className="radio-row">
          {STRENGTHS.map((s) => (
            <label key={s} className={`radio strength-choice is-${s}`} htmlFor={`${id}-${s}`}>
              <input id={`${id}-${s}`} type="radio" name={`${id}-strength`} checked={draft.strength === s} onChange={() => set({ strength: s })} />
              {format.wording(ATLAS_LABELS.strengths[s])}
            </label>
          ))}
          <label className="radio" htmlFor={`${id}-none`}>
            <input id={`${id}-none`} type="radio" name={`${id}-strength`} checked={draft.strength === null} onChange={() => set({ strength: null })} />
            {t('gebeurteniskaart.strengthNotSaid')}
          </label>
        </div>
      </fieldset>
    </>
  )
}
