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
import { useMarkSays } from '../marks/useMarkSays.ts'
import { useMarkWriter } from '../marks/useMarkWriter.ts'
import { WhereMarksGo } from '../marks/WhereMarksGo.tsx'

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
  const { sensitivity, writeNote, question } = useMarkWriter(person)
  const says = useMarkSays()
  if (!entry) return null
  const name = show(entry.person)

  return (
    <PersonDetailsDialog
      title={t('contactschema.detailsTitle', { name })}
      onClose={onClose}
      note={{
        label: t('contactschema.note'),
        stored: sensitivity.notes.contactschema?.text ?? '',
        save: (note, options) => writeNote('contactschema', note, options),
        says: says(sensitivity.notes.contactschema),
      }}
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
      <WhereMarksGo question={question} name={name} />
    </PersonDetailsDialog>
  )
}
