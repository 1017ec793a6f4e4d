import { Changes } from '../../shared/plan/core.ts'
import { deviceDb, type OutboxEntry } from './db.ts'
import { keepDecisions } from './keptDecisions.ts'

export type { OutboxEntry }

/**
 * The device's queue of signed decisions for the relay (revocations, a
 * deletion). The queue only keeps; client/relay/outboxSender.ts sends.
 * Listeners on this page hear every change, so views can say "wacht op
 * verbinding" and then "bevestigd".
 */

const changes = new Changes()

/** Queues a signed decision; queuing the same decision (plan + id) again keeps the first. */
export async function enqueue(entry: Omit<OutboxEntry, 'createdAt' | 'confirmedAt' | 'refusedWith'>): Promise<void> {
  const db = await deviceDb()
  const tx = db.transaction('outbox', 'readwrite')
  if (!(await tx.store.get([entry.planId, entry.id]))) await tx.store.put({ ...entry, createdAt: Date.now(), confirmedAt: null, refusedWith: null })
  await tx.done
  // Kept for good beside the queue: the relay may lose them later (keptDecisions.ts). A handover's text is the whole chain, one per line.
  if (entry.kind !== 'registration') await keepDecisions(entry.planId, entry.kind, entry.kind === 'handover' ? entry.text.split('\n') : [entry.text])
  changes.notify()
}

/** Every entry, oldest first. */
export async function outboxEntries(): Promise<OutboxEntry[]> {
  const entries = await (await deviceDb()).getAll('outbox')
  return entries.sort((a, b) => a.createdAt - b.createdAt)
}

/** The entries of one plan, oldest first. */
export async function outboxEntriesOf(planId: string): Promise<OutboxEntry[]> {
  const entries = await (await deviceDb()).getAllFromIndex('outbox', 'planId', planId)
  return entries.sort((a, b) => a.createdAt - b.createdAt)
}

/** Whether an entry still waits for the relay. */
export function isWaiting(entry: OutboxEntry): boolean {
  return entry.confirmedAt === null && entry.refusedWith === null
}

/** Records the relay's answer to an entry: confirmed at a moment, or refused for good with what it said. */
export async function settle(planId: string, id: string, answer: { confirmedAt: number } | { refusedWith: string }): Promise<void> {
  const db = await deviceDb()
  const tx = db.transaction('outbox', 'readwrite')
  const entry = await tx.store.get([planId, id])
  if (entry) await tx.store.put({ ...entry, ...answer })
  await tx.done
  changes.notify()
}

/** Forgets entries (once the plan has noted what the relay said, or when the plan leaves this device). */
export async function forget(planId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  const db = await deviceDb()
  const tx = db.transaction('outbox', 'readwrite')
  await Promise.all(ids.map((id) => tx.store.delete([planId, id])))
  await tx.done
  changes.notify()
}

/** Calls `listener` after every change to the queue made on this page; returns the function that stops it. */
export const subscribeOutbox = changes.subscribe
