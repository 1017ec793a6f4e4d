import type { PlanAccessRecords } from '../protocol/planEndpoints.ts'
import { buildKeyChain } from './handover.ts'
import { currentKeyIndex, lastHandedOverAt, type KeyChain } from './keyChain.ts'
import type { Registration } from './registration.ts'
import { revocationOfPlan, revokes, type Revocation } from './revocation.ts'
import { readCapability, signingKeyIndex } from './signed.ts'
import { readInvitationBody } from './token.ts'

/** A registered invitation as a member sees it: what it says, and what became of it. */
export interface RegisteredInvitation extends Registration {
  /** Taken back: the revocation that covers it, or null. */
  revokedBy: Revocation | null
  /** Signed by the key that speaks for the plan now (false: by a key that handed the plan over). */
  byCurrentKey: boolean
}

/** What a member of a plan can trust of what the relay holds about access (issue 11). */
export interface VerifiedAccess {
  chain: KeyChain
  invitations: RegisteredInvitation[]
  revocations: Revocation[]
  /** "Wie beheert dit plan": the people whose devices hold the current key, as far as the records say. */
  managers: string[]
  /** When the plan last changed hands, or null when it never did. */
  handedOverAt: number | null
}

/**
 * Checks every signed record a relay gave (shared/protocol/planEndpoints.ts,
 * `access`) and keeps only what a key of the plan truly signed: the relay can
 * leave things out, never make them up. Never throws.
 */
export async function verifyAccessRecords(planId: string, records: PlanAccessRecords): Promise<VerifiedAccess> {
  const { chain } = await buildKeyChain(planId, records.handovers)
  const revocations: Revocation[] = []
  for (const text of records.revocations) {
    const revocation = await revocationOfPlan(text, planId, chain)
    if (revocation) revocations.push(revocation)
  }
  const current = currentKeyIndex(chain)
  const invitations: RegisteredInvitation[] = []
  for (const text of records.invitations) {
    try {
      const signed = readCapability(text, 'registration', readInvitationBody)
      const keyIndex = await signingKeyIndex(signed, chain)
      if (signed.planId !== planId || keyIndex < 0) continue
      const registration: Registration = { planId, publicKey: signed.publicKey, ...signed.body, text }
      const revokedBy = revocations.find((revocation) => revokes(revocation, registration, chain)) ?? null
      invitations.push({ ...registration, revokedBy, byCurrentKey: keyIndex === current })
    } catch {
      // Not a registration of this plan: left out.
    }
  }
  const managers = new Set<string>()
  const handedTo = chain.handovers.at(-1)?.toPerson
  if (handedTo) managers.add(handedTo)
  for (const invitation of invitations) {
    if (invitation.role === 'eigenaar' && invitation.byCurrentKey && invitation.revokedBy === null && invitation.person) managers.add(invitation.person)
  }
  return { chain, invitations, revocations, managers: [...managers], handedOverAt: lastHandedOverAt(chain) }
}
