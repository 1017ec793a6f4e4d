import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonId } from '../../../../shared/plan/index.ts'
import { TextField } from '../../../ui/TextField.tsx'
import { usePlan } from '../../../plan/hooks.ts'
import { useMe } from '../../../plan/useMe.ts'
import { FormButtons } from '../../../ui/FormButtons.tsx'

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
        <TextField label={t('chooser.name')} autoComplete="off" value={name} error={missing ? t('chooser.nameMissing') : null} onChange={setName} />
        <TextField label={t('chooser.relation')} autoComplete="off" value={relation} onChange={setRelation} />
      </div>
      <FormButtons submit={t('relatiekaart.add')} />
    </form>
  )
}
