import { useEffect, useState } from 'react'
import { refusalKind, type RefusalKind } from '../../shared/capabilities/refusals.ts'
import { planKeyChanges } from '../device/planKeys.ts'
import { loadRefusal, saveRefusal } from '../device/tokens.ts'
import { useConnectionStatus } from '../plan/hooks.ts'
import { useLive } from '../plan/useLive.ts'
import type { PlanConnection } from '../sync/planConnection.ts'
import { loadDeviceAccess, type DeviceAccess } from './deviceAccess.ts'

/** What this device may do in an open plan, and why the relay turned it away (if it did). */
export interface AccessState {
  access: DeviceAccess
  /** Why the relay refuses this device, live or remembered from an earlier visit; null while it is let in. */
  refusal: RefusalKind | null
}

/**
 * This device's access to a plan, kept current; null until read from the
 * device. A refusal is remembered on the device, so after a reload the app
 * is read-only at once instead of after the relay says no again; it is
 * forgotten once the relay lets this device in.
 */
export function useAccessState(connection: PlanConnection): AccessState | null {
  const { planId } = connection
  const [loaded, setLoaded] = useState<{ access: DeviceAccess; remembered: RefusalKind | null } | null>(null)
  const live = useLive(connection, connection.refused)
  const status = useConnectionStatus(connection)
  const liveKind = live ? (refusalKind(live.code, live.reason) ?? null) : null
  const admitted = status === 'shared'

  useEffect(() => {
    let current = true
    const load = () => void Promise.all([loadDeviceAccess(planId), loadRefusal(planId)]).then(([access, remembered]) => current && setLoaded({ access, remembered: remembered ?? null }))
    load()
    // A key kept or forgotten here (a handover) changes what this device may do.
    const stop = planKeyChanges.subscribe(load)
    return () => {
      current = false
      stop()
    }
  }, [planId])

  useEffect(() => {
    if (liveKind) void saveRefusal(planId, liveKind)
    else if (admitted) void saveRefusal(planId, undefined)
  }, [planId, liveKind, admitted])

  if (!loaded) return null
  return { access: loaded.access, refusal: liveKind ?? (admitted ? null : loaded.remembered) }
}
