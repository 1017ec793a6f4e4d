import { useEffect, useState } from 'react'
import { outboxEntriesOf, subscribeOutbox, type OutboxEntry } from '../device/outbox.ts'

/** This device's queued decisions for a plan (revocations, a deletion), kept current. */
export function useOutboxEntries(planId: string): OutboxEntry[] {
  const [entries, setEntries] = useState<OutboxEntry[]>([])
  useEffect(() => {
    let current = true
    const read = () => void outboxEntriesOf(planId).then((found) => current && setEntries(found))
    read()
    const stop = subscribeOutbox(read)
    return () => {
      current = false
      stop()
    }
  }, [planId])
  return entries
}
