import { useId, useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactFrequency } from '../../../../shared/plan/index.ts'
import { usePlan, useRecords } from '../../../plan/hooks.ts'
import { useLive } from '../../../plan/useLive.ts'
import { useMe } from '../../../plan/useMe.ts'
import { FormButtons } from '../../../ui/FormButtons.tsx'
import { NOBODY_CHOSEN, PersonChooser, personOf, type PersonChoice } from '../people/PersonChooser.tsx'
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
  const [choice, setChoice] = useState<PersonChoice>(NOBODY_CHOSEN)
  const [frequency, setFrequency] = useState<ContactFrequency | null>(null)
  const [missing, setMissing] = useState(false)

  function submit(event: FormEvent) {
    event.preventDefault()
    const person = personOf(plan, choice, me)
    if (!person) {
      setMissing(true)
      return
    }
    schema.setFrequency(person, frequency, me)
    setChoice(NOBODY_CHOSEN)
    setFrequency(null)
    setMissing(false)
  }

  return (
    <form className="card stack atlas-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('contactschema.addTitle')}</h4>
      <PersonChooser label={t('contactschema.who')} candidates={candidates} value={choice} onChange={setChoice} nameMissing={missing} />
      <FrequencySelect value={frequency} onChange={setFrequency} />
      <p className="field-hint">{t('contactschema.addHint')}</p>
      <FormButtons submit={t('contactschema.add')} />
    </form>
  )
}
