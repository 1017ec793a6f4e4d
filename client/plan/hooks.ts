import { useCallback, useContext, useSyncExternalStore } from 'react'
import type { PersonId, PlanMeta, RecordList, Removal, Stored } from '../../shared/plan/index.ts'
import type { Presence } from '../sync/presence.ts'
import type { SyncStatus } from '../sync/syncStatus.ts'
import { PlanContext, type PlanContextValue } from './PlanContext.tsx'

/**
 * The open plan, who "I" am and the connection. Only inside a plan's
 * workspace (every section component is).
 *
 * @example const { plan, me } = usePlan(); plan.people.add({ name, relation, role: null }, me)
 */
export function usePlan(): PlanContextValue {
  const value = useContext(PlanContext)
  if (!value) throw new Error('usePlan() is used outside an open plan (no PlanProvider above it)')
  return value
}

/**
 * The visible records of a list, kept current: re-renders when any record
 * changes, on this device or another.
 *
 * @example const people = useRecords(usePlan().plan.people)
 */
export function useRecords<T extends object>(list: RecordList<T>): Stored<T>[] {
  const subscribe = useCallback((onChange: () => void) => list.subscribe(onChange), [list])
  const snapshot = useCallback(() => list.list(), [list])
  return useSyncExternalStore(subscribe, snapshot)
}

/** Removed records not yet dismissed (newest first), for "verwijderd door …" and restoring. */
export function useRemovedRecords<T extends object>(list: RecordList<T>): (Stored<T> & Removal)[] {
  const subscribe = useCallback((onChange: () => void) => list.subscribe(onChange), [list])
  const snapshot = useCallback(() => list.removed(), [list])
  return useSyncExternalStore(subscribe, snapshot)
}

/** The plan's meta (household name, title, language), kept current. */
export function useMeta(): PlanMeta {
  const { plan } = usePlan()
  const subscribe = useCallback((onChange: () => void) => plan.meta.subscribe(onChange), [plan])
  const snapshot = useCallback(() => plan.meta.get(), [plan])
  return useSyncExternalStore(subscribe, snapshot)
}

/**
 * A person's display name for showing who wrote or did something; null when
 * the id is null or the person is no longer on the list. Never show ids.
 */
export function usePersonName(id: PersonId | null): string | null {
  const { plan } = usePlan()
  useRecords(plan.people)
  return plan.nameOf(id)
}

/** Who has the plan open right now, one entry per person, this device first. */
export function usePresence(): Presence[] {
  const { presence } = usePlan().connection
  return useSyncExternalStore(presence.subscribe, presence.list)
}

/** What the status line says: 'local' | 'shared' | 'offline'. */
export function useSyncStatus(): SyncStatus {
  const { connection } = usePlan()
  return useSyncExternalStore(connection.subscribeSyncStatus, connection.syncStatus)
}
