import type * as Y from 'yjs'
import { ROLES, type Role } from '../protocol/roles.ts'
import { oneOf, text } from './fields.ts'
import type { RecordSpec } from './records.ts'

/**
 * A person around the household. People and participants differ: a
 * grandmother can be on the list without ever opening Kring. Someone who joins
 * on a device says which person they are (or adds themselves); that person's
 * id is then the author of everything they write, and `role` says how they
 * take part.
 */
export interface Person {
  name: string
  /** How they relate to the household, in the household's words ("oma", "buurvrouw", "wijkcoach"). */
  relation: string
  /** How they take part in Kring; null for someone who is on the list but does not use Kring. */
  role: Role | null
}

export const personSpec: RecordSpec<Person> = {
  read: (map: Y.Map<unknown>) => ({
    name: text(map, 'name'),
    relation: text(map, 'relation'),
    role: oneOf(map, 'role', ROLES, null),
  }),
}
