import { useCallback, useSyncExternalStore } from 'react'
import type { Source } from '../../shared/plan/core.ts'

/**
 * A value read from something that says when it changed (shared/plan's
 * `Source`: every instrument, RecordList, the meta, a shared text, the
 * connection, presence), kept current: re-renders when `source` changes, on
 * this device or another. `read` must return the same value until something
 * changes; the schema's list and per-key readers do
 * (`plan.waarden.shared()`, `plan.basisteam.forPerson(me)`, ...).
 * The one subscribe/snapshot hook: every other hook is a use of it.
 *
 * @example const mine = useLive(plan.waarden, () => plan.waarden.personalOf(me))
 */
export function useLive<T>(source: Source, read: () => T): T {
  const subscribe = useCallback((onChange: () => void) => source.subscribe(onChange), [source])
  return useSyncExternalStore(subscribe, read)
}
