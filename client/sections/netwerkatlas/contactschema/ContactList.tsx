import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, type ContactEntry, type PersonId } from '../../../../shared/plan/index.ts'
import { usePlan } from '../../../plan/hooks.ts'
import { useFormat } from '../../../ui/useFormat.ts'
import { useShowPerson } from '../parts/useShowPerson.ts'
import { ContactDialog } from './ContactDialog.tsx'

/** Everyone in the contactschema, in words: how often, how, and when in the week. Details change in a dialog. */
export function ContactList({ entries }: { entries: readonly ContactEntry[] }) {
  const { t } = useTranslation('netwerkatlas')
  const { canWrite } = usePlan()
  const [open, setOpen] = useState<PersonId | null>(null)
  if (entries.length === 0) return null
  return (
    <section className="atlas-list stack" aria-labelledby="contactschema-list-title">
      <h4 id="contactschema-list-title">{t('contactschema.perPerson')}</h4>
      <ul className="atlas-list-items">
        {entries.map((entry) => (
          <ContactRow key={entry.person.id} entry={entry} onOpen={canWrite ? setOpen : undefined} />
        ))}
      </ul>
      <ContactDialog person={open} onClose={() => setOpen(null)} />
    </section>
  )
}

function ContactRow({ entry, onOpen }: { entry: ContactEntry; onOpen?: (person: PersonId) => void }) {
  const { t } = useTranslation('netwerkatlas')
  const format = useFormat()
  const show = useShowPerson()
  const name = show(entry.person)
  const when = format.list(
    entry.slots.map((s) => t('contactschema.slotWords', { day: format.wording(ATLAS_LABELS.days[s.day]), part: format.wording(ATLAS_LABELS.dayParts[s.part]) })),
  )
  const how = [
    ...(entry.frequency ? [format.wording(ATLAS_LABELS.frequencies[entry.frequency])] : []),
    ...entry.ways.map((way) => format.wording(ATLAS_LABELS.contactWays[way])),
  ]

  return (
    <li className="atlas-list-item">
      <div>
        <p>
          <strong>{name}</strong>
          {entry.person.onList && entry.person.relation && <span className="muted"> ({entry.person.relation})</span>}
        </p>
        {how.length > 0 && <p>{how.join(' · ')}</p>}
        <p className="muted">{entry.slots.length ? t('contactschema.when', { when }) : t('contactschema.noSlots')}</p>
        {entry.note && <p className="atlas-note">{entry.note}</p>}
      </div>
      {onOpen && (
        <button type="button" className="button button-quiet button-small" aria-label={t('editNamed', { name })} onClick={() => onOpen(entry.person.id)}>
          {t('edit')}
        </button>
      )}
    </li>
  )
}
