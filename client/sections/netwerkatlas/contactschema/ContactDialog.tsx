import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, CONTACT_WAYS } from '../../../../shared/plan/index.ts'
import { usePlan } from '../../../plan/hooks.ts'
import { useLive } from '../../../plan/useLive.ts'
import { useMe } from '../../../plan/useMe.ts'
import { useFormat } from '../../../ui/useFormat.ts'
import { PersonDetailsDialog, personDialog, type PersonDialogProps } from '../parts/PersonDialog.tsx'
import { useShowPerson } from '../parts/useShowPerson.ts'
import { TickGroup } from '../parts/TickGroup.tsx'
import { FrequencySelect } from './FrequencySelect.tsx'

/** How often and how there is contact with one person, and a note; each change is shared at once. */
export const ContactDialog = personDialog(ContactDetails)

function ContactDetails({ person, onClose }: PersonDialogProps) {
  const { t } = useTranslation('netwerkatlas')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const show = useShowPerson()
  const schema = plan.netwerkatlas.contactschema
  const entry = useLive(schema, () => schema.get(person))
  if (!entry) return null

  return (
    <PersonDetailsDialog
      title={t('contactschema.detailsTitle', { name: show(entry.person) })}
      onClose={onClose}
      note={{ label: t('contactschema.note'), stored: entry.note, save: (note) => schema.setNote(person, note, me) }}
      takeOutLabel={t('contactschema.remove')}
      onTakeOut={() => schema.remove(person)}
    >
      <FrequencySelect value={entry.frequency} onChange={(f) => schema.setFrequency(person, f, me)} />
      <TickGroup
        legend={t('contactschema.how')}
        options={CONTACT_WAYS.map((key) => ({ key, label: format.wording(ATLAS_LABELS.contactWays[key]) }))}
        checked={(way) => entry.ways.includes(way)}
        onChange={(way, on) => schema.setWay(person, way, on, me)}
      />
    </PersonDetailsDialog>
  )
}
