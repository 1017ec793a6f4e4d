/**
 * A person id as capabilities carry it (an invitation naming a person, a
 * handover naming who holds the new key): the id of a person on the plan's
 * people list (shared/plan/ids.ts makes 16 base64url characters; older or
 * other ids are allowed within the same alphabet and length).
 */
export const MAX_PERSON_ID_LENGTH = 64
const PERSON_ID = /^[A-Za-z0-9_-]+$/

/** What is wrong with a person id, or undefined when it can be carried. */
export function personIdProblem(id: string): string | undefined {
  if (id.length === 0) return 'A person id may not be empty'
  if (id.length > MAX_PERSON_ID_LENGTH) return `A person id is at most ${MAX_PERSON_ID_LENGTH} characters, got ${id.length}`
  if (!PERSON_ID.test(id)) return 'A person id holds only letters, digits, - and _'
  return undefined
}
