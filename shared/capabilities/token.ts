import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { toBase64Url } from '../identity/base64url.ts'
import type { PlanKey } from '../identity/planKey.ts'
import { CloseCode } from '../protocol/closeCodes.ts'
import { ROLES, type Role } from '../protocol/roles.ts'
import { parseRoomName, ROOM_KINDS, type RoomKind } from '../protocol/rooms.ts'
import { defaultRoomFor, invitationAccess, roleAccess } from './access.ts'
import type { KeyChain } from './keyChain.ts'
import { personIdProblem } from './personId.ts'
import { EXPIRED_REASON, refusalReason, type RefusalCode } from './refusals.ts'
import { MalformedCapabilityError, readCapability, readFixedBytes, readTime, signCapability, signingKeyIndex, writeTime, type CapabilityKind } from './signed.ts'

/**
 * Invitation tokens (issues 5 and 11): signed by the plan key, naming plan,
 * room, role, expiry, the invitee's name as the household wrote it, and whom
 * the invitation is for. They travel in a link's #fragment or a QR code and
 * are checked by the relay on connect.
 *
 * Body, after the common header of signed.ts:
 *   varString room · varString role · varUint8Array id (16 bytes)
 *   varUint issuedAt · u8 hasExpiry [· varUint expiresAt] · varString name
 * and, only in kind `addressedInvitation` (6), whom it is for:
 *   u8 audience: 0 nobody in particular · 1 one person, then varString person id · 2 several people
 *
 * Tokens of the first release are kind `invitation` (1), whose body ends at
 * the name: they stay valid and are read as naming nobody. This release
 * writes kind 6 only.
 */
export interface InvitationToken {
  planId: string
  /** Raw Ed25519 public key of the plan; hashes to planId when the token is genuine. */
  publicKey: Uint8Array
  /** The most private room this token opens (it opens wider rooms too, see access.ts). */
  room: RoomKind
  role: Role
  /** Unique id, base64url of 16 random bytes; what a revocation names. */
  id: string
  /** When the token was signed, ms since 1970. */
  issuedAt: number
  /** When it stops working, ms since 1970; null for never. */
  expiresAt: number | null
  /** The invitee's display name as the household wrote it (may be empty). */
  name: string
  /**
   * The person on the plan's people list this invitation is for: the device
   * that joins with it IS that person. Null for a link for several people
   * and for tokens of the first release.
   */
  person: string | null
  /**
   * A link for several people (a meeting's guest link): whoever opens it adds
   * themselves to the people list, or says they are someone on it who has
   * no device yet. False for an invitation for one person.
   */
  guests: boolean
}

/** What the household chooses when inviting someone. */
export interface InvitationFields {
  role: Role
  /** Defaults to the most private room the role may open (defaultRoomFor). */
  room?: RoomKind
  name?: string
  /** The person on the people list this invitation is for (see InvitationToken.person). */
  person?: string
  /** A link for several people; never together with `person`. */
  guests?: boolean
  /** ms since 1970; null for never. Defaults to never for eigenaar and 90 days for everyone else. */
  expiresAt?: number | null
  /** ms since 1970; defaults to now. */
  issuedAt?: number
}

/** How long an invitation for anyone but an eigenaar lasts unless the household chooses otherwise. */
export const DEFAULT_INVITATION_LIFETIME_MS = 90 * 24 * 60 * 60 * 1000

/**
 * How far in the future a token's `issuedAt` may lie and still be taken: the
 * clocks of the device that signed it and of the relay may differ by this
 * much. A token dated later would survive "revoke everything issued before
 * now", so it is refused until its time has come.
 */
export const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000

/** Longest display name a token carries, in characters. */
export const MAX_NAME_LENGTH = 100

const TOKEN_ID_BYTES = 16

/** Signs a new invitation with the plan key; returns its compact text. Throws RangeError on fields no relay would accept. */
export async function issueToken(key: PlanKey, fields: InvitationFields): Promise<string> {
  const room = fields.room ?? defaultRoomFor(fields.role)
  if (roleAccess(fields.role, room) === 'none') throw new RangeError(`A ${fields.role} may not open the ${room} room`)
  const name = (fields.name ?? '').trim()
  if (name.length > MAX_NAME_LENGTH) throw new RangeError(`A name may be at most ${MAX_NAME_LENGTH} characters, got ${name.length}`)
  const person = fields.person ?? null
  if (person !== null && fields.guests) throw new RangeError('An invitation is for one person or for several people, not both')
  const personProblem = person === null ? undefined : personIdProblem(person)
  if (personProblem) throw new RangeError(personProblem)
  const issuedAt = fields.issuedAt ?? Date.now()
  const expiresAt = fields.expiresAt === undefined ? defaultExpiry(fields.role, issuedAt) : fields.expiresAt
  const id = crypto.getRandomValues(new Uint8Array(TOKEN_ID_BYTES))
  const body: InvitationBody = { room, role: fields.role, id, issuedAt, expiresAt, name, person, guests: fields.guests ?? false }
  return signCapability(key, 'addressedInvitation', (encoder) => writeInvitationBody(encoder, body, 'addressedInvitation'))
}

