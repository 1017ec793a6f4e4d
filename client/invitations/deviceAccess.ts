import { issueToken, readToken, type InvitationFields, type InvitationToken } from '../../shared/capabilities/index.ts'
import { importPlanKey, type PlanKey } from '../../shared/identity/planKey.ts'
import type { Role } from '../../shared/protocol/roles.ts'
import type { RoomKind } from '../../shared/protocol/rooms.ts'
import { loadPlanKey } from '../device/planKeys.ts'
import { loadRefusal, loadToken, saveToken } from '../device/tokens.ts'

/**
 * What this device may do in a plan, from the invitation it holds and
 * whether it holds the plan key. The relay decides who gets in; this is what
 * the app shows and offers (a meelezer sees no editing, only a key holder
 * can invite, revoke and delete).
 */
export interface DeviceAccess {
  /** The role this device's invitation names; null when it has none (the relay will refuse it). */
  role: Role | null
  /** The most private room its invitation opens; null without one. */
  room: RoomKind | null
  /** Whether this device holds the plan key: it manages the plan (invite, take back, hand over, delete). */
  holdsKey: boolean
}

/**
 * The token this device shows the relay for a plan. A device holding the
 * plan key (the household's) signs itself an eigenaar token the first time,
 * and again when the relay refused its token as revoked or expired (taking
 * back "everything signed before" includes the household's own tokens); any
 * other device uses the invitation it was given. Undefined when it has
 * neither: the relay will then refuse it.
 */
export async function tokenForThisDevice(planId: string): Promise<string | undefined> {
  const [stored, refusal] = await Promise.all([loadToken(planId), loadRefusal(planId)])
  const renewable = refusal === 'revoked' || refusal === 'expired'
  if (stored && !renewable) return stored
  const key = await planKeyOnThisDevice(planId)
  if (!key) return stored
  const token = await issueToken(key, { role: 'eigenaar', expiresAt: null })
  await saveToken(planId, token)
  return token
}

/** What this device may do in a plan (see DeviceAccess); reads the device only. */
export async function loadDeviceAccess(planId: string): Promise<DeviceAccess> {
  const [token, holdsKey] = await Promise.all([tokenForThisDevice(planId), holdsPlanKey(planId)])
  const invitation = token ? readInvitation(token) : undefined
  return { role: invitation?.role ?? null, room: invitation?.room ?? null, holdsKey }
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

/** The plan key held on this device, ready to sign; undefined when this device does not manage the plan. */
export async function planKeyOnThisDevice(planId: string): Promise<PlanKey | undefined> {
  const exported = await loadPlanKey(planId)
  return exported ? importPlanKey(exported) : undefined
}

/** A new invitation: the token (for the link only) and what it says. */
export interface NewInvitation {
  token: string
  invitation: InvitationToken
  link: string
}

/** Signs an invitation with this device's plan key; works offline. Throws when this device does not hold the key. */
export async function createInvitation(planId: string, fields: InvitationFields): Promise<NewInvitation> {
  const key = await planKeyOnThisDevice(planId)
  if (!key) throw new Error('Only a device holding the plan key can invite')
  const token = await issueToken(key, fields)
  return { token, invitation: readToken(token), link: invitationLink(token) }
}

/** The link that carries an invitation: in the #fragment, so web servers never see or log it. */
export function invitationLink(token: string, origin = location.origin): string {
  return `${origin}/#/uitnodiging/${token}`
}
