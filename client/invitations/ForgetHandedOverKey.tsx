import { useEffect } from 'react'
import { currentKey } from '../../shared/capabilities/keyChain.ts'
import { forgetPlanKey, loadPlanKey } from '../device/planKeys.ts'
import { usePlan } from '../plan/hooks.ts'
import { useRelayAccess } from '../relay/useRelayAccess.ts'

/**
 * On a device holding the plan key: once the relay's signed handovers say
 * another key speaks for the plan (the household took it over, issue 11),
 * this device forgets its key. It could sign nothing the relay takes any
 * more; keeping it would only keep a secret that no longer protects anyone.
 * Renders nothing.
 */
export function ForgetHandedOverKey() {
  const { planId, access } = usePlan()
  if (!access.holdsKey) return null
  return <Watch planId={planId} />
}

function Watch({ planId }: { planId: string }) {
  const { access } = useRelayAccess(planId)
  const speaking = currentKey(access?.chain)
  useEffect(() => {
    if (speaking === undefined) return
    void (async () => {
      const held = await loadPlanKey(planId)
      if (held && held.publicKey !== speaking) await forgetPlanKey(planId)
    })().catch((error: unknown) => console.error('Forgetting a handed-over plan key failed', error))
  }, [planId, speaking])
  return null
}
