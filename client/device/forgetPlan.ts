import { ROOM_KINDS, roomName } from '../../shared/protocol/rooms.ts'
import { localDatabaseName } from '../sync/planConnection.ts'
import { deviceDb } from './db.ts'
import { forgetKeptAccess } from './keptDecisions.ts'
import { forget, outboxEntriesOf } from './outbox.ts'

/**
 * Removes a plan from this device: the copies of all its rooms, its key, its
 * token, who "I" am in it and its place in "Jouw plannen". A signed deletion
 * still waiting for the relay stays queued (it holds no plan content), so the
 * plan is also erased there once this device is online, and a kept deletion
 * stays kept (keptDecisions.ts), so a relay that lost it is taught it again.
 *
 * Close the plan's connections first: IndexedDB deletes a database only when
 * nobody has it open, and waits until then.
 */
export async function forgetPlanOnThisDevice(planId: string): Promise<void> {
  await Promise.all(ROOM_KINDS.map((kind) => deleteDatabase(localDatabaseName(roomName(planId, kind)))))
  const db = await deviceDb()
  const tx = db.transaction(['plans', 'planKeys', 'tokens'], 'readwrite')
  await Promise.all([tx.objectStore('plans').delete(planId), tx.objectStore('planKeys').delete(planId), tx.objectStore('tokens').delete(planId)])
  await tx.done
  const leftOver = (await outboxEntriesOf(planId)).filter((entry) => entry.kind !== 'deletion')
  await forget(
    planId,
    leftOver.map((entry) => entry.id),
  )
  await forgetKeptAccess(planId)
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name)
    request.onsuccess = () => resolve()
    request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`))
    // `blocked` only means it waits for open connections to close; success follows.
  })
}
