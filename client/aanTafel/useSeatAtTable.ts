import { useCallback } from 'react'
import type { PersonId } from '../../shared/plan/index.ts'
import { usePlan } from '../plan/hooks.ts'
import { useMe } from '../plan/useMe.ts'

/**
 * During a meeting, whoever gives their word at my device is seated at my
 * screen (Meetings.seatAtTable), so the meeting's record says who was there
 * at the table. Outside a meeting there is nothing to seat them in.
 */
export function useSeatAtTable(): (person: PersonId) => void {
  const { plan } = usePlan()
  const me = useMe()
  return useCallback(
    (person: PersonId) => {
      const running = plan.meetings.running()
      if (running && running.atTable[person]?.via !== me) plan.meetings.seatAtTable(running.id, person, me)
    },
    [plan, me],
  )
}
