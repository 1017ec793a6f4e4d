import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Redirect, Route, Router, Switch } from 'wouter'
import { useHashLocation } from 'wouter/use-hash-location'
import { InvitationRoute } from '../invitations/InvitationRoute.tsx'
import { lazyView } from './lazyView.ts'
import { PLAN_ROUTE } from './planAddress.ts'
import { useOutboxSender } from '../relay/outboxSender.ts'
import { useReteachDeletions } from '../relay/reteach.ts'
import { PlanRoute } from '../workspace/PlanRoute.tsx'

// Pages a first visit by invitation link never shows load when they are opened (the service worker keeps them for offline).
const join = () => import('../meeting/join/i18n.ts')
const StartPage = lazyView(() => import('../start/StartPage.tsx'), 'StartPage', { start: () => import('../start/i18n.ts'), join })
const JoinWithCodePage = lazyView(() => import('../meeting/join/JoinWithCodePage.tsx'), 'JoinWithCodePage', { join })
const toegang = () => import('../sections/toegang/i18n.ts')
const KeyImportPage = lazyView(() => import('../invitations/KeyImportPage.tsx'), 'KeyImportPage', { toegang })
const TakeOverPage = lazyView(() => import('../invitations/TakeOverPage.tsx'), 'TakeOverPage', { toegang })
const PlanDeletedPage = lazyView(() => import('../invitations/PlanDeletedPage.tsx'), 'PlanDeletedPage', { toegang })
const PlanLeftPage = lazyView(() => import('../workspace/PlanLeftPage.tsx'), 'PlanLeftPage')

/**
 * Routes, in the URL's hash so any static server (and the service worker's
 * single cached index.html) can serve every page:
 * `/#/` start page, `/#/plan/<planId>/<sectionId>` a section of a plan (planAddress.ts),
 * `/#/uitnodiging/<token>` an invitation link (the plan opens while the device keeps it),
 * `/#/m[/<code>]` joining a meeting with its short code (`<origin>/m/<code>` lands there, see main.tsx),
 * `/#/sleutel[/<key>]` keeping a plan key handed over by the household,
 * `/#/overnemen[/<key>]` the household taking over a plan a professional started for it,
 * `/#/verwijderd/<planId>` a plan being removed from this device,
 * `/#/verlaten/<planId>` a professional taking a plan off their device.
 * Signed revocations and deletions queued on this device go out from here,
 * whichever page is open.
 */
export function App() {
  useOutboxSender()
  useReteachDeletions()
  const { t } = useTranslation()
  return (
    <Router hook={useHashLocation}>
      <Suspense fallback={<p className="page-message">{t('loading')}</p>}>
      <Switch>
        <Route path="/">
          <StartPage />
        </Route>
        <Route path="/m/:code?">{(params) => <JoinWithCodePage key={params.code ?? ''} given={params.code} />}</Route>
        <Route path="/uitnodiging/:token">{(params) => <InvitationRoute token={params.token} />}</Route>
        <Route path="/sleutel/:key?">{(params) => <KeyImportPage given={params.key} />}</Route>
        <Route path="/overnemen/:key?">{(params) => <TakeOverPage given={params.key} />}</Route>
        <Route path="/verwijderd/:planId">{(params) => <PlanDeletedPage key={params.planId} planId={params.planId} />}</Route>
        <Route path="/verlaten/:planId">{(params) => <PlanLeftPage key={params.planId} planId={params.planId} />}</Route>
        <Route path={PLAN_ROUTE} nest>
          {(params) => <PlanRoute key={params.planId} planId={params.planId} />}
        </Route>
        <Route>
          <Redirect to="/" replace />
        </Route>
      </Switch>
      </Suspense>
    </Router>
  )
}
