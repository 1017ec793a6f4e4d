import { useContext } from 'react'
import type { PlanMeta, RecordList, Removal, SharedText, Stored } from '../../shared/plan/core.ts'
import type { PlanConnection } from '../sync/planConnection.ts'
import type { Presence } from '../sync/presence.ts'
import type { SyncStatus } from '../sync/syncStatus.ts'
import { PlanContext, type PlanContextValue } from './PlanContext.tsx'
import { useLive } from './useLive.ts'

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
 * changes, on this device or another. Works outside a workspace too.
 *
 * @example const people = useRecords(usePlan().plan.people)
 */
export function useRecords<T extends object>(list: RecordList<T>): Stored<T>[] {
  return useLive(list, () => list.list())
}

/** Removed records not yet dismissed (newest first), for "verwijderd door …" and restoring. */
export function useRemovedRecords<T extends object>(list: RecordList<T>): (Stored<T> & Removal)[] {
  return useLive(list, () => list.removed())
}

/** The plan's meta (household name, title, language), kept current. */
export function useMeta(): PlanMeta {
  const { meta } = usePlan().plan
  return useLive(meta, () => meta.get())
}

/** The words of a text written together, kept current. */
export function useSharedText(text: SharedText): string {
  return useLive(text, () => text.toString())
}

/** Who has the plan open right now, one entry per person, this device first. */
export function usePresence(): Presence[] {
  const { presence } = usePlan().connection
  return useLive(presence, presence.list)
}

/** What the status line says: 'local' | 'shared' | 'offline'. */
export function useSyncStatus(): SyncStatus {
  return useConnectionStatus(usePlan().connection)
}

/** The same for any room's connection, also outside a workspace. */
export function useConnectionStatus(connection: PlanConnection): SyncStatus {
  return useLive(connection, connection.syncStatus)
}

/** Whether a newer Kring wrote the open plan, so this app cannot show all of it until reloaded. */
export function useNewerVersion(): boolean {
  const { connection } = usePlan()
  return useLive(connection, connection.fromNewerVersion)
}
