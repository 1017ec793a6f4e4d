import type * as Y from 'yjs'
import { ROLES, type Role } from '../protocol/roles.ts'
import { ROOM_KINDS, type RoomKind } from '../protocol/rooms.ts'
import { num, oneOf, optionalNum, optionalText, text } from './fields.ts'
import type { PersonId } from './ids.ts'
import { RecordList, type RecordSpec, type Stored } from './records.ts'

/**
 * "Wie kan meelezen en meeschrijven": the invitations the household made,
 * for everyone in the plan to see (issue 5, "regie bij de inwoner": the
 * household sees who is in, and so does everyone else).
 *
 * A record of what was given, never the token itself: whoever can read the
 * plan must not be able to use someone else's invitation. The record's id is
 * the token id, which is what a revocation names. This list is a record for
 * people; the relay, which checks signatures and stored revocations, decides
 * who gets in.
 */
export interface Invitation {
  /** The invitee's name as the household wrote it (may be empty). */
  name: string
  role: Role
  /** The most private room the invitation opens; it opens every wider room too. */
  room: RoomKind
  issuedAt: number
  /** null: it does not expire. */
  expiresAt: number | null
  /** When the household took it back, or null. */
  revokedAt: number | null
  revokedBy: PersonId | null
  /** When the relay said it refuses the invitation from now on; null while the revocation waits for a connection. */
  revocationConfirmedAt: number | null
}

/** What the list shows about an invitation now. */
export type InvitationStatus = 'active' | 'expired' | 'revoking' | 'revoked'

/** What is recorded when an invitation is made: the token's fields, without its signature. */
export interface IssuedInvitation {
  id: string
  name: string
  role: Role
  room: RoomKind
  issuedAt: number
  expiresAt: number | null
}

const invitationSpec: RecordSpec<Invitation> = {
  read: (map: Y.Map<unknown>) => ({
    name: text(map, 'name'),
    role: oneOf(map, 'role', ROLES, 'meelezer'),
    room: oneOf(map, 'room', ROOM_KINDS, 'plan'),
    issuedAt: num(map, 'issuedAt'),
    expiresAt: optionalNum(map, 'expiresAt'),
    revokedAt: optionalNum(map, 'revokedAt'),
    revokedBy: optionalText(map, 'revokedBy'),
    revocationConfirmedAt: optionalNum(map, 'revocationConfirmedAt'),
  }),
}

export class Invitations {
  private readonly records: RecordList<Invitation>

  constructor(map: Y.Map<Y.Map<unknown>>) {
    this.records = new RecordList(map, invitationSpec)
  }

  /** Records an invitation that was just made, as `by`'s. Recording the same token id again changes nothing. */
  record(invitation: IssuedInvitation, by: PersonId | null): void {
    if (this.records.get(invitation.id)) return
    const { id, ...fields } = invitation
    this.records.add({ ...fields, revokedAt: null, revokedBy: null, revocationConfirmedAt: null }, by, { id })
  }

  /**
   * Marks an invitation as taken back by `by`. Returns false, changing
   * nothing, when there is no such invitation or it was taken back already
   * (the first moment stays).
   */
  revoke(id: string, by: PersonId | null, at: number = Date.now()): boolean {
    const invitation = this.records.get(id)
    if (!invitation || invitation.revokedAt !== null) return false
    this.records.update(id, { revokedAt: at, revokedBy: by }, by)
    return true
  }

  /** Notes that the relay confirmed a revocation at `at`; a revocation confirmed before keeps its first moment. */
  confirmRevocation(id: string, at: number, by: PersonId | null): void {
    const invitation = this.records.get(id)
    if (!invitation || invitation.revocationConfirmedAt !== null) return
    this.records.update(id, { revokedAt: invitation.revokedAt ?? at, revocationConfirmedAt: at }, by)
  }

  /** One invitation, or undefined. */
  get(id: string): Stored<Invitation> | undefined {
    return this.records.get(id)
  }

  /** Every invitation, oldest first; the same array until something changes. */
  list(): Stored<Invitation>[] {
    return this.records.list()
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    return this.records.subscribe(listener)
  }
}

/** What an invitation's state is at `now`: taken back (confirmed by the relay or not yet), expired, or active. */
export function invitationStatus(invitation: Invitation, now: number): InvitationStatus {
  if (invitation.revokedAt !== null) return invitation.revocationConfirmedAt !== null ? 'revoked' : 'revoking'
  if (invitation.expiresAt !== null && invitation.expiresAt <= now) return 'expired'
  return 'active'
}
