import { StorageCorruptError, type StoredSize } from '../storage/roomLog.ts'
import type { Storage } from '../storage/storage.ts'
import type { RelayMetrics } from './relayMetrics.ts'

/**
 * A Storage as the relay watches it: every write timed in the relay's
 * metrics, and whether writes work. After a write fails (a full disk, a
 * database that refuses writes) `healthy()` is false, so /healthz answers
 * 503, until a write works again: one a client makes, or the small write
 * `healthy()` itself tries each time it is asked (`probeWrite`), so the relay
 * recovers on its own even when nobody writes. Otherwise it does exactly
 * what the storage it wraps does; wrapping keeps this out of both the
 * backends and the room logic.
 */
export function measuredStorage(storage: Storage, metrics: RelayMetrics): Storage {
  let writesFailing = false
  /** Runs a write, noting whether it worked; a room whose stored data cannot be read says nothing about writing. */
  const write = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      const result = await run()
      writesFailing = false
      return result
    } catch (error) {
      if (!(error instanceof StorageCorruptError)) writesFailing = true
      throw error
    }
  }
  /** The last append's promise from the storage, and the one handed on: appends of one commit share both. */
  let lastAppend: { written: Promise<void>; watched: Promise<void> } | undefined
  /** Watches and times each commit of appends once (from its first append), not every edit in it. */
  const append = (room: string, update: Uint8Array): Promise<void> => {
    const written = storage.append(room, update)
    if (lastAppend?.written !== written) lastAppend = { written, watched: write(() => metrics.timeStorageWrite('append', () => written)) }
    return lastAppend.watched
  }
  return {
    get kind() {
      return storage.kind
    },
    load: (room) => storage.load(room),
    append,
    compact: (room): Promise<StoredSize> => write(() => metrics.timeStorageWrite('compact', () => storage.compact(room))),
    size: (room) => storage.size(room),
    planSize: (planId) => storage.planSize(planId),
    addRevocation: (planId, revocation) => write(() => storage.addRevocation(planId, revocation)),
    revocationsOf: (planId) => storage.revocationsOf(planId),
    addHandover: (planId, sequence, handover) => write(() => storage.addHandover(planId, sequence, handover)),
    handoversOf: (planId) => storage.handoversOf(planId),
    addRegistration: (planId, tokenId, registration) => write(() => storage.addRegistration(planId, tokenId, registration)),
    registrationsOf: (planId) => storage.registrationsOf(planId),
    deletePlan: (planId) => write(() => metrics.timeStorageWrite('delete', () => storage.deletePlan(planId))),
    isPlanDeleted: (planId) => storage.isPlanDeleted(planId),
    plansChangedWithin: (ms) => storage.plansChangedWithin(ms),
    admitPlan: (planId, admissionId) => write(() => storage.admitPlan(planId, admissionId)),
    isPlanAdmitted: (planId) => storage.isPlanAdmitted(planId),
    addMeetingCode: (code, now) => write(() => storage.addMeetingCode(code, now)),
    meetingCode: (code, now) => storage.meetingCode(code, now),
    removeExpiredMeetingCodes: (now) => write(() => storage.removeExpiredMeetingCodes(now)),
    async healthy() {
      if (writesFailing) {
        try {
          await write(() => storage.probeWrite())
        } catch {
          return false
        }
      }
      return storage.healthy()
    },
    probeWrite: () => write(() => storage.probeWrite()),
    close: () => storage.close(),
  }
}
