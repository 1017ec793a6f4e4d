import { useSyncExternalStore } from 'react'
import { usePlan } from './hooks.ts'

/** Whether a newer Kring wrote the open plan, so this app cannot show all of it until reloaded. */
export function useNewerVersion(): boolean {
  const { connection } = usePlan()
  return useSyncExternalStore(connection.subscribeSyncStatus, connection.fromNewerVersion)
}
