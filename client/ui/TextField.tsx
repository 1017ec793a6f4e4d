import { useId, type InputHTMLAttributes } from 'react'

/**
 * A labelled one-line text input with an optional hint and error, wired for
 * screen readers (aria-describedby, aria-invalid). Styled by `.field` in app.css.
 */
export function TextField({
  label,
  value,
  onChange,
  hint,
  error,
  ...input
}: {
  label: string
  value: string
  onChange: (value: string) => void
  hint?: string
  /** Shown under the field, and marks it invalid, when set. */
  error?: string | null
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>) {
  const id = useId()
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input {...input} id={id} value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
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
