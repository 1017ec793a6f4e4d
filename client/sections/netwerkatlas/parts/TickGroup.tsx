import { useId } from 'react'

/**
 * Several yes/no questions under one heading ("Wat geeft dit contact?"), as
 * tick boxes that apply at once. Styled by `.field` and `.radio`.
 */
export function TickGroup<K extends string>({
  legend,
  hint,
  options,
  checked,
  onChange,
}: {
  legend: string
  hint?: string
  options: readonly { key: K; label: string }[]
  checked: (key: K) => boolean
  onChange: (key: K, on: boolean) => void
}) {
  const id = useId()
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      {options.map((option) => (
        <label key={option.key} className="radio" htmlFor={`${id}-${option.key}`}>
          <input id={`${id}-${option.key}`} type="checkbox" checked={checked(option.key)} onChange={(e) => onChange(option.key, e.target.checked)} />
          {option.label}
        </label>
      ))}
    </fieldset>
  )
}
