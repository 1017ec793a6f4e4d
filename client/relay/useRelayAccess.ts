import { useEffect, useState } from 'react'
import { verifyAccessRecords, type VerifiedAccess } from '../../shared/capabilities/accessRecords.ts'
import { subscribeOutbox } from '../device/outbox.ts'
import { issueToken } from '../../shared/capabilities/token.ts'
import { forgetPlanKey } from '../device/planKeys.ts'
import { planKeyOnThisDevice, tokenForThisDevice } from '../invitations/deviceAccess.ts'
import { postSigned } from './relayPost.ts'

/** What the relay holds about a plan's access, as this device last verified it, and whether that is just now or from earlier. */
export interface RelayAccessState {
  access: VerifiedAccess | null
  /** The relay could not be asked (offline, or it refused this device): `access` is what was known before, if anything. */
  stale: boolean
}

const known = new Map<string, VerifiedAccess>()
const REFRESH_MS = 30_000

/**
 * Asks the relay what it holds about who may read and write along ("Wie kan
 * meelezen en meeschrijven", "Wie beheert dit plan"), with this device's own
 * invitation as the only credential, and verifies every record itself:
 * at once, after this device sent something to the relay, and every half
 * minute while shown. Keeps the last answer for this page.
 */
export async function fetchRelayAccess(planId: string): Promise<VerifiedAccess | null> {
  const token = await tokenForThisDevice(planId)
  if (!token) return null
  const answer = await postSigned(planId, 'access', token)
  if (answer.outcome === 'refused') await forgetKeyIfHandedOver(planId)
  if (answer.outcome !== 'stored') return null
  const verified = await verifyAccessRecords(planId, answer.answer)
  known.set(planId, verified)
  return verified
}

/**
 * A device that holds a key and is refused (its own links taken back after a
 * handover, say) asks once with a link its key signs now: when the relay
 * answers that this key handed the plan over, the device forgets the key.
 */
async function forgetKeyIfHandedOver(planId: string): Promise<void> {
  const key = await planKeyOnThisDevice(planId)
  if (!key) return
  const probe = await issueToken(key, { role: 'eigenaar', expiresAt: Date.now() + PROBE_LIFETIME_MS })
  const answer = await postSigned(planId, 'access', probe)
  if (answer.outcome === 'refused' && answer.code === 'handed-over') await forgetPlanKey(planId)
}

/** How long the one-off link a key signs to ask the relay lives: it is never kept or shown. */
const PROBE_LIFETIME_MS = 60_000

export function useRelayAccess(planId: string): RelayAccessState {
  const [state, setState] = useState<RelayAccessState>(() => ({ access: known.get(planId) ?? null, stale: true }))
  useEffect(() => {
    let current = true
    const refresh = () =>
      void fetchRelayAccess(planId)
        .then((access) => current && setState(access ? { access, stale: false } : { access: known.get(planId) ?? null, stale: true }))
        .catch((error: unknown) => console.error('Asking the relay who has access failed', error))
    refresh()
    const timer = window.setInterval(refresh, REFRESH_MS)
    // Something this device sent (a registration, a revocation, a handover) changes what the relay holds.
    const stop = subscribeOutbox(refresh)
    return () => {
      current = false
      window.clearInterval(timer)
      stop()
    }
  }, [planId])
  return state
}