/** The kinds a token may be: the first release's and the addressed one. */
export const TOKEN_KINDS: readonly CapabilityKind[] = ['addressedInvitation', 'invitation']

/** Parses a token without trusting it (no signature check). Throws MalformedCapabilityError, nothing else. */
export function readToken(text: string): InvitationToken {
  const signed = readCapability(text, TOKEN_KINDS, readInvitationBody)
  return { planId: signed.planId, publicKey: signed.publicKey, ...signed.body }
}

/** Why a token was refused; the relay closes the socket with `code` and `reason`. */
export type TokenRefusal = {
  ok: false
  code: typeof CloseCode.unauthorized | typeof CloseCode.forbidden
  /** What the app reads (refusals.ts); `reason` starts with it. */
  refusal: RefusalCode
  /** Short and safe for a close frame and a log: never repeats the token. */
  reason: string
}

export type TokenCheck = {
  ok: true
  token: InvitationToken
  access: 'read' | 'write'
  /** Which of the plan's keys signed it: 0 for the plan id's own key, n after the nth handover (keyChain.ts). */
  keyIndex: number
} | TokenRefusal

export interface TokenCheckContext {
  /** The room name the token is presented for, as in /sync/<room>. */
  room: string
  /** ms since 1970. */
  now: number
  /**
   * The plan's keys after its handovers, when it was handed over (the relay
   * keeps them; keyChain.ts). Without it only the key the plan id was made
   * from counts.
   */
  keys?: KeyChain
  /** How far in the future `issuedAt` may lie (default MAX_CLOCK_SKEW_MS). */
  maxClockSkewMs?: number
}

/**
 * Checks a token presented for a room. 4401 when it is missing, malformed, not
 * signed by the plan key, or its key does not hash to its plan id; 4403 when
 * it is genuine but for another plan, for a room its role or its invitation
 * does not open, expired, or dated further in the future than clocks differ
 * (`maxClockSkewMs`). A token signed by any key that spoke for the
 * plan (context.keys) counts: an earlier key's tokens keep working until the
 * current holder revokes them. Whether it was revoked is for whoever knows
 * the revocations (the relay, server/access). Never throws.
 */
export async function verifyToken(text: string | null | undefined, context: TokenCheckContext): Promise<TokenCheck> {
  if (!text) return refuse(CloseCode.unauthorized, 'token-missing', 'An invitation token is required')
  let token: InvitationToken
  let keyIndex: number
  try {
    const signed = readCapability(text, TOKEN_KINDS, readInvitationBody)
    token = { planId: signed.planId, publicKey: signed.publicKey, ...signed.body }
    keyIndex = await signingKeyIndex(signed, context.keys?.planId === signed.planId ? context.keys : undefined)
  } catch (error) {
    return refuse(CloseCode.unauthorized, 'token-malformed', error instanceof MalformedCapabilityError ? 'Malformed invitation token' : 'Unreadable invitation token')
  }
  if (keyIndex < 0) return refuse(CloseCode.unauthorized, 'token-forged', 'Invitation token is not signed by its plan key')

  const target = parseRoomName(context.room)
  if (!target || target.planId !== token.planId) return refuse(CloseCode.forbidden, 'other-plan', 'Invitation is for another plan')
  if (roleAccess(token.role, token.room) === 'none') return refuse(CloseCode.forbidden, 'role-may-not-open', `A ${token.role} may not open the ${token.room} room`)
  const access = invitationAccess(token, target.kind)
  if (access === 'none') {
    return roleAccess(token.role, target.kind) === 'none'
      ? refuse(CloseCode.forbidden, 'role-may-not-open', `A ${token.role} may not open the ${target.kind} room`)
      : refuse(CloseCode.forbidden, 'invitation-does-not-open', `This invitation does not open the ${target.kind} room`)
  }
  if (token.expiresAt !== null && token.expiresAt <= context.now) return { ok: false, code: CloseCode.forbidden, refusal: 'expired', reason: EXPIRED_REASON }
  if (token.issuedAt > context.now + (context.maxClockSkewMs ?? MAX_CLOCK_SKEW_MS)) {
    return refuse(CloseCode.forbidden, 'not-yet-valid', 'Invitation is dated in the future; the clock of the device that made it runs ahead')
  }
  // A key that handed the plan over signs nothing new: its tokens count only when made before that handover.
  const handedOverAt = context.keys?.planId === token.planId ? context.keys.handovers[keyIndex]?.signedAt : undefined
  if (handedOverAt !== undefined && token.issuedAt >= handedOverAt) return refuse(CloseCode.forbidden, 'handed-over', 'Invitation was signed by a key that had handed this plan over')
  return { ok: true, token, access, keyIndex }
}

