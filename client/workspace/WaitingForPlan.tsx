import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { AppHeader } from '../app/AppHeader.tsx'

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

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}

/** Whether the browser says it has a network. */
function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine)
}
