import { expect } from 'vitest'
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

/** Sends what `from` has and `to` lacks; with `roundTrip`, back again too. A relay delivers in either shape. */
export function deliver(from: Y.Doc, to: Y.Doc, roundTrip: boolean): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
  if (roundTrip) Y.applyUpdate(from, Y.encodeStateAsUpdate(to, Y.encodeStateVector(from)))
}

/**
 * Brings every device together and checks that all show the same `view` of
 * the plan, and that a device opening it fresh reads the same: the cached
 * snapshots each device kept while it was open follow every change.
 */
export function expectConverged(docs: readonly Y.Doc[], plans: readonly Plan[], view: (plan: Plan) => unknown): void {
  syncAll(docs)
  const first = view(plans[0]!)
  for (const plan of plans.slice(1)) expect(view(plan)).toEqual(first)
  const fresh = new Y.Doc()
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(docs[0]!))
  expect(view(Plan.open(fresh))).toEqual(first)
}
