import { Redirect, Route, Router, Switch } from 'wouter'
import { useHashLocation } from 'wouter/use-hash-location'
import { StartPage } from '../start/StartPage.tsx'
import { PlanRoute } from '../workspace/PlanRoute.tsx'

/**
 * Routes, in the URL's hash so any static server (and the service worker's
 * single cached index.html) can serve every page:
 * `/#/` start page, `/#/plan/<planId>/<sectionId>` a section of a plan.
 */
export function App() {
  return (
    <Router hook={useHashLocation}>
      <Switch>
        <Route path="/">
          <StartPage />
        </Route>
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
