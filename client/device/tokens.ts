import type { RefusalKind } from '../../shared/capabilities/refusals.ts'
import { deviceDb } from './db.ts'

/** Keeps the invitation token this device uses for a plan (replacing an older one, and any refusal of it). */
export async function saveToken(planId: string, token: string): Promise<void> {
  await (await deviceDb()).put('tokens', { planId, token })
}

/** The token this device uses for a plan, or undefined when it has none. */
export async function loadToken(planId: string): Promise<string | undefined> {
  return (await (await deviceDb()).get('tokens', planId))?.token
}

/** Why the relay last turned this device's token for a plan away, or undefined. */
export async function loadRefusal(planId: string): Promise<RefusalKind | undefined> {
  return (await (await deviceDb()).get('tokens', planId))?.refusal
}

/** Remembers (or, with undefined, forgets) why the relay turned this device's token away. A device without a token has nothing to remember. */
export async function saveRefusal(planId: string, refusal: RefusalKind | undefined): Promise<void> {
  const db = await deviceDb()
  const tx = db.transaction('tokens', 'readwrite')
  const known = await tx.store.get(planId)
  if (known && known.refusal !== refusal) {
    const { refusal: _earlier, ...rest } = known
    await tx.store.put(refusal ? { ...rest, refusal } : rest)
  }
  await tx.done
}
