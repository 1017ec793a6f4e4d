import { useTranslation } from 'react-i18next'
import { useNewerVersion } from '../plan/hooks.ts'

/**
 * One calm line when a newer Kring wrote this plan: nothing is lost (newer
 * data is kept), but this app cannot show it all until it is reloaded.
 */
export function NewerVersionNotice() {
  const { t } = useTranslation('workspace')
  if (!useNewerVersion()) return null
  return (
    <p className="newer-version-notice" role="status">
      {t('newerVersion.text')}{' '}
      <button type="button" onClick={() => location.reload()}>
        {t('newerVersion.reload')}
      </button>
    </p>
  )
}
