import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import { TextField } from '../ui/TextField.tsx'
import { AppDialog } from './AppDialog.tsx'
import { TextAreaField } from './TextAreaField.tsx'

export interface EditField {
  name: string
  label: string
  value: string
  multiline?: boolean
  hint?: string
}

/**
 * Changes a few short texts in a dialog (an item's words and notes, a rule's
 * wording). Used where the list around the text is too narrow to edit in
 * place, such as a column of the partnerschapskaart. Nothing is required: an
 * empty first field simply keeps the old words.
 */
export function EditDialog(props: {
  isOpen: boolean
  onOpenChange: (open: boolean) => void
  title: string
  fields: readonly EditField[]
  /** Gets only the fields that changed; not called when nothing did. */
  onSave: (changed: Record<string, string>) => void
  /** Shown above the fields, e.g. "Iedereen wordt opnieuw gevraagd of ze het eens zijn." */
  note?: string
}) {
  return (
    <AppDialog isOpen={props.isOpen} onOpenChange={props.onOpenChange} title={props.title}>
      {(close) => (
        <>
          {props.note && <p className="dialog-note">{props.note}</p>}
          <EditForm
            fields={props.fields}
            onCancel={close}
            onSave={(changed) => {
              props.onSave(changed)
              close()
            }}
          />
        </>
      )}
    </AppDialog>
  )
}

function EditForm({ fields, onSave, onCancel }: { fields: readonly EditField[]; onSave: (values: Record<string, string>) => void; onCancel: () => void }) {
  const { t } = useTranslation('ui')
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.name, f.value])))

  // Only fields the person changed are passed on, so an edit someone else made meanwhile to another field stays.
  function submit(event: FormEvent) {
    event.preventDefault()
    const changed: Record<string, string> = {}
    fields.forEach((field, index) => {
      const value = (values[field.name] ?? '').trim()
      if (value !== field.value && !(index === 0 && !value)) changed[field.name] = value
    })
    if (Object.keys(changed).length > 0) onSave(changed)
    else onCancel()
  }

  return (
    <form className="stack" onSubmit={submit}>
      {fields.map((field, index) => {
        const props = {
          label: field.label,
          hint: field.hint,
          value: values[field.name] ?? '',
          autoFocus: index === 0,
          onChange: (value: string) => setValues((now) => ({ ...now, [field.name]: value })),
        }
        return field.multiline ? <TextAreaField key={field.name} rows={3} {...props} /> : <TextField key={field.name} autoComplete="off" {...props} />
      })}
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {t('save')}
        </button>
        <Button className="button" onPress={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  )
}
