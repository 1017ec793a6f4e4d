import { useEffect } from 'react'
import { forget } from '../device/outbox.ts'
import { usePlan } from '../plan/hooks.ts'
import { useOutboxEntries } from '../relay/useOutboxEntries.ts'

/**
 * Notes in the plan when the relay confirmed a revocation made on this
 * device, so everyone sees that it took effect; then forgets the entry.
 * Lives in the workspace (renders nothing), so it happens whichever section
 * is open. A revocation the relay refused stays queued, so the list can say why.
 */
export function AccessUpkeep() {
  const { plan, planId, me, canWrite } = usePlan()
  const entries = useOutboxEntries(planId)
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
