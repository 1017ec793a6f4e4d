import { Redirect, Route, Router, Switch } from 'wouter'
import { useHashLocation } from 'wouter/use-hash-location'
import { InvitationRoute } from '../invitations/InvitationRoute.tsx'
import { KeyImportPage } from '../invitations/KeyImportPage.tsx'
import { useOutboxSender } from '../relay/outboxSender.ts'
import { PlanDeletedPage } from '../invitations/PlanDeletedPage.tsx'
import { StartPage } from '../start/StartPage.tsx'
import { PlanRoute } from '../workspace/PlanRoute.tsx'

/**
 * Routes, in the URL's hash so any static server (and the service worker's
 * single cached index.html) can serve every page:
 * `/#/` start page, `/#/plan/<planId>/<sectionId>` a section of a plan,
 * `/#/uitnodiging/<token>` an invitation link (kept, then the plan opens),
 * `/#/sleutel[/<key>]` keeping a plan key handed over by the household,
 * `/#/verwijderd/<planId>` a plan being removed from this device.
 * Signed revocations and deletions queued on this device go out from here,
 * whichever page is open.
 */
export function App() {
  useOutboxSender()
  return (
    <Router hook={useHashLocation}>
      <Switch>
        <Route path="/">
          <StartPage />
        </Route>
        <Route path="/uitnodiging/:token">{(params) => <InvitationRoute token={params.token} />}</Route>
        <Route path="/sleutel/:key?">{(params) => <KeyImportPage given={params.key} />}</Route>
        <Route path="/verwijderd/:planId">{(params) => <PlanDeletedPage key={params.planId} planId={params.planId} />}</Route>
        <Route path="/plan/:planId" nest>
          {(params) => <PlanRoute key={params.planId} planId={params.planId} />}
        </Route>
        <Route>
          <Redirect to="/" replace />
        </Route>
      </Switch>
    </Router>
  )
}
