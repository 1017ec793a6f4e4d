import type { StoredSize } from '../storage/roomLog.ts'
import type { Storage } from '../storage/storage.ts'
import type { RelayMetrics } from './relayMetrics.ts'

/**
 * A Storage that records how long every write takes in the relay's metrics
 * and otherwise does exactly what the storage it wraps does. Wrapping keeps
 * timing out of both the backends and the room logic.
 */
export function measuredStorage(storage: Storage, metrics: RelayMetrics): Storage {
  return {
    get kind() {
      return storage.kind
    },
    load: (room) => storage.load(room),
    append: (room, update) => metrics.timeStorageWrite('append', () => storage.append(room, update)),
    compact: (room): Promise<StoredSize> => metrics.timeStorageWrite('compact', () => storage.compact(room)),
    size: (room) => storage.size(room),
    planSize: (planId) => storage.planSize(planId),
    addRevocation: (planId, revocation) => storage.addRevocation(planId, revocation),
    revocationsOf: (planId) => storage.revocationsOf(planId),
    addHandover: (planId, sequence, handover) => storage.addHandover(planId, sequence, handover),
    handoversOf: (planId) => storage.handoversOf(planId),
    addRegistration: (planId, tokenId, registration) => storage.addRegistration(planId, tokenId, registration),
    registrationsOf: (planId) => storage.registrationsOf(planId),
    deletePlan: (planId) => metrics.timeStorageWrite('delete', () => storage.deletePlan(planId)),
    isPlanDeleted: (planId) => storage.isPlanDeleted(planId),
    admitPlan: (planId, admissionId) => storage.admitPlan(planId, admissionId),
    isPlanAdmitted: (planId) => storage.isPlanAdmitted(planId),
    healthy: () => storage.healthy(),
    close: () => storage.close(),
  }
}
