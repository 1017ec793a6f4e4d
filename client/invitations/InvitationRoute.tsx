import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'wouter'
import { AppHeader } from '../app/AppHeader.tsx'
import { planPath } from '../app/planAddress.ts'
import { keepInvitation } from '../device/tokens.ts'
import { readInvitation } from './deviceAccess.ts'

/**
 * `/#/uitnodiging/<token>`: keeps the invitation on this device and opens its
 * plan. The address is replaced, so the token does not stay in the history.
 */
export function InvitationRoute({ token }: { token: string }) {
  const { t } = useTranslation('uitnodiging')
  const [, navigate] = useLocation()
  const planId = readInvitation(token)?.planId

  useEffect(() => {
    if (!planId) return
    // The plan opens while the device keeps the invitation; reading this device's token waits for it.
    // Should keeping fail (a device without room to store), the relay turns the device away and the plan says so.
    keepInvitation(planId, token).catch((error: unknown) => console.error('Keeping the invitation failed', error))
    navigate(planPath(planId), { replace: true })
  }, [planId, token, navigate])

  if (planId) return <p className="page-message">{t('common:loading')}</p>
  return (
    <div className="page">
      <AppHeader />
      <main className="page-main stack" id="content" tabIndex={-1}>
        <h1>{t('open.invalidTitle')}</h1>
        <p>{t('open.invalid')}</p>
        <Link href="/">{t('open.toStart')}</Link>
      </main>
    </div>
  )
}
