import { Fragment, useId } from 'react'

/**
 * Several yes/no questions under one heading ("Wat geeft dit contact?"), as
 * tick boxes that apply at once. Styled by `.field` and `.radio`. An option
 * may say a little more under it (`says`, e.g. who can see a mark), tied to
 * its box with aria-describedby so its name stays short.
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
  options: readonly { key: K; label: string; says?: string | null }[]
  checked: (key: K) => boolean
  onChange: (key: K, on: boolean) => void
}) {
  const id = useId()
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      {options.map((option) => (
        <Fragment key={option.key}>
          <label className="radio" htmlFor={`${id}-${option.key}`}>
            <input
              id={`${id}-${option.key}`}
              type="checkbox"
              checked={checked(option.key)}
              aria-describedby={option.says ? `${id}-${option.key}-says` : undefined}
              onChange={(e) => onChange(option.key, e.target.checked)}
            />
            {option.label}
          </label>
          {option.says && (
            <p id={`${id}-${option.key}-says`} className="field-hint tick-says">
              {option.says}
            </p>
          )}
        </Fragment>
      ))}
    </fieldset>
  )
}
