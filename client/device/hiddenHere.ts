import { Changes } from '../../shared/plan/changes.ts'
import { useLive } from '../plan/useLive.ts'

/**
 * Removed words someone chose not to see any more on this device ("niet meer
 * tonen, alleen voor mij"), when they may not erase them for everyone (only
 * the author and the household may; shared/plan/actor.ts). Kept in
 * localStorage per plan: it is this device's view, not the plan's content.
 */
const PREFIX = 'kring.hiddenHere.'
const changes = new Changes()
const cache = new Map<string, ReadonlySet<string>>()

function read(planId: string): ReadonlySet<string> {
  const known = cache.get(planId)
  if (known) return known
  let ids: string[] = []
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(PREFIX + planId) ?? '[]')
    if (Array.isArray(parsed)) ids = parsed.filter((id): id is string => typeof id === 'string')
  } catch {
    // Blocked or damaged storage: nothing hidden, which is the safe side (everything stays visible).
  }
  const set = new Set(ids)
  cache.set(planId, set)
  return set
}

/** Hides a removed record on this device only. */
export function hideHere(planId: string, id: string): void {
  const next = new Set(read(planId)).add(id)
  cache.set(planId, next)
  try {
    localStorage.setItem(PREFIX + planId, JSON.stringify([...next]))
  } catch {
    // Not remembered across visits; it stays hidden for this one.
  }
  changes.notify()
}

/** The ids hidden on this device for a plan, kept current. */
export function useHiddenHere(planId: string): ReadonlySet<string> {
  return useLive(changes, () => read(planId))
}
