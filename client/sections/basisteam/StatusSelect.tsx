import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ACTION_STATUSES, type ActionStatus } from '../../../shared/plan/index.ts'

/** "Hoe staat het?": the five calm statuses, none alarming and none a score. */
export function StatusSelect({
  value,
  onChange,
  accessibleName,
  disabled = false,
}: {
  value: ActionStatus
  onChange: (status: ActionStatus) => void
  accessibleName?: string
  disabled?: boolean
}) {
  const { t } = useTranslation('basisteam')
  const id = useId()
  return (
    <div className="field action-status">
      <label htmlFor={id}>{t('action.status')}</label>
      <select id={id} aria-label={accessibleName} disabled={disabled} value={value} onChange={(e) => onChange(e.target.value as ActionStatus)}>
        {ACTION_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </select>
    </div>
  )
}
