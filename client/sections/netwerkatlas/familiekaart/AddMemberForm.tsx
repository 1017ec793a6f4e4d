import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from '../../../ui/TextField.tsx'
import { usePlan } from '../../../plan/hooks.ts'
import { useLive } from '../../../plan/useLive.ts'
import { useMe } from '../../../plan/useMe.ts'
import { FormButtons } from '../../../ui/FormButtons.tsx'
import { PersonChooser, usePersonChoice } from '../parts/PersonChooser.tsx'
import { GenerationSelect } from './GenerationSelect.tsx'

/** Puts someone from the people list (or someone new) in the familiekaart, in a generation. */
export function AddMemberForm() {
  const { t } = useTranslation('netwerkatlas')
  const { plan } = usePlan()
  const me = useMe()
  const id = useId()
  const kaart = plan.netwerkatlas.familiekaart
  const candidates = useLive(kaart, () => kaart.notInKaart())
  const who = usePersonChoice()
  const [generation, setGeneration] = useState(0)
  const [birthYear, setBirthYear] = useState('')

  function submit(event: FormEvent) {
    event.preventDefault()
    const person = who.take()
    if (!person) return
    const year = Number(birthYear)
    kaart.add(person, { generation, ...(birthYear.trim() && Number.isInteger(year) ? { birthYear: year } : {}) }, me)
    setBirthYear('')
  }

  return (
    <form className="card stack atlas-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('familiekaart.addTitle')}</h4>
      <PersonChooser label={t('familiekaart.who')} candidates={candidates} {...who.field} />
      <div className="atlas-form-row">
        <GenerationSelect value={generation} onChange={setGeneration} />
        <TextField label={t('familiekaart.birthYear')} inputMode="numeric" autoComplete="off" value={birthYear} onChange={setBirthYear} />
      </div>
      <FormButtons submit={t('familiekaart.add')} />
    </form>
  )
}
