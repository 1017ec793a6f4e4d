import { useCallback } from 'react'
import { ATLAS_LABELS, type ReferencedPerson } from '../../../../shared/plan/index.ts'
import { useFormat } from '../../../ui/useFormat.ts'

/**
 * How the netwerkatlas names a person it mentions: by name while they are on
 * the people list, else as "iemand die niet meer op de lijst staat". Never an id.
 */
export function useShowPerson(): (person: ReferencedPerson) => string {
  const format = useFormat()
  return useCallback((person: ReferencedPerson) => (person.onList ? person.name : format.wording(ATLAS_LABELS.formerPerson)), [format])
}

/** Several people as a sentence part ("Riet, Henk en Sanne"), each shown as `useShowPerson` does. */
export function useShowPeople(): (people: readonly ReferencedPerson[]) => string {
  const format = useFormat()
  const show = useShowPerson()
  return useCallback((people: readonly ReferencedPerson[]) => format.list(people.map(show)), [format, show])
}
