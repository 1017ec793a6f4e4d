import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Person } from '../../../shared/plan/index.ts'
import { ROLES, type Role } from '../../../shared/protocol/roles.ts'
import { TextField } from '../../ui/TextField.tsx'

/**
 * The fields of a person as a form edits them. How someone takes part in
 * Kring (`role`: who belongs to the household, who is network) is said by
 * the household only; a role in the household's words ("mantelzorger") is
 * proposed by anyone and stands only after that person's own yes
 * (shared/plan/rollen.ts, issue 11).
 */
export interface PersonDraft {
  name: string
  relation: string
  role: Role | null
  /** A role to propose for this person; '' for none. */
  rol: string
}

export const emptyPerson: PersonDraft = { name: '', relation: '', role: null, rol: '' }

/** Name, relation and role of one person: used both to add someone and to edit someone. */
export function PersonForm(props: {
  initial: Person | PersonDraft
  /** Whether the form is about the person using this device (their own role stands at once). */
  isMe?: boolean
  /** Whether "Hoe doet deze persoon mee?" is asked: only the household says who belongs to it. */
  mayChooseRole: boolean
  submitLabel: string
  onSubmit: (draft: PersonDraft) => void
  onCancel?: () => void
  /** Empties the form after submitting (for adding several people in a row). */
  resetAfterSubmit?: boolean
}) {
  const { t } = useTranslation('mensen')
  const id = useId()
  const [draft, setDraft] = useState<PersonDraft>({ name: props.initial.name, relation: props.initial.relation, role: props.initial.role, rol: '' })
  const [nameMissing, setNameMissing] = useState(false)

  function submit(event: FormEvent) {
    event.preventDefault()
    const name = draft.name.trim()
    if (!name) {
      setNameMissing(true)
      return
    }
    props.onSubmit({ name, relation: draft.relation.trim(), role: draft.role, rol: draft.rol.trim() })
    if (props.resetAfterSubmit) setDraft(emptyPerson)
    setNameMissing(false)
  }

  return (
    <form className="person-form stack" onSubmit={submit} noValidate>
      <TextField
        label={t('form.name')}
        value={draft.name}
        onChange={(name) => setDraft({ ...draft, name })}
        autoComplete="off"
        error={nameMissing ? t('form.nameMissing') : null}
      />
      <TextField
        label={t('form.relation')}
        value={draft.relation}
        onChange={(relation) => setDraft({ ...draft, relation })}
        autoComplete="off"
        hint={t('form.relationHint')}
      />
      {props.mayChooseRole && (
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('form.role')}</label>
          <select
            id={`${id}-role`}
            value={draft.role ?? ''}
            onChange={(e) => setDraft({ ...draft, role: (ROLES as readonly string[]).includes(e.target.value) ? (e.target.value as Role) : null })}
          >
            <option value="">{t('common:roles.none')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`common:roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <TextField
        label={t('form.rol')}
        value={draft.rol}
        onChange={(rol) => setDraft({ ...draft, rol })}
        autoComplete="off"
        hint={props.isMe ? t('form.rolHintMe') : t('form.rolHint')}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="button" onClick={props.onCancel}>
            {t('common:actions.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
