import { useId } from 'react'
import './ui.css'

/**
 * Radio buttons under one question, each option with an optional sentence
 * under it (tied to it with aria-describedby, so its name stays short). The
 * twin of ChoiceField.tsx for choices that need explaining.
 */
export function DescribedChoice<T extends string>({
  legend,
  hint,
  options,
  value,
  onChange,
}: {
  legend: string
  hint?: string
  options: readonly { value: T; label: string; description?: string }[]
  value: T
  onChange: (value: T) => void
}) {
  const name = useId()
  return (
    <fieldset className="field" aria-describedby={hint ? `${name}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${name}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {options.map((option) => (
        <div key={option.value} className="radio described-radio">
          <input
            type="radio"
            id={`${name}-${option.value}`}
            name={name}
            value={option.value}
            checked={value === option.value}
            aria-describedby={option.description ? `${name}-${option.value}-says` : undefined}
            onChange={() => onChange(option.value)}
          />
          <span>
            <label htmlFor={`${name}-${option.value}`}>{option.label}</label>
            {option.description && (
              <span id={`${name}-${option.value}-says`} className="field-hint described-radio-says">
                {option.description}
              </span>
            )}
          </span>
        </div>
      ))}
    </fieldset>
  )
}
