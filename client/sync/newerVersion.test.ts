import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Plan, SCHEMA_VERSION } from '../../shared/plan/index.ts'
import { writtenByNewerVersion } from './newerVersion.ts'

/** A plan as a device with an app of `version` would have written it. */
function planWrittenBy(version: number): Uint8Array {
  const doc = new Y.Doc()
  Plan.create(doc, { planId: 'p', householdName: 'Familie Jansen' })
  doc.getMap('schema').set('version', version)
  return Y.encodeStateAsUpdate(doc)
}

/** Opens an empty copy (as this device does before loading), then lets `updates` arrive as a sync would, upgrading after each. */
function seenAfter(...updates: Uint8Array[]): boolean {
  const doc = new Y.Doc()
  const plan = Plan.open(doc)
  let seen = writtenByNewerVersion(false, plan.upgrade())
  for (const update of updates) {
    Y.applyUpdate(doc, update)
    seen = writtenByNewerVersion(seen, plan.upgrade())
  }
  return seen
}

describe('plan written by a newer Kring', () => {
  it('says nothing while the plan is still empty', () => {
    expect(seenAfter()).toBe(false)
  })

  it('says nothing for a plan this version (or an older one) wrote', () => {
    expect(seenAfter(planWrittenBy(SCHEMA_VERSION))).toBe(false)
    expect(seenAfter(planWrittenBy(0))).toBe(false)
  })

  it('tells once content from a newer version arrives', () => {
    expect(seenAfter(planWrittenBy(SCHEMA_VERSION + 1))).toBe(true)
  })

  it('keeps telling after later upgrades, until the app is reloaded', () => {
    expect(writtenByNewerVersion(true, null)).toBe(true)
    expect(writtenByNewerVersion(true, { from: SCHEMA_VERSION, to: SCHEMA_VERSION, fromNewerVersion: false })).toBe(true)
  })
})
