import { useEffect } from 'react'
import { forget } from '../device/outbox.ts'
import { useConnectionStatus, usePlan } from '../plan/hooks.ts'
import { reteachPlan } from '../relay/reteach.ts'
import { useOutboxEntries } from '../relay/useOutboxEntries.ts'

/**
 * Notes in the plan when the relay confirmed a revocation made on this
 * device, so everyone sees that it took effect; then forgets the entry.
 * Lives in the workspace (renders nothing), so it happens whichever section
 * is open. A revocation the relay refused stays queued, so the list can say why.
 * And each time this device connects (or is turned away), a household device
 * teaches the relay the handovers and revocations it kept and the relay
 * lacks (client/relay/reteach.ts): a relay that lost its storage refuses
 * the revoked again from the first connection of the household on.
 */
export function AccessUpkeep() {
  const { plan, planId, me, canWrite, connection, refusal } = usePlan()
  const entries = useOutboxEntries(planId)
  const connected = useConnectionStatus(connection) === 'shared'
  useEffect(() => {
    if (!connected && refusal === null) return
    let current = true
    void reteachPlan(planId)
      // Turned away by a relay that lacked a handover it now has: try again.
      .then((taught) => current && taught > 0 && refusal !== null && refusal !== 'deleted' && connection.retry())
      .catch((error: unknown) => console.error('Teaching the relay what it lost failed', error))
    return () => {
      current = false
    }
  }, [planId, connection, connected, refusal])
  useEffect(() => {
    if (!canWrite) return
    const confirmed = entries.filter((entry) => entry.kind === 'revocation' && entry.confirmedAt !== null)
    for (const entry of confirmed) plan.invitations.confirmRevocation(entry.id, entry.confirmedAt ?? Date.now(), me)
    // Registrations and handovers the relay stored are its record now; this device need not keep them.
    const stored = entries.filter((entry) => (entry.kind === 'registration' || entry.kind === 'handover') && entry.confirmedAt !== null)
    void forget(
      planId,
      [...confirmed, ...stored].map((entry) => entry.id),
    )
  }, [entries, plan, planId, me, canWrite])
  return null
}
