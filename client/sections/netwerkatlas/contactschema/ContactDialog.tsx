import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, CONTACT_WAYS, type PersonId } from '../../../../shared/plan/index.ts'
import { usePlan } from '../../../plan/hooks.ts'
import { useLive } from '../../../plan/useLive.ts'
import { useMe } from '../../../plan/useMe.ts'
import { TextAreaField } from '../../../ui/TextAreaField.tsx'
import { useFormat } from '../../../ui/useFormat.ts'
import { PersonDetailsDialog } from '../parts/AtlasDialog.tsx'
import { useShowPerson } from '../parts/useShowPerson.ts'
import { TickGroup } from '../parts/TickGroup.tsx'
import { FrequencySelect } from './FrequencySelect.tsx'

/** How often and how there is contact with one person, and a note; each change is shared at once. */
export function ContactDialog({ person, onClose }: { person: PersonId | null; onClose: () => void }) {
  return person ? <OpenDialog key={person} person={person} onClose={onClose} /> : null
}

function OpenDialog({ person, onClose }: { person: PersonId; onClose: () => void }) {
  const { t } = useTranslation('netwerkatlas')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const show = useShowPerson()
  const schema = plan.netwerkatlas.contactschema
  const entry = useLive(schema, () => schema.get(person))
  const [note, setNote] = useState(entry?.note ?? '')
  if (!entry) return null
  const name = show(entry.person)
  const saveNote = () => note.trim() !== entry.note && schema.setNote(person, note.trim(), me)

  return (
    <PersonDetailsDialog title={t('contactschema.detailsTitle', { name })} onClose={onClose} beforeClose={saveNote} takeOutLabel={t('contactschema.remove')} onTakeOut={() => schema.remove(person)}>
      <FrequencySelect value={entry.frequency} onChange={(f) => schema.setFrequency(person, f, me)} />
      <TickGroup
        legend={t('contactschema.how')}
        options={CONTACT_WAYS.map((key) => ({ key, label: format.wording(ATLAS_LABELS.contactWays[key]) }))}
        checked={(way) => entry.ways.includes(way)}
        onChange={(way, on) => schema.setWay(person, way, on, me)}
      />
      <TextAreaField label={t('contactschema.note')} value={note} onChange={setNote} onBlur={saveNote} />
    </PersonDetailsDialog>
  )
}
