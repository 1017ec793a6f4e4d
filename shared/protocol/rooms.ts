/**
 * Rooms are audiences (architecture.md, decision 2). A plan has three rooms,
 * each its own Y.Doc; the room name is the plan id plus an optional suffix.
 */

export type RoomKind = 'plan' | 'netwerk' | 'huishouden'

export const ROOM_KINDS: readonly RoomKind[] = ['plan', 'netwerk', 'huishouden']

/** Characters a room name may hold: what a plan id and its suffix use. */
export const ROOM_NAME_PATTERN = /^[A-Za-z0-9_-]+(\.(netwerk|huishouden))?$/

/** The room name for one audience of a plan. */
export function roomName(planId: string, kind: RoomKind): string {
  return kind === 'plan' ? planId : `${planId}.${kind}`
}

/** The names of all three rooms of a plan. */
export function roomsOfPlan(planId: string): string[] {
  return ROOM_KINDS.map((kind) => roomName(planId, kind))
}

/** Splits a room name into plan id and audience; undefined when it is not a room name. */
export function parseRoomName(name: string): { planId: string; kind: RoomKind } | undefined {
  if (!ROOM_NAME_PATTERN.test(name)) return undefined
  const dot = name.indexOf('.')
  if (dot === -1) return { planId: name, kind: 'plan' }
  return { planId: name.slice(0, dot), kind: name.slice(dot + 1) as RoomKind }
}

/** The plan a room belongs to; a name that is no room name stands for itself (so nothing is ever mistaken for another plan). */
export function planIdOfRoom(room: string): string {
  return parseRoomName(room)?.planId ?? room
}

/** The path the relay serves the y-websocket protocol on: `/sync/<room>`. */
export const SYNC_PATH_PREFIX = '/sync/'
