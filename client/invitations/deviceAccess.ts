import { issueToken, readToken, type InvitationFields, type InvitationToken } from '../../shared/capabilities/index.ts'
import { importHeldPlanKey } from '../../shared/capabilities/handover.ts'
import { toBase64Url } from '../../shared/identity/base64url.ts'
import type { PlanKey } from '../../shared/identity/planKey.ts'
import type { Role } from '../../shared/protocol/roles.ts'
import type { RoomKind } from '../../shared/protocol/rooms.ts'
import { loadPlanKey } from '../device/planKeys.ts'
import { isWaiting, outboxEntriesOf } from '../device/outbox.ts'
import { devicePlan } from '../device/plans.ts'
import { registerInvitation } from './register.ts'
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
  /** The person its invitation names (this device IS that person); null for a shared link or a first-release invitation. */
  person: string | null
  /** Its invitation's id, or null without one. */
  invitationId: string | null
}

/**
 * The token this device shows the relay for a plan. A device holding the
 * plan key (the household's) signs itself an eigenaar token naming the person
 * who uses it (once known), and signs a new one when the relay refused its
 * token as revoked or expired (taking back "everything signed before"
 * includes the household's own tokens), when the person changed, and when
 * the plan key changed by a handover; any other device uses the invitation
 * it was given. Undefined when it has neither: the relay will then refuse it.
 */
export function tokenForThisDevice(planId: string): Promise<string | undefined> {
  // Asked at once by the plan's connection and its access state: one answer, or a key holder would sign and register two tokens.
  let asked = tokensBeingRead.get(planId)
  if (asked === undefined) {
    asked = readOrIssueToken(planId).finally(() => tokensBeingRead.delete(planId))
    tokensBeingRead.set(planId, asked)
  }
  return asked
}

const tokensBeingRead = new Map<string, Promise<string | undefined>>()

async function readOrIssueToken(planId: string): Promise<string | undefined> {
  // Read side by side: on a first visit the plan's connection waits for this.
  const [stored, refusal, known, key] = await Promise.all([loadToken(planId), loadRefusal(planId), devicePlan(planId), planKeyOnThisDevice(planId)])
  if (!key) return stored
  // Until the relay knows this device's handover, a token of the new key would be turned away: keep what worked.
  const handoverWaiting = (await outboxEntriesOf(planId)).some((entry) => entry.kind === 'handover' && isWaiting(entry))
  if (stored && handoverWaiting) return stored
  const me = known?.me ?? null
  const current = stored ? readInvitation(stored) : undefined
  const renewable = refusal === 'revoked' || refusal === 'expired'
  const ownKey = current !== undefined && toBase64Url(current.publicKey) === toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', key.publicKey)))
  if (stored && current && !renewable && ownKey && current.person === me) return stored
  const token = await issueToken(key, { role: 'eigenaar', expiresAt: null, ...(me ? { person: me } : {}) })
  await saveToken(planId, token)
  // The household's own devices are in the registry too: "Wie beheert dit plan" reads them there.
  if (me) await registerInvitation(key, readToken(token))
  return token
}

/** What this device may do in a plan (see DeviceAccess); reads the device only. */
export async function loadDeviceAccess(planId: string): Promise<DeviceAccess> {
  const [token, holdsKey] = await Promise.all([tokenForThisDevice(planId), holdsPlanKey(planId)])
  const invitation = token ? readInvitation(token) : undefined
  return { role: invitation?.role ?? null, room: invitation?.room ?? null, holdsKey, person: invitation?.person ?? null, invitationId: invitation?.id ?? null }
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
  return exported ? importHeldPlanKey(exported) : undefined
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
  const invitation = readToken(token)
  await registerInvitation(key, invitation)
  return { token, invitation, link: invitationLink(token) }
}

/** The link that carries an invitation: in the #fragment, so web servers never see or log it. */
export function invitationLink(token: string, origin = location.origin): string {
  return `${origin}/#${invitationPath(token)}`
}

/** The app's route of an invitation link (InvitationRoute.tsx), for `navigate`. */
export function invitationPath(token: string): string {
  return `/uitnodiging/${token}`
}
