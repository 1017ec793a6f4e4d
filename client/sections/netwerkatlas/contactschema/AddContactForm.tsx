import { useId, useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactFrequency } from '../../../../shared/plan/index.ts'
import { usePlan, useRecords } from '../../../plan/hooks.ts'
import { useLive } from '../../../plan/useLive.ts'
import { useMe } from '../../../plan/useMe.ts'
import { FormButtons } from '../../../ui/FormButtons.tsx'
import { PersonChooser, usePersonChoice } from '../parts/PersonChooser.tsx'
import { FrequencySelect } from './FrequencySelect.tsx'

/** Adds someone from the people list (or someone new) to the contactschema, with how often there is contact. */
export function AddContactForm() {
  const { t } = useTranslation('netwerkatlas')
  const { plan } = usePlan()
  const me = useMe()
  const id = useId()
  const schema = plan.netwerkatlas.contactschema
  const people = useRecords(plan.people)
  const entries = useLive(schema, () => schema.list())
  const candidates = useMemo(() => {
    const inSchema = new Set(entries.map((e) => e.person.id))
    return people.map((p) => p.id).filter((p) => !inSchema.has(p))
  }, [people, entries])
  const who = usePersonChoice()
  const [frequency, setFrequency] = useState<ContactFrequency | null>(null)

  function submit(event: FormEvent) {
    event.preventDefault()
    const person = who.take()
    if (!person) return
    schema.setFrequency(person, frequency, me)
    setFrequency(null)
  }

  return (
    <form className="card stack atlas-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('contactschema.addTitle')}</h4>
      <PersonChooser label={t('contactschema.who')} candidates={candidates} {...who.field} />
      <FrequencySelect value={frequency} onChange={setFrequency} />
      <p className="field-hint">{t('contactschema.addHint')}</p>
      <FormButtons submit={t('contactschema.add')} />
    </form>
  )
}
