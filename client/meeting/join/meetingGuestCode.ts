import type { GuestRole } from '../../../shared/plan/meeting/index.ts'
import { readToken } from '../../../shared/capabilities/token.ts'
import { createInvitation, holdsPlanKey } from '../../invitations/deviceAccess.ts'
import { postSigned } from '../../relay/relayPost.ts'

/** Where a meeting's code stands, as the gespreksleider's screen shows it. */
export type GuestCodeState =
  | { kind: 'ready'; code: string; expiresAt: number }
  /** This device does not hold the plan key: it cannot sign the guest link. */
  | { kind: 'noKey' }
  /** The relay could not be reached (or was busy): try again. */
  | { kind: 'offline' }
  /** The relay refused the link for good (a deleted plan, a handed-over key). */
  | { kind: 'refused'; message: string }

/** What this device keeps of a meeting's guest link and its code (localStorage, per plan and role). */
interface Kept {
  token: string
  code: string | null
  expiresAt: number | null
}

const PREFIX = 'kring.meetingGuestCode.'
/** A kept code is shown again while it has this long left; after that a new link and code are made, so nobody types a code that stops in a moment. */
const KEEP_SHOWING_MS = 15 * 60_000
/** A guest link that never got its code is posted again while this fresh; the relay takes links made within its code lifetime (hours). */
const RETRY_LINK_MS = 30 * 60_000

const inFlight = new Map<string, Promise<GuestCodeState>>()

/**
 * The meeting's code for guests joining as `role`: the one this device made
 * lately when it still has a while to go, else a new guest link (an
 * invitation for several people, signed with the plan key and registered
 * like every invitation) posted to the relay for a code. Called twice at
 * once (React's strict mode, two panels), it makes one.
 */
export function meetingGuestCode(planId: string, role: GuestRole, guestLinkName: string, now = Date.now()): Promise<GuestCodeState> {
  const key = `${planId}.${role}`
  const running = inFlight.get(key)
  if (running) return running
  const made = makeOrReuse(planId, role, guestLinkName, now).finally(() => inFlight.delete(key))
  inFlight.set(key, made)
  return made
}

async function makeOrReuse(planId: string, role: GuestRole, guestLinkName: string, now: number): Promise<GuestCodeState> {
  const storageKey = PREFIX + `${planId}.${role}`
  const kept = read(storageKey)
  if (kept?.code && kept.expiresAt !== null && kept.expiresAt - now > KEEP_SHOWING_MS) return { kind: 'ready', code: kept.code, expiresAt: kept.expiresAt }
  if (!(await holdsPlanKey(planId))) return { kind: 'noKey' }
  const token = kept && kept.code === null && isFresh(kept.token, now) ? kept.token : (await createInvitation(planId, { role, guests: true, name: guestLinkName })).token
  write(storageKey, { token, code: null, expiresAt: null })
  const posted = await postSigned(planId, 'meeting-code', token)
  if (posted.outcome === 'later') return { kind: 'offline' }
  if (posted.outcome === 'refused') {
    forget(storageKey)
    return { kind: 'refused', message: posted.message }
  }
  write(storageKey, { token, code: posted.answer.code, expiresAt: posted.answer.expiresAt })
  return { kind: 'ready', code: posted.answer.code, expiresAt: posted.answer.expiresAt }
}

function isFresh(token: string, now: number): boolean {
  try {
    return now - readToken(token).issuedAt < RETRY_LINK_MS
  } catch {
    return false
  }
}

function read(key: string): Kept | undefined {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? 'null')
    if (typeof parsed !== 'object' || parsed === null) return undefined
    const { token, code, expiresAt } = parsed as Record<string, unknown>
    if (typeof token !== 'string') return undefined
    return { token, code: typeof code === 'string' ? code : null, expiresAt: typeof expiresAt === 'number' ? expiresAt : null }
  } catch {
    // Blocked or damaged storage: a new link and code are made, which is safe.
    return undefined
  }
}

function write(key: string, kept: Kept): void {
  try {
    localStorage.setItem(key, JSON.stringify(kept))
  } catch {
    // Blocked storage: the next panel makes a new link; nothing is lost but a reuse.
  }
}

function forget(key: string): void {
  try {
    localStorage.removeItem(key)
  } catch {
    // As above.
  }
}
