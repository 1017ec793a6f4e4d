/**
 * Where a device says who it is in its awareness (presence) state, as the
 * app writes it (client/sync/presence.ts): `{ user: { name, color, personId } }`.
 * The relay does not read the plan, but it reads this one field to keep
 * presence honest (issue 11): a connection whose invitation names a person
 * may only say it is that person.
 */

/** The person an awareness state says it is; null when it says none (no state, no user, no person id). */
export function personClaimedIn(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null
  const user = (state as Record<string, unknown>).user
  if (typeof user !== 'object' || user === null) return null
  const personId = (user as Record<string, unknown>).personId
  return typeof personId === 'string' ? personId : null
}
