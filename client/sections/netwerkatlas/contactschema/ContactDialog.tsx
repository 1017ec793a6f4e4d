import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, CONTACT_WAYS, type PersonId } from '../../../../shared/plan/index.ts'
import { usePlan } from '../../../plan/hooks.ts'
import { useLive } from '../../../plan/useLive.ts'
import { useMe } from '../../../plan/useMe.ts'
import { TextAreaField } from '../../../ui/TextAreaField.tsx'
import { useFormat } from '../../../ui/useFormat.ts'
import { AtlasDialog } from '../people/AtlasDialog.tsx'
import { useShowPerson } from '../people/useShowPerson.ts'
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
  const id = useId()
  const schema = plan.netwerkatlas.contactschema
  const entry = useLive(schema, () => schema.get(person))
  const [note, setNote] = useState(entry?.note ?? '')
  if (!entry) return null
  const name = show(entry.person)
  const saveNote = () => note.trim() !== entry.note && schema.setNote(person, note.trim(), me)

  return (
    <AtlasDialog
      isOpen
      onOpenChange={(open) => {
        if (!open) {
          saveNote()
          onClose()
        }
      }}
      title={t('contactschema.detailsTitle', { name })}
      footer={(close) => (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            schema.remove(person)
            close()
          }}
        >
          {t('contactschema.remove')}
        </button>
      )}
    >
      <FrequencySelect value={entry.frequency} onChange={(f) => schema.setFrequency(person, f, me)} />
      <fieldset className="field">
        <legend>{t('contactschema.how')}</legend>
        {CONTACT_WAYS.map((way) => (
          <label key={way} className="radio" htmlFor={`${id}-${way}`}>
            <input id={`${id}-${way}`} type="checkbox" checked={entry.ways.includes(way)} onChange={(e) => schema.setWay(person, way, e.target.checked, me)} />
            {format.wording(ATLAS_LABELS.contactWays[way])}
          </label>
        ))}
      </fieldset>
      <TextAreaField label={t('contactschema.note')} value={note} onChange={setNote} onBlur={saveNote} />
    </AtlasDialog>
  )
}
