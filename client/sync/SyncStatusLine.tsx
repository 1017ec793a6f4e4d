import { useTranslation } from 'react-i18next'
import { useSyncStatus } from '../plan/hooks.ts'
import './sync.css'

/**
 * The always-visible sentence about where your changes are. A polite live
 * region, so screen readers hear it change without being interrupted.
 */
export function SyncStatusLine() {
  const { t } = useTranslation()
  const status = useSyncStatus()
  return (
    <p className={`sync-status sync-status-${status}`} role="status" data-status={status}>
      <span className="sync-status-icon" aria-hidden="true" />
      <span className="sync-status-text">{t(`sync.${status}`)}</span>
    </p>
  )
}
