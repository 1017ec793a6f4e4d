import { useMemo } from 'react'
import type { Person, PersonId, Stored } from '../../shared/plan/core.ts'
import { usePlan, usePresence, useRecords } from './hooks.ts'

export interface Participants {
  /** Who takes part: everyone on the people list who writes in Kring, plus anyone here now or named in `tookPart` without a role; never a meelezer, who only reads. In list order. */
  people: Stored<Person>[]
  ids: PersonId[]
  /** Those of them who have the plan open right now. */
  present: PersonId[]
}

/**
 * The people whose agreement a step or spelregel asks for. Someone on the
 * list who does not use Kring (oma, who never opens it) is not asked, nor is
 * a meelezer, who reads along and cannot answer. `tookPart` names who already
 * took part in what is asked about (the card: who agreed or wrote there), so
 * they stay asked after they close their page, even without a role.
 */
export function useParticipants(tookPart: readonly PersonId[] = NOBODY): Participants {
  const { plan } = usePlan()
  const people = useRecords(plan.people)
  const presence = usePresence()
  return useMemo(() => {
    const here = presence.map((p) => p.personId).filter((id): id is PersonId => id !== null)
    const taking = people.filter((person) => person.role !== 'meelezer' && (person.role !== null || here.includes(person.id) || tookPart.includes(person.id)))
    const ids = taking.map((p) => p.id)
    return { people: taking, ids, present: here.filter((id) => ids.includes(id)) }
  }, [people, presence, tookPart])
}

const NOBODY: readonly PersonId[] = []
