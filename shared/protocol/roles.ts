/**
 * The roles people have in a plan (architecture.md, "Roles"). The Dutch names
 * are what users see and what tokens carry.
 */
export type Role = 'eigenaar' | 'huishouden' | 'netwerk' | 'professional' | 'meelezer'

/** Every role, the household's own first. `huishouden` came in issue 11; tokens of the first release never carry it. */
export const ROLES: readonly Role[] = ['eigenaar', 'huishouden', 'netwerk', 'professional', 'meelezer']

/** Whether a role may change the document (a meelezer only reads). */
export function canWrite(role: Role): boolean {
  return role !== 'meelezer'
}

/**
 * Whether a role belongs to the household itself (eigenaar or huishouden):
 * the people who decide who is on the plan's people list and whose removed
 * words anyone's stay visible for ("regie bij de inwoner", issue 11).
 */
export function isHousehold(role: Role | null | undefined): boolean {
  return role === 'eigenaar' || role === 'huishouden'
}
