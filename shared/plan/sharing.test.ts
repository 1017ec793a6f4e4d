import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { NOTES } from './notes.ts'
import { Plan } from './index.ts'
import { shareRecord, type RoomSide } from './sharing.ts'

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

/** A plan's rooms as separate documents, the way the app opens them. */
function rooms() {
  const planDoc = new Y.Doc()
  const plan: RoomSide = { plan: Plan.create(planDoc, { planId: 'p1', householdName: 'Familie Jansen' }), room: 'plan' }
  const huishouden: RoomSide = { plan: Plan.open(new Y.Doc()), room: 'huishouden' }
  const netwerk: RoomSide = { plan: Plan.open(new Y.Doc()), room: 'netwerk' }
  return { planDoc, plan, huishouden, netwerk }
}

describe('sharing a record from one room to another ("delen met het plan")', () => {
  it('copies a draft into the plan with its author and leaves a note of when it was shared on both sides', () => {
    const { plan, huishouden } = rooms()
    const draft = huishouden.plan.notes.add({ text: 'We willen hulp bij de administratie.' }, 'kees')
    const writtenAt = huishouden.plan.notes.get(draft)!.createdAt

    const copy = shareRecord(NOTES, draft, huishouden, plan, 'ans', 5000)!
    expect(plan.plan.notes.get(copy)).toMatchObject({
      text: 'We willen hulp bij de administratie.',
      createdBy: 'kees',
      sharedFrom: { room: 'huishouden', recordId: draft, sharedAt: 5000, sharedBy: 'ans', writtenBy: 'kees', writtenAt },
    })
    expect(huishouden.plan.notes.get(draft)).toMatchObject({
      text: 'We willen hulp bij de administratie.',
      sharedFrom: null,
      sharedTo: { plan: { recordId: copy, sharedAt: 5000, sharedBy: 'ans' } },
    })
  })

  it('reaches everyone in the plan room, and nothing else from the household room does', () => {
    const { planDoc, plan, huishouden } = rooms()
    huishouden.plan.notes.add({ text: 'Nog niet klaar om te delen' }, 'ans')
    const shared = huishouden.plan.notes.add({ text: 'Dit mag iedereen weten' }, 'ans')
    huishouden.plan.notepad.insert(0, 'Alleen voor ons')
    shareRecord(NOTES, shared, huishouden, plan, 'ans')

    const neighbour = new Y.Doc()
    const neighboursPlan = Plan.open(neighbour)
    sync(planDoc, neighbour)
    expect(neighboursPlan.notes.list().map((n) => n.text)).toEqual(['Dit mag iedereen weten'])
    expect(JSON.stringify(neighbour.toJSON())).not.toContain('Nog niet klaar')
    expect(neighboursPlan.notepad.toString()).toBe('')
  })

  it('sharing again updates the earlier copy instead of making a second one; a removed copy is shared anew', () => {
    const { plan, huishouden } = rooms()
    const draft = huishouden.plan.notes.add({ text: 'Eerste versie' }, 'ans')
    const first = shareRecord(NOTES, draft, huishouden, plan, 'ans', 1)!
    huishouden.plan.notes.update(draft, { text: 'Tweede versie' }, 'ans')
    expect(shareRecord(NOTES, draft, huishouden, plan, 'kees', 2)).toBe(first)
    expect(plan.plan.notes.list()).toEqual([expect.objectContaining({ id: first, text: 'Tweede versie', sharedFrom: expect.objectContaining({ sharedAt: 2, sharedBy: 'kees' }) })])

    plan.plan.notes.remove(first, 'bram')
    const second = shareRecord(NOTES, draft, huishouden, plan, 'ans', 3)!
    expect(second).not.toBe(first)
    expect(plan.plan.notes.list().map((n) => n.id)).toEqual([second])
    expect(huishouden.plan.notes.get(draft)?.sharedTo.plan?.recordId).toBe(second)
  })

  it('works between any two rooms, keeping a note per room on the original', () => {
    const { plan, huishouden, netwerk } = rooms()
    const draft = huishouden.plan.notes.add({ text: 'Eerst met de familie bespreken' }, 'ans')
    const inNetwerk = shareRecord(NOTES, draft, huishouden, netwerk, 'ans', 10)!
    // Privétijd in a meeting: the network shares its conclusion with the plan.
    const inPlan = shareRecord(NOTES, inNetwerk, netwerk, plan, 'bram', 20)!
    expect(plan.plan.notes.get(inPlan)).toMatchObject({ createdBy: 'ans', sharedFrom: { room: 'netwerk', sharedBy: 'bram', writtenBy: 'ans' } })
    expect(Object.keys(huishouden.plan.notes.get(draft)!.sharedTo)).toEqual(['netwerk'])
    expect(netwerk.plan.notes.get(inNetwerk)?.sharedTo.plan?.recordId).toBe(inPlan)
  })

  it('shares nothing for a record that is not there, and refuses to share a room with itself', () => {
    const { plan, huishouden } = rooms()
    expect(shareRecord(NOTES, 'missing', huishouden, plan, 'ans')).toBeUndefined()
    const removed = huishouden.plan.notes.add({ text: 'weg' }, 'ans')
    huishouden.plan.notes.remove(removed, 'ans')
    expect(shareRecord(NOTES, removed, huishouden, plan, 'ans')).toBeUndefined()
    expect(plan.plan.notes.list()).toEqual([])
    expect(() => shareRecord(NOTES, 'x', plan, { ...plan, room: 'netwerk' }, 'ans')).toThrow(RangeError)
  })

  it('keeps concurrent sharings by two household devices as notes that merge', () => {
    const { plan, huishouden } = rooms()
    const draft = huishouden.plan.notes.add({ text: 'Samen' }, 'ans')
    const otherDevice = new Y.Doc()
    const otherHuishouden: RoomSide = { plan: Plan.open(otherDevice), room: 'huishouden' }
    sync(huishouden.plan.doc, otherDevice)
    const netwerk: RoomSide = { plan: Plan.open(new Y.Doc()), room: 'netwerk' }
    shareRecord(NOTES, draft, huishouden, plan, 'ans', 1)
    shareRecord(NOTES, draft, otherHuishouden, netwerk, 'kees', 2)
    sync(huishouden.plan.doc, otherDevice)
    expect(Object.keys(huishouden.plan.notes.get(draft)!.sharedTo).sort()).toEqual(['netwerk', 'plan'])
    expect(otherHuishouden.plan.notes.get(draft)).toEqual(huishouden.plan.notes.get(draft))
  })
})
