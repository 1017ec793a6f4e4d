import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { invitationAccess } from '../../../../shared/capabilities/access.ts'
import type { RoomSide } from '../../../../shared/plan/index.ts'
import type { RoomKind } from '../../../../shared/protocol/rooms.ts'
import { tokenForThisDevice } from '../../../invitations/deviceAccess.ts'
import { usePlan } from '../../../plan/hooks.ts'
import { PlanConnection } from '../../../sync/planConnection.ts'
import { SeenMarks } from './seenMarks.ts'

/**
 * The rooms the netwerkatlas reads and writes sensitive marks in (issue 11):
 * the plan room, and the netwerk and huishouden rooms where this device's
 * invitation opens them. A mark kept "alleen voor ons" lives in the
 * huishouden room's own Y.Doc, so the relay never sends it to a device
 * whose invitation does not open that room: not the person described, not a
 * netwerk member, not a professional.
 */
export interface MarkRooms {
  /** Every room open here, widest first (the plan room is always there). */
  sides: readonly RoomSide[]
  /** The rooms this device may write a mark in, most private first; empty for someone who only reads. */
  writable: readonly RoomKind[]
  /** The marks across those rooms with the instruments' own marks of the first release, kept current. */
  seen: SeenMarks
}

const MarkRoomsContext = createContext<MarkRooms | null>(null)

/** Opens the rooms for marks while the netwerkatlas shows. */
export function MarkRoomsProvider({ children }: { children: ReactNode }) {
  const { plan, planId, access, canWrite, me } = usePlan()
  const opens = (room: RoomKind) => access.role !== null && access.room !== null && invitationAccess({ role: access.role, room: access.room }, room) !== 'none'
  const netwerk = useRoomWhenOpen(planId, 'netwerk', opens('netwerk'))
  const huishouden = useRoomWhenOpen(planId, 'huishouden', opens('huishouden'))
  // What I write in another room is mine in "wie schreef wat", as in the plan room.
  useEffect(() => {
    for (const room of [netwerk, huishouden]) room?.plan.authors.writeAs(canWrite ? me : null)
  }, [netwerk, huishouden, me, canWrite])

  const sides = useMemo<RoomSide[]>(
    () => [{ plan, room: 'plan' }, ...(netwerk ? [{ plan: netwerk.plan, room: 'netwerk' as const }] : []), ...(huishouden ? [{ plan: huishouden.plan, room: 'huishouden' as const }] : [])],
    [plan, netwerk, huishouden],
  )
  const seen = useMemo(() => new SeenMarks(plan, sides), [plan, sides])
  useEffect(() => () => seen.destroy(), [seen])
  const value = useMemo<MarkRooms>(() => {
    const writable = canWrite ? sides.map((side) => side.room).reverse() : []
    return { sides, writable, seen }
  }, [sides, seen, canWrite])
  return <MarkRoomsContext.Provider value={value}>{children}</MarkRoomsContext.Provider>
}

/** The rooms for marks; only inside the netwerkatlas (MarkRoomsProvider). */
export function useMarkRooms(): MarkRooms {
  const value = useContext(MarkRoomsContext)
  if (!value) throw new Error('useMarkRooms() is used outside the netwerkatlas (no MarkRoomsProvider above it)')
  return value
}

/** One more room of the plan, opened while `open` holds (the invitation opens it); null otherwise and on the first render. */
function useRoomWhenOpen(planId: string, room: RoomKind, open: boolean): PlanConnection | null {
  const [connection, setConnection] = useState<PlanConnection | null>(null)
  useEffect(() => {
    if (!open) return
    const opened = new PlanConnection(planId, { room, token: () => tokenForThisDevice(planId) })
    setConnection(opened)
    return () => {
      opened.destroy()
      setConnection(null)
    }
  }, [planId, room, open])
  return open && connection?.planId === planId ? connection : null
}
