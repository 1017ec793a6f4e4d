import { useCallback, useSyncExternalStore } from 'react'

/** Anything in the plan schema that says when it changed: every instrument, RecordList, Cached. */
export interface LiveSource {
  subscribe(listener: () => void): () => void
}

/**
 * A value read from an instrument, kept current: re-renders when `source`
 * changes, on this device or another. `read` must return the same object
 * until something changes; the schema's list and per-key readers do
 * (`plan.waarden.shared()`, `plan.basisteam.forPerson(me)`, ...).
 *
 * @example const mine = useLive(plan.waarden, () => plan.waarden.personalOf(me))
 */
export function useLive<T>(source: LiveSource, read: () => T): T {
  const subscribe = useCallback((onChange: () => void) => source.subscribe(onChange), [source])
  return useSyncExternalStore(subscribe, read)
}
