/**
 * The roles people have in a plan (architecture.md, "Roles"). The Dutch names
 * are what users see and what tokens carry.
 */
export type Role = 'eigenaar' | 'netwerk' | 'professional' | 'meelezer'

export const ROLES: readonly Role[] = ['eigenaar', 'netwerk', 'professional', 'meelezer']

/** Whether a role may change the document (a meelezer only reads). */
export function canWrite(role: Role): boolean {
  return role !== 'meelezer'
}
