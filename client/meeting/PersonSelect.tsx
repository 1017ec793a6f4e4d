import { useId } from 'react'
import type { PersonId } from '../../shared/plan/index.ts'
import { usePlan, useRecords } from '../plan/hooks.ts'
import { usePassedAway } from '../plan/usePassedAway.ts'
import { useFormat } from '../ui/useFormat.ts'

/** Someone from the people list (those who passed away left out), as a labelled select. */
export function PersonSelect({
  label,
  hint,
  placeholder,
  value,
  onChange,
  error = null,
  leaveOut = [],
}: {
  label: string
  hint?: string
  placeholder: string
  value: PersonId | ''
  onChange: (person: PersonId) => void
  error?: string | null
  leaveOut?: readonly PersonId[]
}) {
  const id = useId()
  const { plan } = usePlan()
  const people = useRecords(plan.people)
  const passedAway = usePassedAway(plan)
  const format = useFormat()
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
        <option value="">{placeholder}</option>
        {people
          .filter((p) => !passedAway.includes(p.id) && !leaveOut.includes(p.id))
          .map((p) => (
            <option key={p.id} value={p.id}>
              {format.name(p.id)}
            </option>
          ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
