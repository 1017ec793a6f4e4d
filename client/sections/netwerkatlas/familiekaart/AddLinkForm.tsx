import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, FAMILY_LINK_KINDS, type FamilyLinkKind } from '../../../../shared/plan/index.ts'
import { ChoiceField } from '../../../ui/ChoiceField.tsx'
import { usePlan, useRecords } from '../../../plan/hooks.ts'
import { useMe } from '../../../plan/useMe.ts'
import { FormButtons } from '../../../ui/FormButtons.tsx'
import { useFormat } from '../../../ui/useFormat.ts'

/**
 * "Een lijn trekken": parent and child, partners, or former partners, between
 * two people from the list. Whoever is not in the familiekaart yet joins it
 * in the generation the line implies.
 */
export function AddLinkForm() {
  const { t } = useTranslation('netwerkatlas')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const people = useRecords(plan.people)
  const id = useId()
  const [kind, setKind] = useState<FamilyLinkKind>('ouder-kind')
  const [a, setA] = useState('')
  const [b, setB] = useState('')
  const [problem, setProblem] = useState<'missing' | 'same' | null>(null)

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!a || !b || !plan.people.has(a) || !plan.people.has(b)) return setProblem('missing')
    if (a === b) return setProblem('same')
    plan.netwerkatlas.familiekaart.link(kind, a, b, me)
    setA('')
    setB('')
    setProblem(null)
  }

  const parentChild = kind === 'ouder-kind'
  const select = (value: string, onChange: (v: string) => void, label: string, suffix: string) => (
    <div className="field">
      <label htmlFor={`${id}-${suffix}`}>{label}</label>
      <select id={`${id}-${suffix}`} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('familiekaart.choose')}</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
    </div>
  )

  return (
    <form className="card stack atlas-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('familiekaart.linkTitle')}</h4>
      <ChoiceField legend={t('familiekaart.linkKind')} options={FAMILY_LINK_KINDS.map((k) => ({ value: k, label: format.wording(ATLAS_LABELS.familyLinks[k]) }))} value={kind} onChange={setKind} />
      <div className="atlas-form-row">
        {select(a, setA, parentChild ? t('familiekaart.parent') : t('familiekaart.onePerson'), 'a')}
        {select(b, setB, parentChild ? t('familiekaart.child') : t('familiekaart.otherPerson'), 'b')}
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {t(problem === 'same' ? 'familiekaart.samePerson' : 'familiekaart.chooseTwo')}
        </p>
      )}
      <FormButtons submit={t('familiekaart.link')} />
    </form>
  )
}
