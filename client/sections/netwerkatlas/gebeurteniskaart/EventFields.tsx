import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, DATE_PRECISIONS, STRENGTHS, type ReferencedPerson } from '../../../../shared/plan/index.ts'
import { ChoiceField } from '../../../ui/ChoiceField.tsx'
import { TextField } from '../../../ui/TextField.tsx'
import { usePlan, useRecords } from '../../../plan/hooks.ts'
import { useFormat } from '../../../ui/useFormat.ts'
import { useShowPerson } from '../parts/useShowPerson.ts'
import type { EventDraft } from './eventDraft.ts'

/** The strength choice for "zeg ik liever niet" (stored as no strength). */
const NOT_SAID = 'niet-gezegd'

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
      <TextField label={t('gebeurteniskaart.what')} autoComplete="off" value={draft.what} error={whatMissing ? t('gebeurteniskaart.whatMissing') : null} onChange={(what) => set({ what })} />
      <div className="stack when-fields">
        <ChoiceField
          legend={t('gebeurteniskaart.when')}
          options={DATE_PRECISIONS.map((p) => ({ value: p, label: format.wording(ATLAS_LABELS.datePrecisions[p]) }))}
          value={draft.precision}
          onChange={(precision) => set({ precision })}
        />
        {draft.precision === 'dag' && <TextField label={t('gebeurteniskaart.day')} type="date" value={draft.day} onChange={(day) => set({ day })} />}
        {draft.precision === 'maand' && <TextField label={t('gebeurteniskaart.month')} type="month" placeholder="2019-07" value={draft.month} onChange={(month) => set({ month })} />}
        {draft.precision === 'jaar' && <TextField label={t('gebeurteniskaart.year')} inputMode="numeric" autoComplete="off" value={draft.year} onChange={(year) => set({ year })} />}
        {draft.precision === 'ongeveer' && (
          <div className="atlas-form-row">
            <TextField label={t('gebeurteniskaart.words')} autoComplete="off" hint={t('gebeurteniskaart.wordsHint')} value={draft.words} onChange={(words) => set({ words })} />
            <TextField
              label={t('gebeurteniskaart.estimate')}
              inputMode="numeric"
              autoComplete="off"
              hint={t('gebeurteniskaart.estimateHint')}
              value={draft.estimateYear}
              onChange={(estimateYear) => set({ estimateYear })}
            />
          </div>
        )}
      </div>
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
      <ChoiceField
        legend={t('gebeurteniskaart.strength')}
        options={[
          ...STRENGTHS.map((s) => ({ value: s, label: format.wording(ATLAS_LABELS.strengths[s]) })),
          { value: NOT_SAID, label: t('gebeurteniskaart.strengthNotSaid') },
        ]}
        value={draft.strength ?? NOT_SAID}
        onChange={(strength) => set({ strength: strength === NOT_SAID ? null : strength })}
      />
    </>
  )
}
