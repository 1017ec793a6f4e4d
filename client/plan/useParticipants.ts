import { useMemo } from 'react'
import type { Person, PersonId, Stored } from '../../shared/plan/index.ts'
import { usePlan, usePresence, useRecords } from './hooks.ts'

export interface Participants {
  /** Who takes part: everyone on the people list who uses Kring to write (not meelezers), plus anyone here now; in list order. */
  people: Stored<Person>[]
  ids: PersonId[]
  /** Who has the plan open right now. */
  present: PersonId[]
}

/**
 * The people whose agreement a step or spelregel asks for. Someone on the
 * list who does not use Kring (oma, who never opens it) is not asked; someone
 * here now always is, whatever their role.
 */
export function useParticipants(): Participants {
  const { plan } = usePlan()
  const people = useRecords(plan.people)
  const presence = usePresence()
  return useMemo(() => {
    const present = presence.map((p) => p.personId).filter((id): id is PersonId => id !== null && plan.people.has(id))
    const taking = people.filter((person) => (person.role !== null && person.role !== 'meelezer') || present.includes(person.id))
    return { people: taking, ids: taking.map((p) => p.id), present }
  }, [people, presence, plan])
}
