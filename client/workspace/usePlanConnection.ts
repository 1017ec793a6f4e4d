import { useEffect, useState } from 'react'
import type { RoomKind } from '../../shared/protocol/rooms.ts'
import { tokenForThisDevice } from '../invitations/deviceAccess.ts'
import { refusalHeldOnThisDevice } from '../invitations/heldRefusal.ts'
import { PlanConnection } from '../sync/planConnection.ts'

/**
 * Opens one of a plan's rooms (the shared plan room unless said otherwise)
 * for as long as the calling component shows it; null on the very first render.
 */
export function usePlanConnection(planId: string, room: RoomKind = 'plan'): PlanConnection | null {
  const [connection, setConnection] = useState<PlanConnection | null>(null)
  useEffect(() => {
    const opened = new PlanConnection(planId, { room, token: () => tokenForThisDevice(planId), heldRefusal: () => refusalHeldOnThisDevice(planId) })
    setConnection(opened)
    return () => {
      opened.destroy()
      setConnection(null)
    }
  }, [planId, room])
  return connection?.planId === planId && connection.room === room ? connection : null
}

/** Whether the copy of the plan on this device has been read from IndexedDB. */
export function useLoaded(connection: PlanConnection): boolean {
  const [loaded, setLoaded] = useState(false)
  useEffect(() => {
    let current = true
    void connection.whenLoaded.then(() => current && setLoaded(true))
    return () => {
      current = false
    }
  }, [connection])
  return loaded
}
