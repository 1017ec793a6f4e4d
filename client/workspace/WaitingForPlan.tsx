import { useTranslation } from 'react-i18next'
import { AppHeader } from '../app/AppHeader.tsx'
import { useOnline } from '../sync/useOnline.ts'

/** Shown while a plan this device has never had comes in from the relay. */
export function WaitingForPlan() {
  const { t } = useTranslation('workspace')
  const online = useOnline()
  return (
    <div className="page">
      <AppHeader />
      <main className="page-main stack" id="content" tabIndex={-1}>
        <h1>{t('waiting.title')}</h1>
        <p role="status">{online ? t('waiting.online') : t('waiting.offline')}</p>
      </main>
    </div>
  )
}
