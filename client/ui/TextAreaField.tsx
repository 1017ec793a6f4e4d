import { useId, type Ref, type TextareaHTMLAttributes } from 'react'

/**
 * A labelled text area with an optional hint: the several-line twin of
 * client/ui/TextField.tsx, with the same props. Styled by `.field`.
 */
export function TextAreaField({
  label,
  value,
  onChange,
  hint,
  rows = 2,
  ...textarea
}: {
  label: string
  value: string
  onChange: (value: string) => void
  hint?: string
  ref?: Ref<HTMLTextAreaElement>
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'id'>) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea {...textarea} id={id} rows={rows} value={value} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.value)} />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  )
}
