import type { RefusalKind } from '../../shared/capabilities/refusals.ts'
import { deviceDb, type DeviceToken } from './db.ts'

/** Keeps the invitation token this device uses for a plan (replacing an older one, and any refusal of it). */
export async function saveToken(planId: string, token: string): Promise<void> {
  await (await deviceDb()).put('tokens', { planId, token })
}

/**
 * Keeps an invitation opened by link as this device's token for the plan,
 * unless the device holds the plan key (the household's own device keeps its
 * eigenaar token), in one transaction. Its route does not wait for it: the
 * plan's local copy and connection open meanwhile, and what reads the
 * plan's token here waits instead, so it never sees the one before (nor
 * that one's refusal). A first visit then does not open its two databases
 * one after the other.
 */
export function keepInvitation(planId: string, token: string): Promise<void> {
  const keeping: Promise<void> = (async () => {
    const tx = (await deviceDb()).transaction(['planKeys', 'tokens'], 'readwrite')
    if ((await tx.objectStore('planKeys').get(planId)) === undefined) await tx.objectStore('tokens').put({ planId, token })
    await tx.done
  })().finally(() => {
    if (invitationsBeingKept.get(planId) === keeping) invitationsBeingKept.delete(planId)
  })
  invitationsBeingKept.set(planId, keeping)
  return keeping
}

const invitationsBeingKept = new Map<string, Promise<void>>()

/** Once an invitation of the plan being kept is (whoever kept it hears of a failure). */
async function invitationKept(planId: string): Promise<void> {
  await invitationsBeingKept.get(planId)?.catch(() => undefined)
}

/** The plan's token record, after an invitation being kept. */
async function tokenRecord(planId: string): Promise<DeviceToken | undefined> {
  await invitationKept(planId)
  return (await deviceDb()).get('tokens', planId)
}

/** The token this device uses for a plan, or undefined when it has none. */
export async function loadToken(planId: string): Promise<string | undefined> {
  return (await tokenRecord(planId))?.token
}

/** Why the relay last turned this device's token for a plan away, or undefined. */
export async function loadRefusal(planId: string): Promise<RefusalKind | undefined> {
  return (await tokenRecord(planId))?.refusal
}

/** Remembers (or, with undefined, forgets) why the relay turned this device's token away. A device without a token has nothing to remember. */
export async function saveRefusal(planId: string, refusal: RefusalKind | undefined): Promise<void> {
  // After an invitation being kept, which would otherwise replace the record and with it this refusal.
  await invitationKept(planId)
  const db = await deviceDb()
  const tx = db.transaction('tokens', 'readwrite')
  const known = await tx.store.get(planId)
  if (known && known.refusal !== refusal) {
    const { refusal: _earlier, ...rest } = known
    await tx.store.put(refusal ? { ...rest, refusal } : rest)
  }
  await tx.done
}
