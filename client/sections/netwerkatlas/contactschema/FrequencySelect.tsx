import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, CONTACT_FREQUENCIES, type ContactFrequency } from '../../../../shared/plan/index.ts'
import { useFormat } from '../../../ui/useFormat.ts'

/** "Hoe vaak is er contact?" in everyday words; "nog niet gezegd" is a fine answer. */
export function FrequencySelect({ value, onChange, label }: { value: ContactFrequency | null; onChange: (frequency: ContactFrequency | null) => void; label?: string }) {
  const { t } = useTranslation('netwerkatlas')
  const format = useFormat()
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label ?? t('contactschema.howOften')}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange((CONTACT_FREQUENCIES as readonly string[]).includes(e.target.value) ? (e.target.value as ContactFrequency) : null)}
      >
        <option value="">{t('contactschema.notSaid')}</option>
        {CONTACT_FREQUENCIES.map((f) => (
          <option key={f} value={f}>
            {format.wording(ATLAS_LABELS.frequencies[f])}
          </option>
        ))}
      </select>
    </div>
  )
}
