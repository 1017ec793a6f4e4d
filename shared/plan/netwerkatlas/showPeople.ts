import type { PersonId } from '../ids.ts'
import { compareText } from '../order.ts'
import type { Person } from '../people.ts'
import type { PersonReferences, ReferencedPerson } from '../personReferences.ts'
import type { RecordList } from '../records.ts'

/**
 * A comparison of person ids in the order the household keeps its people
 * list; people no longer on the list come last, by id, so every device lists
 * the same people in the same order.
 */
export function peopleOrder(people: RecordList<Person>): (a: PersonId, b: PersonId) => number {
  const rank = new Map(people.list().map((p, index) => [p.id, index]))
  const rankOf = (id: PersonId) => rank.get(id) ?? Number.MAX_SAFE_INTEGER
  return (a, b) => rankOf(a) - rankOf(b) || compareText(a, b)
}

/**
 * Records kept per person (keyed by person id), each with the person as a
 * view shows them, in people-list order. Records about someone hidden after
 * a removal ("weghalen") are left out; see PersonReferences.resolve.
 */
export function withPeople<T extends { key: PersonId }>(
  records: readonly T[],
  people: RecordList<Person>,
  references: PersonReferences,
): (T & { person: ReferencedPerson })[] {
  const byPerson = peopleOrder(people)
  const shown: (T & { person: ReferencedPerson })[] = []
  for (const record of records) {
    const person = references.resolve(record.key)
    if (person) shown.push({ ...record, person })
  }
  return shown.sort((a, b) => byPerson(a.person.id, b.person.id))
}
