import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'wouter'
import { AppHeader } from '../app/AppHeader.tsx'
import { planPath } from '../app/planAddress.ts'
import { keepInvitation } from '../device/tokens.ts'
import { invitationPath, readInvitation } from './deviceAccess.ts'

/** Invitations this page could not keep on the device: their link shows the failure instead of opening the plan. */
const notKept = new Set<string>()

/**
 * `/#/uitnodiging/<token>`: keeps the invitation on this device and opens its
 * plan. The address is replaced, so the token does not stay in the history.
 */
export function InvitationRoute({ token }: { token: string }) {
  const { t } = useTranslation('uitnodiging')
  const [, navigate] = useLocation()
  const planId = readInvitation(token)?.planId
  const failed = notKept.has(token)

  useEffect(() => {
    if (!planId || notKept.has(token)) return
    // The plan opens while the device keeps the invitation; reading this device's token waits for it.
    keepInvitation(planId, token).catch((error: unknown) => {
      // A device without room to store it: back to the link, which says so; a reload tries again.
      console.error('Keeping the invitation failed', error)
      notKept.add(token)
      navigate(invitationPath(token), { replace: true })
    })
    navigate(planPath(planId), { replace: true })
  }, [planId, token, navigate])

  if (planId && !failed) return <p className="page-message">{t('common:loading')}</p>
  return (
    <div className="page">
      <AppHeader />
      <main className="page-main stack" id="content" tabIndex={-1}>
        <h1>{t(failed ? 'open.notKeptTitle' : 'open.invalidTitle')}</h1>
        <p>{t(failed ? 'open.notKept' : 'open.invalid')}</p>
        <Link href="/">{t('open.toStart')}</Link>
      </main>
    </div>
  )
}
