import { useEffect, useState } from 'react'
import { PlanConnection } from '../sync/planConnection.ts'

/** Opens a plan for as long as the calling component shows it; null on the very first render. */
export function usePlanConnection(planId: string): PlanConnection | null {
  const [connection, setConnection] = useState<PlanConnection | null>(null)
  useEffect(() => {
    const opened = new PlanConnection(planId)
    setConnection(opened)
    return () => {
      opened.destroy()
      setConnection(null)
    }
  }, [planId])
  return connection?.planId === planId ? connection : null
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
