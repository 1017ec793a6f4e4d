import type { PersonId, Plan } from '../../shared/plan/core.ts'

/** What this device's invitation says about whom it is for (token.ts), as far as identity goes. */
export interface InvitationFor {
  /** The person the invitation names; null for a link for several people or a first-release invitation. */
  person: string | null
  /** The invitation's id: what a claim says it came through. */
  id: string
}

/**
 * Who uses this device in a plan (issue 11):
 * - `me`: known; everything written here carries this person;
 * - `claimQuietly`: a device of the first release that chose this person
 *   before claims existed and nobody else claims them: note the claim and go on;
 * - `ask`: "Wie ben jij?" (pick a listed person nobody claims, or add yourself);
 * - `missing`: the invitation names someone who is not on the list (not yet
 *   synced, or taken off it): never offered to be anyone else.
 */
export type WhoIsHere = { kind: 'me'; person: PersonId } | { kind: 'claimQuietly'; person: PersonId } | { kind: 'ask' } | { kind: 'missing'; person: PersonId }

/**
 * Decides who uses this device. A device that joined with an invitation
 * naming a person IS that person, whatever it remembered; a device holding
 * the plan key is whoever it said; any other device is the person it
 * claimed, as long as the claim stands (the household can undo it).
 */
export function whoIsHere(input: { plan: Plan; invitation: InvitationFor | null; holdsKey: boolean; remembered: PersonId | null; device: string }): WhoIsHere {
  const { plan, invitation, holdsKey, remembered, device } = input
  if (!holdsKey && invitation?.person) {
    return plan.people.get(invitation.person) ? { kind: 'me', person: invitation.person } : { kind: 'missing', person: invitation.person }
  }
  if (remembered === null || !plan.people.get(remembered)) return { kind: 'ask' }
  if (holdsKey) return { kind: 'me', person: remembered }
  const devices = plan.personDevices
  if (devices.isClaimedBy(remembered, device)) return { kind: 'me', person: remembered }
  return devices.whyNotClaim(remembered, device) === null ? { kind: 'claimQuietly', person: remembered } : { kind: 'ask' }
}
