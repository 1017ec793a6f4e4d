import type { Role } from '../protocol/roles.ts'
import type { RoomKind } from '../protocol/rooms.ts'

/**
 * Who may open which room, and how — the roles table of architecture.md in
 * code, the one place both the app and the relay ask.
 */

/** What a connection may do in a room. */
export type Access = 'write' | 'read' | 'none'

const ROLE_ACCESS: Readonly<Record<Role, Readonly<Record<RoomKind, Access>>>> = {
  eigenaar: { plan: 'write', netwerk: 'write', huishouden: 'write' },
  huishouden: { plan: 'write', netwerk: 'write', huishouden: 'write' },
  netwerk: { plan: 'write', netwerk: 'write', huishouden: 'none' },
  professional: { plan: 'write', netwerk: 'none', huishouden: 'none' },
  meelezer: { plan: 'read', netwerk: 'none', huishouden: 'none' },
}

/** What a role may do in a room, straight from the roles table. */
export function roleAccess(role: Role, room: RoomKind): Access {
  return ROLE_ACCESS[role][room]
}

/**
 * Whether a role may invite others: only the eigenaar, the household member
 * whose device holds the plan key. A `huishouden` member writes everywhere
 * the eigenaar does but does not manage the plan; the relay enforces this by
 * the key (only the plan key signs invitations), the app by this table.
 */
export function mayInvite(role: Role): boolean {
  return role === 'eigenaar'
}

/**
 * Rooms are audiences that nest: everyone in `huishouden` is in `netwerk`, and
 * everyone in `netwerk` is in `plan`. A higher number is a smaller, more
 * private audience.
 */
const PRIVACY: Readonly<Record<RoomKind, number>> = { plan: 0, netwerk: 1, huishouden: 2 }

/**
 * The room an invitation names is the most private room it opens; it opens
 * every wider room too. So one link is enough for a netwerk member (plan and
 * netwerk rooms), while the household can still invite, say, a neighbour as
 * `netwerk` to the plan room only. The role keeps its own limits on top.
 */
export function invitationOpens(invitationRoom: RoomKind, room: RoomKind): boolean {
  return PRIVACY[room] <= PRIVACY[invitationRoom]
}

/** The room an invitation for a role names unless someone chooses otherwise: the most private one the role may open. */
export function defaultRoomFor(role: Role): RoomKind {
  const rooms = (Object.keys(PRIVACY) as RoomKind[]).filter((room) => roleAccess(role, room) !== 'none')
  return rooms.reduce((most, room) => (PRIVACY[room] > PRIVACY[most] ? room : most))
}

/** What a holder of an invitation (role + the room it names) may do in a room: both the role and the invitation must allow it. */
export function invitationAccess(invitation: { role: Role; room: RoomKind }, room: RoomKind): Access {
  if (roleAccess(invitation.role, invitation.room) === 'none') return 'none'
  if (!invitationOpens(invitation.room, room)) return 'none'
  return roleAccess(invitation.role, room)
}
