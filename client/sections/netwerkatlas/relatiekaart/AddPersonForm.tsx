import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonId } from '../../../../shared/plan/index.ts'
import { usePlan } from '../../../plan/hooks.ts'
import { useMe } from '../../../plan/useMe.ts'

/**
 * Someone new for the plan's people list, added from the relatiekaart. They
 * are then on the list for every instrument (contactschema, familiekaart,
 * basisteam), and wait beside the map until someone puts them on it.
 */
export function AddPersonForm({ onAdded }: { onAdded?: (person: PersonId) => void }) {
  const { t } = useTranslation('netwerkatlas')
  const { plan } = usePlan()
  const me = useMe()
  const id = useId()
  const [name, setName] = useState('')
  const [relation, setRelation] = useState('')
  const [missing, setMissing] = useState(false)

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!name.trim()) {
      setMissing(true)
      return
    }
    const person = plan.people.add({ name: name.trim(), relation: relation.trim(), role: null }, me)
    setName('')
    setRelation('')
    setMissing(false)
    onAdded?.(person)
  }

  return (
    <form className="card stack atlas-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('relatiekaart.addTitle')}</h4>
      <div className="atlas-form-row">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('chooser.name')}</label>
          <input
            id={`${id}-name`}
            autoComplete="off"
            value={name}
            aria-invalid={missing}
            aria-describedby={missing ? `${id}-error` : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {missing && (
            <p id={`${id}-error`} className="field-error">
              {t('chooser.nameMissing')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-relation`}>{t('chooser.relation')}</label>
          <input id={`${id}-relation`} autoComplete="off" value={relation} onChange={(e) => setRelation(e.target.value)} />
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {t('relatiekaart.add')}
        </button>
      </div>
    </form>
  )
}
