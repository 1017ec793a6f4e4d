import * as Y from 'yjs'
import { Plan } from '../../shared/plan/index.ts'

/** Brings two documents to the same state, both ways, as a relay round trip would. */
export function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

/** Syncs every pair, so all documents end in one state. */
export function syncAll(docs: readonly Y.Doc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) sync(a, b)
}

/** `count` devices holding the same new plan: the first creates it, the others receive it and open it. */
export function planReplicas(count: number): { docs: Y.Doc[]; plans: Plan[] } {
  const first = new Y.Doc()
  const plans = [Plan.create(first, { planId: 'plan', householdName: 'Familie Jansen' })]
  const docs = [first]
  for (let i = 1; i < count; i++) {
    const doc = new Y.Doc()
    sync(first, doc)
    docs.push(doc)
    plans.push(Plan.open(doc))
  }
  return { docs, plans }
}

/** A new plan on one device. */
export function newPlan(): Plan {
  return Plan.create(new Y.Doc(), { planId: 'plan', householdName: 'Familie Jansen' })
}

/** Two devices holding the same new plan (sync them with `sync(a, b)`). */
export function twoDevices(): { a: Y.Doc; b: Y.Doc; planA: Plan; planB: Plan } {
  const { docs, plans } = planReplicas(2)
  return { a: docs[0]!, b: docs[1]!, planA: plans[0]!, planB: plans[1]! }
}
