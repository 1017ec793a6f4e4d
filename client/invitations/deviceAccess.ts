import { importPlanKey } from '../../shared/identity/planKey.ts'
import { issueToken, readToken, type InvitationToken } from '../../shared/capabilities/index.ts'
import type { Role } from '../../shared/protocol/roles.ts'
import { loadPlanKey } from '../device/planKeys.ts'
import { loadToken, saveToken } from '../device/tokens.ts'

/**
 * The token this device shows the relay for a plan. A device holding the
 * plan key (the household's) signs itself an eigenaar token the first time;
 * any other device uses the invitation it was given. Undefined when it has
 * neither: the relay will then refuse it.
 */
export async function tokenForThisDevice(planId: string): Promise<string | undefined> {
  const stored = await loadToken(planId)
  if (stored) return stored
  const exported = await loadPlanKey(planId)
  if (!exported) return undefined
  const token = await issueToken(await importPlanKey(exported), { role: 'eigenaar', expiresAt: null })
  await saveToken(planId, token)
  return token
}

/** What this device's invitation says (role, name), read without checking its signature; undefined without one. */
export async function invitationOfThisDevice(planId: string): Promise<InvitationToken | undefined> {
  const token = await loadToken(planId)
  return token ? readInvitation(token) : undefined
}

/** Reads an invitation from a link; undefined when it is not one. The relay checks the signature. */
export function readInvitation(text: string): InvitationToken | undefined {
  try {
    return readToken(text)
  } catch {
    return undefined
  }
}

/** Whether this device holds the plan key, and so may invite others. */
export async function holdsPlanKey(planId: string): Promise<boolean> {
  return (await loadPlanKey(planId)) !== undefined
}

/** Signs an invitation for someone else with this device's plan key; returns the link to send them. */
export async function createInvitationLink(planId: string, fields: { role: Exclude<Role, 'eigenaar'>; name?: string }): Promise<string> {
  const exported = await loadPlanKey(planId)
  if (!exported) throw new Error('Only a device holding the plan key can invite')
  const token = await issueToken(await importPlanKey(exported), fields)
  return invitationLink(token)
}

/** The link that carries an invitation: in the #fragment, so web servers never see or log it. */
export function invitationLink(token: string, origin = location.origin): string {
  return `${origin}/#/uitnodiging/${token}`
}