function refuse(code: TokenRefusal['code'], refusal: RefusalCode, sentence: string): TokenRefusal {
  return { ok: false, code, refusal, reason: refusalReason(refusal, sentence) }
}

function defaultExpiry(role: Role, issuedAt: number): number | null {
  return role === 'eigenaar' ? null : issuedAt + DEFAULT_INVITATION_LIFETIME_MS
}

export type InvitationBody = Omit<InvitationToken, 'planId' | 'publicKey' | 'id'> & { id: Uint8Array }

const AUDIENCE_NOBODY = 0
const AUDIENCE_PERSON = 1
const AUDIENCE_GUESTS = 2

/**
 * Writes an invitation's body in the layout of `kind`: `invitation` (the
 * first release's, for tests that check it still works) ends at the name;
 * the others (addressedInvitation, registration) add whom it is for.
 */
export function writeInvitationBody(encoder: encoding.Encoder, body: InvitationBody, kind: CapabilityKind): void {
  encoding.writeVarString(encoder, body.room)
  encoding.writeVarString(encoder, body.role)
  encoding.writeVarUint8Array(encoder, body.id)
  writeTime(encoder, body.issuedAt, 'issuedAt')
  encoding.writeUint8(encoder, body.expiresAt === null ? 0 : 1)
  if (body.expiresAt !== null) writeTime(encoder, body.expiresAt, 'expiresAt')
  encoding.writeVarString(encoder, body.name)
  if (kind === 'invitation') return
  if (body.person !== null) {
    encoding.writeUint8(encoder, AUDIENCE_PERSON)
    encoding.writeVarString(encoder, body.person)
  } else encoding.writeUint8(encoder, body.guests ? AUDIENCE_GUESTS : AUDIENCE_NOBODY)
}

/** Reads an invitation's body in the layout of `kind` (see writeInvitationBody). */
export function readInvitationBody(decoder: decoding.Decoder, kind: CapabilityKind): Omit<InvitationToken, 'planId' | 'publicKey'> {
  const room = readOneOf(decoder, ROOM_KINDS, 'room')
  const role = readOneOf(decoder, ROLES, 'role')
  const id = toBase64Url(readFixedBytes(decoder, TOKEN_ID_BYTES, 'id', 'invitation'))
  const issuedAt = readTime(decoder, 'issuedAt', 'invitation')
  const hasExpiry = decoding.readUint8(decoder)
  if (hasExpiry > 1) throw new MalformedCapabilityError('invitation', 'expiry flag must be 0 or 1')
  const expiresAt = hasExpiry === 1 ? readTime(decoder, 'expiresAt', 'invitation') : null
  const name = decoding.readVarString(decoder)
  if (name.length > MAX_NAME_LENGTH) throw new MalformedCapabilityError('invitation', `name longer than ${MAX_NAME_LENGTH} characters`)
  if (kind === 'invitation') return { room, role, id, issuedAt, expiresAt, name, person: null, guests: false }
  const audience = decoding.readUint8(decoder)
  if (audience === AUDIENCE_PERSON) {
    const person = decoding.readVarString(decoder)
    if (personIdProblem(person)) throw new MalformedCapabilityError('invitation', 'person id has the wrong shape')
    return { room, role, id, issuedAt, expiresAt, name, person, guests: false }
  }
  if (audience !== AUDIENCE_NOBODY && audience !== AUDIENCE_GUESTS) throw new MalformedCapabilityError('invitation', 'unknown audience')
  return { room, role, id, issuedAt, expiresAt, name, person: null, guests: audience === AUDIENCE_GUESTS }
}

function readOneOf<T extends string>(decoder: decoding.Decoder, allowed: readonly T[], field: string): T {
  const value = decoding.readVarString(decoder)
  if (!(allowed as readonly string[]).includes(value)) throw new MalformedCapabilityError('invitation', `unknown ${field}`)
  return value as T
}
