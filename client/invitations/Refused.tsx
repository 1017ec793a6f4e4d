import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'wouter'
import type { RefusalKind } from '../../shared/capabilities/refusals.ts'
import { AppHeader } from '../app/AppHeader.tsx'
import './invitations.css'

/** The relay turned this device away for good, before it had the plan: say why plainly and what to do. */
export function RefusedPage({ refusal }: { refusal: RefusalKind }) {
  const { t } = useTranslation('uitnodiging')
  return (
    <div className="page">
      <AppHeader />
      <main className="page-main stack" id="content" tabIndex={-1}>
        <h1>{t(`refused.${refusal}.title`)}</h1>
        <p>{t(`refused.${refusal}.text`)}</p>
        <Link href="~/">{t('open.toStart')}</Link>
      </main>
    </div>
  )
}

/**
 * The same inside a workspace: why, and that the copy on this device stays
 * readable (not editable: nothing typed here would reach anyone). For a
 * deleted plan, the person may remove their copy too.
 */
export function RefusedNotice({ refusal, planId }: { refusal: RefusalKind; planId: string }) {
  const { t } = useTranslation('uitnodiging')
  const [, navigate] = useLocation()
  return (
    <div className="notice stack refused-notice" role="alert">
      <p className="notice-title">{t(`refused.${refusal}.title`)}</p>
      <p>{t(`refused.${refusal}.text`)}</p>
      <p>{t('refused.localCopy')}</p>
      {refusal === 'deleted' && (
        <div className="button-row">
          <button type="button" className="button" onClick={() => navigate(`~/verwijderd/${planId}`)}>
            {t('refused.forget')}
          </button>
        </div>
      )}
    </div>
  )
}

/** Instead of the sync status line once the relay turned this device away: it will not try again, so it promises nothing. */
export function RefusedStatusLine() {
  const { t } = useTranslation('uitnodiging')
  return (
    <p className="sync-status sync-status-offline" role="status" data-status="refused">
      <span className="sync-status-icon" aria-hidden="true" />
      <span className="sync-status-text">{t('refused.status')}</span>
    </p>
  )
}

/** The one line a meelezer sees above every section. */
export function ReadOnlyBanner() {
  const { t } = useTranslation('uitnodiging')
  return (
    <p className="read-only-banner" role="note">
      {t('readOnly')}
    </p>
  )
}
