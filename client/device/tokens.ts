import { deviceDb } from './db.ts'

/** Keeps the invitation token this device uses for a plan (replacing an older one). */
export async function saveToken(planId: string, token: string): Promise<void> {
  await (await deviceDb()).put('tokens', { planId, token })
}

/** The token this device uses for a plan, or undefined when it has none. */
export async function loadToken(planId: string): Promise<string | undefined> {
  return (await (await deviceDb()).get('tokens', planId))?.token
}
