import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Plan } from './index.ts'
import { SCHEMA_VERSION, schemaVersionOf } from './migrations.ts'

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('plan schema', () => {
  it('creates a plan with meta, people and a story, stamped with the current version', () => {
    const doc = new Y.Doc()
    const plan = Plan.create(doc, { planId: 'abc', householdName: 'Familie Jansen', title: 'Ons plan' })
    const oma = plan.people.add({ name: 'Oma Riet', relation: 'oma', role: null }, null)
    expect(plan.meta.get()).toMatchObject({ planId: 'abc', householdName: 'Familie Jansen', title: 'Ons plan', language: 'nl' })
    expect(plan.people.get(oma)).toMatchObject({ name: 'Oma Riet', relation: 'oma', role: null })
    expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION)
    expect(plan.story).toBeInstanceOf(Y.XmlFragment)
  })

  it('upgrades a document written before versioning and keeps its content', () => {
    const old = new Y.Doc()
    old.getMap('meta').set('householdName', 'Familie de Vries')
    const person = new Y.Map<unknown>()
    person.set('name', 'Ahmed')
    old.getMap('people').set('p1', person)
    expect(schemaVersionOf(old)).toBe(0)

    const plan = Plan.open(old)
    expect(schemaVersionOf(old)).toBe(SCHEMA_VERSION)
    expect(plan.meta.get().householdName).toBe('Familie de Vries')
    expect(plan.people.get('p1')?.name).toBe('Ahmed')
  })

  it('does not stamp an empty document that has not arrived yet', () => {
    const doc = new Y.Doc()
    Plan.open(doc)
    expect(schemaVersionOf(doc)).toBe(0)
  })

  it('keeps keys a newer version wrote, and leaves a newer document at its version', () => {
    const doc = new Y.Doc()
    const plan = Plan.create(doc, { planId: 'p', householdName: 'H' })
    const id = plan.people.add({ name: 'Sam', relation: 'buurman', role: 'netwerk' }, null)
    doc.getMap<Y.Map<unknown>>('people').get(id)?.set('futureField', 'kept')
    doc.getMap('futureInstrument').set('x', 1)
    doc.getMap('schema').set('version', SCHEMA_VERSION + 5)

    const reopened = Plan.open(doc)
    reopened.people.update(id, { name: 'Sam B.' }, null)
    expect(reopened.upgrade()?.fromNewerVersion).toBe(true)
    expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION + 5)
    expect(doc.getMap<Y.Map<unknown>>('people').get(id)?.get('futureField')).toBe('kept')
    expect(doc.getMap('futureInstrument').get('x')).toBe(1)
    expect(reopened.people.get(id)?.name).toBe('Sam B.')
  })

  it('reads damaged or foreign values without throwing', () => {
    const doc = new Y.Doc()
    const plan = Plan.create(doc, { planId: 'p', householdName: 'H' })
    const weird = new Y.Map<unknown>()
    weird.set('name', 42)
    weird.set('role', 'koning')
    weird.set('order', '!!')
    doc.getMap('people').set('w', weird)
    doc.getMap('meta').set('language', 'klingon')
    expect(plan.people.get('w')).toMatchObject({ name: '', role: null })
    expect(plan.meta.get().language).toBe('nl')
    expect(() => plan.people.add({ name: 'Na', relation: '', role: null }, null)).not.toThrow()
  })

  it('keeps an edit made concurrently with a removal, and restores it', () => {
    const a = new Y.Doc()
    const planA = Plan.create(a, { planId: 'p', householdName: 'H' })
    const id = planA.people.add({ name: 'Kees', relation: 'vriend', role: null }, 'x')
    const b = new Y.Doc()
    sync(a, b)
    const planB = Plan.open(b)
    planA.people.remove(id, 'x')
    planB.people.update(id, { relation: 'goede vriend' }, 'y')
    sync(a, b)
    expect(planA.people.get(id)).toBeUndefined()
    expect(planB.people.removed()[0]).toMatchObject({ id, removedBy: 'x', relation: 'goede vriend' })
    planB.people.restore(id)
    sync(a, b)
    expect(planA.people.get(id)?.relation).toBe('goede vriend')
  })

  it('reorders with moves that converge across replicas', () => {
    const a = new Y.Doc()
    const planA = Plan.create(a, { planId: 'p', householdName: 'H' })
    const ids = ['A', 'B', 'C', 'D'].map((name) => planA.people.add({ name, relation: '', role: null }, null))
    const b = new Y.Doc()
    sync(a, b)
    const planB = Plan.open(b)
    planA.people.move(ids[3]!, 0, null)
    planB.people.move(ids[0]!, 3, null)
    sync(a, b)
    const namesA = planA.people.list().map((p) => p.name)
    expect(namesA).toEqual(planB.people.list().map((p) => p.name))
    expect(namesA[0]).toBe('D')
    expect([...namesA].sort()).toEqual(['A', 'B', 'C', 'D'])
  })
})
