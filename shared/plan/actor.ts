import { isHousehold, type Role } from '../protocol/roles.ts'
import type { PersonId } from './ids.ts'

/**
 * Who does something in a plan, for the few acts that depend on who you are
 * (issue 11, "nothing done to someone without their yes, and nothing
 * destroyed by someone else"): the person on the people list, and the role
 * this device's invitation gives them. The relay cannot tell these acts apart
 * inside a Y.Doc (architecture.md, decision 2), so the schema is where they
 * are decided, the same on every device.
 */
export interface Actor {
  /** The person acting; null before "Wie ben jij?" was answered. */
  person: PersonId | null
  /** The role of this device's invitation; null when it has none. */
  role: Role | null
}

/**
 * Whether `actor` may erase removed words for everyone ("niet meer tonen,
 * voor niemand"): their author, or the household. Anyone else hides them for
 * themselves only.
 */
export function mayEraseForEveryone(record: { createdBy: PersonId | null }, actor: Actor): boolean {
  return isHousehold(actor.role) || (actor.person !== null && record.createdBy === actor.person)
}

/** Whether `actor` may take people off the people list, or put them back: only the household. */
export function mayRemovePeople(actor: Actor): boolean {
  return isHousehold(actor.role)
}
