import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sync } from '../../tests/support/planReplicas.ts'
import { entries, oneOf, text, type FieldSource } from './fields.ts'
import { FlatRecordList } from './flatRecordList.ts'
import { orderBetween } from './order.ts'

interface Task {
  wat: string
  kleur: 'rood' | 'blauw'
  wie: string[]
}
const spec = {
  read: (f: FieldSource): Task => ({ wat: text(f, 'wat'), kleur: oneOf(f, 'kleur', ['rood', 'blauw'] as const, 'rood'), wie: Object.keys(entries(f, 'wie')).sort() }),
}

function replicas(): { a: Y.Doc; b: Y.Doc; ra: FlatRecordList<Task>; rb: FlatRecordList<Task> } {
  const a = new Y.Doc()
  const b = new Y.Doc()
  return { a, b, ra: new FlatRecordList(a.getMap('taken'), spec), rb: new FlatRecordList(b.getMap('taken'), spec) }
}

const FIRST = orderBetween(null, null)

describe('FlatRecordList', () => {
  it('makes one record when two devices create the same id, keeping both sides\' members', () => {
    const { a, b, ra, rb } = replicas()
    ra.create('t1', { wat: 'Boodschappen' }, 'ann', FIRST)
    ra.setEntry('t1', 'wie', 'bob', { at: 1 })
    rb.create('t1', { wat: 'Boodschappen doen' }, 'bob', orderBetween(FIRST, null))
    rb.setEntry('t1', 'wie', 'cem', { at: 2 })
    sync(a, b)
    expect(ra.list()).toHaveLength(1)
    expect(ra.list()).toEqual(rb.list())
    expect(ra.get('t1')!.wie).toEqual(['bob', 'cem'])
    expect(['Boodschappen', 'Boodschappen doen']).toContain(ra.get('t1')!.wat)
  })

  it('never lets a creation arriving later undo a change made in the meantime', () => {
    // Whichever device's creation wins, the change written after one creation stays, for both client-id orders.
    for (const [first, second] of [[1, 2], [2, 1]] as const) {
      const a = new Y.Doc()
      const b = new Y.Doc()
      a.clientID = first
      b.clientID = second
      const ra = new FlatRecordList(a.getMap('taken'), spec)
      const rb = new FlatRecordList(b.getMap('taken'), spec)
      ra.create('t1', { wat: 'Koken' }, 'ann', FIRST)
      ra.update('t1', { wat: 'Koken op woensdag', kleur: 'blauw' }, 'ann')
      rb.create('t1', { wat: 'Koken' }, 'bob', FIRST)
      sync(a, b)
      for (const list of [ra, rb]) expect(list.get('t1')).toMatchObject({ wat: 'Koken op woensdag', kleur: 'blauw', updatedBy: 'ann' })
    }
  })

  it('keeps a change to null apart from "never changed"', () => {
    const { ra } = replicas()
    ra.create('t1', { wat: 'Koken' }, 'ann', FIRST)
    ra.update('t1', { wat: null } as never, 'ann')
    expect(ra.get('t1')!.wat).toBe('')
  })

  it('removes softly, restores, and forgets only what was removed', () => {
    const { ra } = replicas()
    ra.create('t1', { wat: 'Koken' }, 'ann', FIRST)
    ra.purge('t1')
    expect(ra.get('t1')).toBeDefined()
    ra.remove('t1', 'bob')
    expect(ra.list()).toEqual([])
    expect(ra.removed()).toMatchObject([{ id: 't1', removedBy: 'bob' }])
    ra.restore('t1')
    expect(ra.get('t1')!.wat).toBe('Koken')
    ra.remove('t1', 'bob')
    ra.purge('t1')
    expect(ra.holds('t1')).toBe(false)
  })

  it('shows no record for what a purge left behind, until it is created again', () => {
    const { a, b, ra, rb } = replicas()
    ra.create('t1', { wat: 'Koken' }, 'ann', FIRST)
    sync(a, b)
    ra.remove('t1', 'ann')
    ra.purge('t1')
    rb.setEntry('t1', 'wie', 'cem', { at: 1 })
    sync(a, b)
    expect(ra.holds('t1')).toBe(false)
    ra.create('t1', { wat: 'Opnieuw' }, 'ann', FIRST)
    expect(ra.get('t1')).toMatchObject({ wat: 'Opnieuw', wie: ['cem'] })
  })

  it('orders and moves by order key', () => {
    const { ra } = replicas()
    ra.create('x', { wat: 'x' }, null, FIRST)
    ra.create('y', { wat: 'y' }, null, orderBetween(FIRST, null))
    ra.move('y', 0, null)
    expect(ra.list().map((r) => r.id)).toEqual(['y', 'x'])
  })

  it('refuses ids with a separator and field names it cannot store, and reads junk without throwing', () => {
    const { a, ra } = replicas()
    ra.create('a/b', { wat: 'x' }, null, FIRST)
    expect(FlatRecordList.isId('a/b')).toBe(false)
    expect(ra.list()).toEqual([])
    const map = a.getMap('taken')
    map.set('j/=createdAt', 'gisteren')
    map.set('j/=kleur', 5)
    map.set('j/wie', new Y.Map())
    map.set('j/wie.__proto__', 1)
    map.set('/=createdAt', 1)
    map.set('zonder-scheiding', 1)
    expect(ra.list()).toMatchObject([{ id: 'j', wat: '', kleur: 'rood', wie: ['__proto__'], createdAt: 0 }])
  })
})
