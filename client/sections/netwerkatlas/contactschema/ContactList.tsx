import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, CONTACT_WAYS, type ContactEntry } from '../../../../shared/plan/index.ts'
import { usePlan } from '../../../plan/hooks.ts'
import { useMe } from '../../../plan/useMe.ts'
import { useFormat } from '../../../ui/useFormat.ts'
import { useShowPerson } from '../people/useShowPerson.ts'
import { FrequencySelect } from './FrequencySelect.tsx'

/** Everyone in the contactschema with how often and how there is contact, and when in the week, in words. */
export function ContactList({ entries }: { entries: readonly ContactEntry[] }) {
  const { t } = useTranslation('netwerkatlas')
  if (entries.length === 0) return null
  return (
    <section className="atlas-list stack" aria-labelledby="contactschema-list-title">
      <h4 id="contactschema-list-title">{t('contactschema.perPerson')}</h4>
      <ul className="atlas-list-items contact-list">
        {entries.map((entry) => (
          <ContactRow key={entry.person.id} entry={entry} />
        ))}
      </ul>
    </section>
  )
}

function ContactRow({ entry }: { entry: ContactEntry }) {
  const { t } = useTranslation('netwerkatlas')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const show = useShowPerson()
  const id = useId()
  const schema = plan.netwerkatlas.contactschema
  const person = entry.person.id
  const name = show(entry.person)
  const [note, setNote] = useState(entry.note)
  const when = new Intl.ListFormat(format.language, { type: 'conjunction' }).format(
    entry.slots.map((s) => t('contactschema.slotWords', { day: format.wording(ATLAS_LABELS.days[s.day]), part: format.wording(ATLAS_LABELS.dayParts[s.part]) })),
  )

  return (
    <li className="atlas-list-item contact-row">
      <div className="stack contact-row-body">
        <p>
          <strong>{name}</strong>
          {entry.person.onList && entry.person.relation && <span className="muted"> ({entry.person.relation})</span>}
        </p>
        <p className="muted">{entry.slots.length ? t('contactschema.when', { when }) : t('contactschema.noSlots')}</p>
        <div className="atlas-form-row">
          <FrequencySelect value={entry.frequency} onChange={(f) => schema.setFrequency(person, f, me)} label={t('contactschema.howOftenNamed', { name })} />
          <fieldset className="field">
            <legend>{t('contactschema.how')}</legend>
            <div className="radio-row">
              {CONTACT_WAYS.map((way) => (
                <label key={way} className="radio" htmlFor={`${id}-${way}`}>
                  <input id={`${id}-${way}`} type="checkbox" checked={entry.ways.includes(way)} onChange={(e) => schema.setWay(person, way, e.target.checked, me)} />
                  {format.wording(ATLAS_LABELS.contactWays[way])}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('contactschema.note')}</label>
          <input id={`${id}-note`} autoComplete="off" value={note} onChange={(e) => setNote(e.target.value)} onBlur={() => note.trim() !== entry.note && schema.setNote(person, note.trim(), me)} />
        </div>
      </div>
      <button type="button" className="button button-quiet button-small" aria-label={t('contactschema.removeLabel', { name })} onClick={() => schema.remove(person)}>
        {t('contactschema.remove')}
      </button>
    </li>
  )
}
