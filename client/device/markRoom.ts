import { Changes } from '../../shared/plan/changes.ts'
import { useLive } from '../plan/useLive.ts'
import { ROOM_KINDS, type RoomKind } from '../../shared/protocol/rooms.ts'

/**
 * Where this device puts a sensitive mark about a person (passed away, no
 * contact, difficult contact, a note in the netwerkatlas), once its user
 * answered the question the first time (issue 11). Kept in localStorage per
 * plan: it is how this person works on this device, not the plan's content.
 */
const PREFIX = 'kring.markRoom.'
const changes = new Changes()

/** The room chosen for marks in a plan on this device; null until someone answered. */
export function rememberedMarkRoom(planId: string): RoomKind | null {
  try {
    const stored = localStorage.getItem(PREFIX + planId)
    return (ROOM_KINDS as readonly (string | null)[]).includes(stored) ? (stored as RoomKind) : null
  } catch {
    // Blocked storage: asked again next time, never put somewhere wider than chosen.
    return null
  }
}

/** Remembers the room chosen for marks in a plan on this device. */
export function rememberMarkRoom(planId: string, room: RoomKind): void {
  try {
    localStorage.setItem(PREFIX + planId, room)
  } catch {
    // Not remembered across visits: the question comes again.
  }
  changes.notify()
}

/** The remembered room, kept current. */
export function useRememberedMarkRoom(planId: string): RoomKind | null {
  return useLive(changes, () => rememberedMarkRoom(planId))
}
