import { useTranslation } from 'react-i18next'
import { AppHeader } from '../app/AppHeader.tsx'

/** The relay turned this device away for good, before it had the plan: say so plainly and what to do. */
export function RefusedPage() {
  const { t } = useTranslation('uitnodiging')
  return (
    <div className="page">
      <AppHeader />
      <main className="page-main stack" id="content" tabIndex={-1}>
        <h1>{t('refused.title')}</h1>
        <p>{t('refused.text')}</p>
      </main>
    </div>
  )
}

/** The same, inside a workspace: the copy on this device stays readable and editable, but is not shared. */
export function RefusedNotice() {
  const { t } = useTranslation('uitnodiging')
  return (
    <div className="notice" role="alert">
      <p className="notice-title">{t('refused.title')}</p>
      <p>{t('refused.text')}</p>
    </div>
  )
}
