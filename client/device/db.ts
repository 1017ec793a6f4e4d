import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { RefusalKind } from '../../shared/capabilities/refusals.ts'
import type { ExportedPlanKey } from '../../shared/identity/planKey.ts'
import type { PersonId } from '../../shared/plan/core.ts'

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
  /** Signed revocations and deletions waiting to reach the relay (or confirmed, until the plan notes it). */
  outbox: { key: [planId: string, id: string]; value: OutboxEntry; indexes: { planId: string } }
  /** The household's signed revocations, handovers and deletions, kept for good to teach a relay that lost them (keptDecisions.ts). */
  kept: { key: [planId: string, text: string]; value: KeptDecision; indexes: { planId: string } }
}

/**
 * A signed decision of the household, kept on its devices after the relay
 * confirmed it: it proves itself (signed by the plan's key), so a device can
 * show it to a relay that lost it (a wiped disk, a restored backup).
 */
export interface KeptDecision {
  planId: string
  kind: 'revocation' | 'handover' | 'deletion'
  /** The signed text; '' for a deletion this device only heard of (refused as deleted), without the text. */
  text: string
  /** A handover's place in the plan's chain (0 for the first); 0 for the rest. */
  order: number
  keptAt: number
}

/**
 * A signed decision of the household on its way to the relay. Kept on the
 * device until the relay confirmed it, so taking access back or deleting a
 * plan also works offline: it takes effect once there is a connection.
 */
export interface OutboxEntry {
  /** The revoked token's id, or `deletion`: one entry per decision, so queuing it again changes nothing. */
  id: string
  planId: string
  kind: OutboxKind
  /** The signed capability's compact text (a revocation or deletion, never a token). */
  text: string
  createdAt: number
  /** When the relay said it stored the decision; null while it waits. */
  confirmedAt: number | null
  /** What the relay answered when it will never accept this (e.g. the plan was deleted already); null otherwise. */
  refusedWith: string | null
}

/**
 * What an outbox entry carries: a revocation, the deletion, the registration
 * of an invitation for the relay's registry, or a handover chain (issue 11;
 * its text is the whole chain, one handover per line, so a relay that has
 * none of it takes it).
 */
export type OutboxKind = 'revocation' | 'deletion' | 'registration' | 'handover'

/** The relay endpoint each kind of entry goes to. */
export const OUTBOX_ENDPOINT = { revocation: 'revocations', deletion: 'deletion', registration: 'invitations', handover: 'handover' } as const

export interface DeviceToken {
  planId: string
  token: string
  /** Why the relay last turned this token away (kept across reloads, so the app is read-only at once); cleared when it is let in again. */
  refusal?: RefusalKind
}

export type DeviceDb = IDBPDatabase<DeviceSchema>

const NAME = 'kring-device'
const VERSION = 4

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
      if (oldVersion < 3) db.createObjectStore('outbox', { keyPath: ['planId', 'id'] }).createIndex('planId', 'planId')
      if (oldVersion < 4) db.createObjectStore('kept', { keyPath: ['planId', 'text'] }).createIndex('planId', 'planId')
    },
  })
  return opened
}
