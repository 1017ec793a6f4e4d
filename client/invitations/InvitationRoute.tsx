import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'wouter'
import { AppHeader } from '../app/AppHeader.tsx'
import { planPath } from '../app/planAddress.ts'
import { saveToken } from '../device/tokens.ts'
import { holdsPlanKey, readInvitation } from './deviceAccess.ts'

/**
 * `/#/uitnodiging/<token>`: keeps the invitation on this device and opens its
 * plan. The address is replaced, so the token does not stay in the history.
 */
export function InvitationRoute({ token }: { token: string }) {
  const { t } = useTranslation('uitnodiging')
  const [, navigate] = useLocation()
  const planId = readInvitation(token)?.planId
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    if (!planId) return
    let current = true
    void (async () => {
      // The household's own device keeps its eigenaar token.
      if (!(await holdsPlanKey(planId))) await saveToken(planId, token)
      if (current) navigate(planPath(planId), { replace: true })
    })().catch((error: unknown) => {
      console.error('Keeping the invitation failed', error)
      if (current) setFailed(true)
    })
    return () => {
      current = false
    }
  }, [planId, token, navigate])

  if (planId && !failed) return <p className="page-message">{t('common:loading')}</p>
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
