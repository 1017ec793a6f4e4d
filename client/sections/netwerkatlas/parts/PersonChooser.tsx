import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Plan, PersonId } from '../../../../shared/plan/index.ts'
import { TextField } from '../../../ui/TextField.tsx'
import { usePlan, useRecords } from '../../../plan/hooks.ts'
import { useMe } from '../../../plan/useMe.ts'

/** Someone already on the people list, or someone new to add to it. */
export type PersonChoice = { kind: 'existing'; id: PersonId } | { kind: 'new'; name: string; relation: string }

export const NOBODY_CHOSEN: PersonChoice = { kind: 'new', name: '', relation: '' }

/**
 * "Wie?": a choice among people already on the plan's one list (those the
 * instrument does not have yet), or a new person, who then joins that list
 * and so every other instrument's picker too.
 */
export function PersonChooser({
  label,
  candidates,
  value,
  onChange,
  nameMissing = false,
}: {
  label: string
  /** People on the list this instrument can still add, in list order. */
  candidates: readonly PersonId[]
  value: PersonChoice
  onChange: (choice: PersonChoice) => void
  nameMissing?: boolean
}) {
  const { t } = useTranslation('netwerkatlas')
  const { plan } = usePlan()
  const people = useRecords(plan.people)
  const id = useId()
  const shown = people.filter((p) => candidates.includes(p.id))
  // A choice that is no longer a candidate (placed by someone else meanwhile) falls back to "someone new".
  const selected = value.kind === 'existing' && shown.some((p) => p.id === value.id) ? value.id : ''

  return (
    <div className="stack person-chooser">
      <div className="field">
        <label htmlFor={`${id}-who`}>{label}</label>
        <select
          id={`${id}-who`}
          value={selected}
          onChange={(e) => onChange(e.target.value ? { kind: 'existing', id: e.target.value } : NOBODY_CHOSEN)}
        >
          <option value="">{t('chooser.someoneNew')}</option>
          {shown.map((person) => (
            <option key={person.id} value={person.id}>
              {person.relation ? t('chooser.nameWithRelation', { name: person.name, relation: person.relation }) : person.name}
            </option>
          ))}
        </select>
      </div>
      {selected === '' && (
        <div className="chooser-new">
          <TextField
            label={t('chooser.name')}
            autoComplete="off"
            value={value.kind === 'new' ? value.name : ''}
            error={nameMissing ? t('chooser.nameMissing') : null}
            onChange={(name) => onChange({ kind: 'new', name, relation: value.kind === 'new' ? value.relation : '' })}
          />
          <TextField
            label={t('chooser.relation')}
            autoComplete="off"
            value={value.kind === 'new' ? value.relation : ''}
            hint={t('chooser.relationHint')}
            onChange={(relation) => onChange({ kind: 'new', name: value.kind === 'new' ? value.name : '', relation })}
          />
        </div>
      )}
    </div>
  )
}

/**
 * The person a choice stands for: the chosen one, or the new person added to
 * the people list now. Null when a new person has no name yet.
 */
export function personOf(plan: Plan, choice: PersonChoice, by: PersonId): PersonId | null {
  if (choice.kind === 'existing') return plan.people.has(choice.id) ? choice.id : null
  const name = choice.name.trim()
  if (!name) return null
  return plan.people.add({ name, relation: choice.relation.trim(), role: null }, by)
}

/**
 * The state of a "Wie?" chooser in a form: pass `field` to PersonChooser;
 * on submit, `take()` gives the chosen person (adding a new one to the
 * people list) and empties the chooser, or marks the name missing and gives null.
 */
export function usePersonChoice() {
  const { plan } = usePlan()
  const me = useMe()
  const [choice, setChoice] = useState<PersonChoice>(NOBODY_CHOSEN)
  const [missing, setMissing] = useState(false)
  return {
    field: { value: choice, onChange: setChoice, nameMissing: missing },
    take(): PersonId | null {
      const person = personOf(plan, choice, me)
      setMissing(person === null)
      if (person) setChoice(NOBODY_CHOSEN)
      return person
    },
  }
}
