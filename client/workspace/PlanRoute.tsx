import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Redirect, Route, Switch } from 'wouter'
import type { PersonId } from '../../shared/plan/core.ts'
import { deviceId } from '../device/deviceId.ts'
import { devicePlan, rememberMe, rememberPlan } from '../device/plans.ts'
import { useRecords } from '../plan/hooks.ts'
import { useLive } from '../plan/useLive.ts'
import { PlanProvider, type PlanContextValue } from '../plan/PlanContext.tsx'
import { sections } from '../sections/registry.ts'
import { colorFor } from '../sync/colors.ts'
import type { PlanConnection } from '../sync/planConnection.ts'
import { canWrite as roleCanWrite } from '../../shared/protocol/roles.ts'
import { useAccessState } from '../invitations/useAccess.ts'
import { useLoaded, usePlanConnection } from './usePlanConnection.ts'
import { WaitingForPlan } from './WaitingForPlan.tsx'
import { lazyView } from '../app/lazyView.ts'
import { SECTION_ROUTE } from '../app/planAddress.ts'
import { whoIsHere } from './whoIsHere.ts'
import { Workspace } from './Workspace.tsx'
import './workspace.css'

// Shown only to a device that does not yet know who uses it, or that the relay turned away before it had the plan:
// chunks of their own, so a first visit with a person's invitation (who is known) does not download them.
const WhoAreYou = lazyView(() => import('./WhoAreYou.tsx'), 'WhoAreYou')
const InvitedPersonMissing = lazyView(() => import('./WhoAreYou.tsx'), 'InvitedPersonMissing')
const RefusedPage = lazyView(() => import('../invitations/Refused.tsx'), 'RefusedPage')
// The meeting on a TV or projector: the whole screen, without the workspace around it.
const PresentationView = lazyView(() => import('../meeting/presentation/PresentationView.tsx'), 'PresentationView', {
  meeting: () => import('../meeting/i18n.ts'),
  document: () => import('../document/i18n.ts'),
})

/**
 * `/#/plan/<planId>/...`: opens the plan from this device (at once, offline
 * too), fetches it from the relay when this device has no copy yet, asks
 * "Wie ben jij?" when this device does not know who uses it, then shows the
 * workspace.
 */
export function PlanRoute({ planId }: { planId: string }) {
  const { t } = useTranslation('workspace')
  const connection = usePlanConnection(planId)
  if (!connection) return <p className="page-message">{t('loadingPlan')}</p>
  return <OpenPlan connection={connection} />
}

function OpenPlan({ connection }: { connection: PlanConnection }) {
  const { t } = useTranslation('workspace')
  const { plan, planId } = connection
  const loaded = useLoaded(connection)
  const accessState = useAccessState(connection)
  const refusal = accessState?.refusal ?? null
  const meta = useLive(plan.meta, () => plan.meta.get())
  useRecords(plan.people)
  useLive(plan.personDevices, () => plan.personDevices.claims())
  const me = useDeviceMe(planId)
  // A meelezer only reads, and so does anyone the relay turned away or told to only read: their changes would never be shared.
  const readOnlyByRelay = useLive(connection, connection.readOnly)
  const canWrite = !refusal && !readOnlyByRelay && (accessState?.access.role == null || roleCanWrite(accessState.access.role))
  const hasPlan = loaded && !plan.meta.isEmpty()

  useEffect(() => {
    if (hasPlan) void rememberPlan(planId, meta.householdName)
  }, [hasPlan, planId, meta.householdName])

  // Who uses this device (issue 11): the person its invitation names, or the one it claimed while the claim stands.
  // Someone removed from the list (or whose claim the household undid) is asked again.
  const access = accessState?.access
  const who = access && !me.loading ? whoIsHere({ plan, invitation: access.invitationId ? { person: access.person, id: access.invitationId } : null, holdsKey: access.holdsKey, remembered: me.id, device: me.device }) : null
  const myId = who?.kind === 'me' || who?.kind === 'claimQuietly' ? who.person : null
  useEffect(() => {
    // A device of the first release chose its person before claims existed: note the claim, so the household sees it.
    if (who?.kind === 'claimQuietly' && canWrite) plan.personDevices.claim(who.person, me.device, access?.invitationId ?? '')
  }, [who?.kind, myId, canWrite, plan, me.device, access?.invitationId])
  useEffect(() => {
    // Remember the person an invitation names, so the key holder's token and "Jouw plannen" know it too.
    if (who?.kind === 'me' && who.person !== me.id) void me.choose(who.person, meta.householdName)
  }, [who?.kind, myId])
  const myName = myId ? (plan.nameOf(myId) ?? '') : ''
  const user = useMemo(() => (myId ? { name: myName, color: colorFor(myId), personId: myId } : null), [myId, myName])
  useEffect(() => {
    if (user) connection.announce(user)
  }, [connection, user])

  const context = useMemo<PlanContextValue | null>(
    () => (user && access ? { plan, planId, me: user.personId, canWrite, access, refusal, user, connection } : null),
    [plan, planId, user, canWrite, access, refusal, connection],
  )

  if (!loaded || me.loading || !accessState) return <p className="page-message">{t('loadingPlan')}</p>
  if (!hasPlan) return refusal ? <RefusedPage refusal={refusal} /> : <WaitingForPlan />
  if (who?.kind === 'missing') return <InvitedPersonMissing />
  if (!context) return <WhoAreYou plan={plan} planId={planId} device={me.device} onChosen={(id) => me.choose(id, meta.householdName)} />

  return (
    <PlanProvider value={context}>
      <Switch>
        <Route path="/meedenkbijeenkomst/scherm">
          <PresentationView />
        </Route>
        {/* A section may have views of its own (`/netwerkatlas/relatiekaart`); it reads `view` with useParams(). */}
        <Route path={SECTION_ROUTE}>{(params) => <Workspace sectionId={params.sectionId} />}</Route>
        <Route>
          <Redirect to={`/${sections[0]?.id ?? ''}`} replace />
        </Route>
      </Switch>
    </PlanProvider>
  )
}

/** Which person uses this device in this plan, as remembered on the device, and this device's own id (for claims). */
function useDeviceMe(planId: string) {
  const [state, setState] = useState<{ loading: boolean; id: PersonId | null; device: string }>({ loading: true, id: null, device: '' })
  useEffect(() => {
    let current = true
    void Promise.all([devicePlan(planId), deviceId()]).then(([known, device]) => current && setState({ loading: false, id: known?.me ?? null, device }))
    return () => {
      current = false
    }
  }, [planId])
  const choose = useCallback(
    async (id: PersonId, householdName: string) => {
      await rememberMe(planId, id, householdName)
      setState((known) => ({ ...known, loading: false, id }))
    },
    [planId],
  )
  return { ...state, choose }
}
