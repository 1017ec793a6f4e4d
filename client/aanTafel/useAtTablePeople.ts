import { useMemo } from 'react'
import type { PersonId } from '../../shared/plan/index.ts'
import { usePlan, useRecords } from '../plan/hooks.ts'
import { useMe } from '../plan/useMe.ts'
import { usePassedAway } from '../plan/usePassedAway.ts'

/**
 * Who may give their word at this device's table: everyone on the people
 * list, also someone who does not use Kring (Oma Riet without a phone is the
 * reason this exists), but not this device's own person, not a meelezer (who
 * only reads along) and not someone who passed away.
 */
export function useAtTablePeople(): PersonId[] {
  const { plan } = usePlan()
  const me = useMe()
  const people = useRecords(plan.people)
  const passedAway = usePassedAway(plan)
  return useMemo(() => people.filter((p) => p.id !== me && p.role !== 'meelezer' && !passedAway.includes(p.id)).map((p) => p.id), [people, me, passedAway])
}
