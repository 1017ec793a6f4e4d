import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { ExportedPlanKey } from '../../shared/identity/planKey.ts'
import type { PersonId } from '../../shared/plan/index.ts'

/** A plan as this device knows it: for the start page and for "who am I here". */
export interface DevicePlan {
  planId: string
  /** The household's name when the plan was last opened here (shown before the plan loads). */
  householdName: string
  lastOpened: number
  /** Which person on the plan's people list uses this device; null until they said so. */
  me: PersonId | null
}

/**
 * What lives only on this device, never in a plan and never on the relay.
 * Its own IndexedDB database, apart from the y-indexeddb copies of plans.
 */
interface DeviceSchema extends DBSchema {
  plans: { key: string; value: DevicePlan }
  /** The exported plan key of plans created (or handed over) here; the private key never leaves the device. */
  planKeys: { key: string; value: ExportedPlanKey }
  /** The invitation token this device connects to a plan's rooms with (issued to it, or by it when it holds the key). */
  tokens: { key: string; value: DeviceToken }
  settings: { key: string; value: string }
}

export interface DeviceToken {
  planId: string
  token: string
}

export type DeviceDb = IDBPDatabase<DeviceSchema>

const NAME = 'kring-device'
const VERSION = 2

let opened: Promise<DeviceDb> | null = null

/** The device database, opened once per page. */
export function deviceDb(): Promise<DeviceDb> {
  opened ??= openDB<DeviceSchema>(NAME, VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('plans', { keyPath: 'planId' })
        db.createObjectStore('planKeys', { keyPath: 'planId' })
        db.createObjectStore('settings')
      }
      if (oldVersion < 2) db.createObjectStore('tokens', { keyPath: 'planId' })
    },
  })
  return opened
}
